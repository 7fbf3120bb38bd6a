package server

import (
	"io/fs"
	"net/http"
	"strings"

	"github.com/entente/entente/internal/web"
)

// static serves the embedded web application, or, when it was not built,
// a page that says how to build it. Unknown /api/ paths get a JSON 404.
func (s *Server) static() http.Handler {
	dist, built := web.Dist()
	files := http.FileServerFS(dist)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			writeError(w, &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "no API route " + r.Method + " " + r.URL.Path + "; see /api/openapi.json"})
			return
		}
		if !built {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusOK)
			w.Write([]byte(web.NotBuiltPage))
			return
		}
		if _, err := fs.Stat(dist, trimSlash(r.URL.Path)); err != nil && r.URL.Path != "/" {
			writeError(w, &apiError{Status: http.StatusNotFound, Code: "not_found", Message: "no file " + r.URL.Path})
			return
		}
		files.ServeHTTP(w, r)
	})
}

func trimSlash(p string) string {
	for len(p) > 0 && p[0] == '/' {
		p = p[1:]
	}
	if p == "" {
		return "."
	}
	return p
}
