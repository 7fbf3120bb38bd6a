// Package web holds entente's web application as built by "make web" (the
// npm project in web/, bundled into dist/), embedded in the binary so that
// the server needs no other file. The binary builds without it: dist then
// holds only its README and the server shows NotBuiltPage.
package web

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built application and whether it was built (it has an
// index.html).
func Dist() (fs.FS, bool) {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // dist is embedded at build time
	}
	_, err = fs.Stat(sub, "index.html")
	return sub, err == nil
}

// NotBuiltPage is served at / when the application was not built.
const NotBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>entente</title></head>
<body>
<h1>entente</h1>
<p>The web application was not built into this binary. The API works: see
<a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>To build the application, run <code>make web</code> (it needs Node.js and npm),
then rebuild entente: <code>go build ./cmd/entente</code>.</p>
</body></html>
`
