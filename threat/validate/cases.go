package validate

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/entente/entente/internal/source/table"
)

// Case is one face-validity case: a state whose principal threat, choice
// and partners the record agrees on.
type Case struct {
	World     string // "history" or "embedded"
	Year      int
	State     int
	Name      string
	TopThreat []int  // any of them passes
	Choice    string // "balance", "bandwagon", or "" when not scored
	Partners  []int  // any of them among the first three partners passes; empty: not scored
	Note      string
}

// ReadCases reads a cases file (columns world, year, state, state_name,
// top_threat, choice, partner_any, note; codes separated by '|'). Errors
// name the file, line and column.
func ReadCases(name string, src io.Reader) ([]Case, error) {
	r, err := table.New(name, src, table.Options{})
	if err != nil {
		return nil, err
	}
	if err := r.Require("world", "year", "state", "top_threat", "choice", "partner_any"); err != nil {
		return nil, err
	}
	var out []Case
	for r.Next() {
		c := Case{World: r.String("world"), Year: r.Int("year"), State: r.Int("state"),
			Choice: r.String("choice")}
		if r.Has("state_name") {
			c.Name = r.String("state_name")
		}
		if r.Has("note") {
			c.Note = r.String("note")
		}
		if c.World != "history" && c.World != "embedded" {
			return nil, r.Fail("world", "history or embedded", fmt.Errorf("%w: %q", table.ErrSyntax, c.World))
		}
		if c.Choice != "" && c.Choice != "balance" && c.Choice != "bandwagon" {
			return nil, r.Fail("choice", "balance, bandwagon or empty", fmt.Errorf("%w: %q", table.ErrSyntax, c.Choice))
		}
		if c.TopThreat, err = codes(r.String("top_threat")); err != nil || len(c.TopThreat) == 0 {
			return nil, r.Fail("top_threat", "COW codes separated by |", table.ErrSyntax)
		}
		if c.Partners, err = codes(r.String("partner_any")); err != nil {
			return nil, r.Fail("partner_any", "COW codes separated by |, or empty", table.ErrSyntax)
		}
		if r.Err() != nil {
			break
		}
		out = append(out, c)
	}
	return out, r.Err()
}

func codes(s string) ([]int, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []int
	for _, p := range strings.Split(s, "|") {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
