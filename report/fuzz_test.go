package report_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/entente/entente/internal/worldfile/worldfiletest"
	"github.com/entente/entente/report"
	"github.com/entente/entente/world"
)

var (
	srcNaN = regexp.MustCompile(`(?i)\b(nan|inf)\b`)
	outNaN = regexp.MustCompile(`\b(NaN|[+-]?Inf)\b`)
)

// FuzzReportOnWorldFiles builds the report (alliance structure, threat,
// capability, burden, relations) of every world file that parses and
// writes it in every format: no panic, no failure to write a report that
// was built, no NaN or Inf printed where a figure was expected.
//
//	go test -run '^$' -fuzz FuzzReportOnWorldFiles -fuzztime 2m ./report
func FuzzReportOnWorldFiles(f *testing.F) {
	worldfiletest.FuzzSource(f, func(t *testing.T, src []byte, w *world.World) {
		r, err := report.Build(w)
		if err != nil {
			return // a world the report declines, with an error
		}
		for _, format := range report.Formats {
			var b strings.Builder
			if err := report.Write(&b, r, format); err != nil {
				t.Fatalf("report --format %s of a valid world: %v", format, err)
			}
			if format == "json" {
				continue // encoding/json refuses NaN and Inf: Write fails
			}
			if srcNaN.Match(src) {
				continue // a name or note of the file's own may say NaN
			}
			if loc := outNaN.FindStringIndex(b.String()); loc != nil {
				t.Fatalf("report --format %s prints %q", format, b.String()[max(0, loc[0]-80):loc[1]])
			}
		}
	})
}
