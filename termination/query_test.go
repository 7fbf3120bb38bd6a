package termination

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/survival"
)

func TestQueryPlan(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    Query
		want Plan
	}{
		{"default", Query{}, Plan{Source: "atop", Level: AllianceLevel, To: 9999,
			Options: Options{Covariates: []string{"bilat", "asymm", "defense", "nonagg", "consul"}}}},
		{"cow members", Query{Source: "cow", Level: "member", By: "type", Ties: "breslow"}, Plan{Source: "cow", Level: MemberLevel, To: 9999,
			Options: Options{Covariates: []string{"bilat", "defense", "neutral", "nonagg"}, By: "type", Ties: survival.Breslow}}},
		{"leeds savun", Query{Cause: "violation", Formed: "1816-1989", Bilateral: true}, Plan{Source: "atop", Level: AllianceLevel, From: 1816, To: 1989, Bilateral: true,
			Options: Options{Covariates: []string{"asymm", "defense", "nonagg", "consul"}, Cause: Violation}}},
		{"named", Query{Covariates: " mid, newally,", Cause: "other"}, Plan{Source: "atop", Level: AllianceLevel, To: 9999,
			Options: Options{Covariates: []string{"mid", "newally"}, Cause: Other}}},
		{"none", Query{Covariates: "none"}, Plan{Source: "atop", Level: AllianceLevel, To: 9999}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := tc.q.Plan()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*p, tc.want) {
				t.Errorf("got %+v\nwant %+v", *p, tc.want)
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	for _, tc := range []struct {
		q           Query
		param, flag string
	}{
		{Query{Source: "cshapes"}, "source", `--source "cshapes": want atop or cow`},
		{Query{Level: "dyad"}, "level", `--level "dyad": want alliance or member`},
		{Query{By: "era"}, "by", `--by "era": want type`},
		{Query{Cause: "war"}, "cause", `--cause "war": want all, violation or other`},
		{Query{Source: "cow", Cause: "violation"}, "cause", `--cause violation: COW codes no cause of termination; use --source atop`},
		{Query{Ties: "exact"}, "ties", `--ties "exact": want efron or breslow`},
		{Query{Covariates: "bilat,polity"}, "covariates", `--covariates: no covariate "polity" for atop; valid: bilat, asymm`},
		{Query{Source: "cow", Covariates: "asymm"}, "covariates", `--covariates: no covariate "asymm" for cow`},
		{Query{Formed: "1989-1816"}, "formed", `--formed "1989-1816": want FROM-TO, two years, e.g. 1816-1989`},
		{Query{Formed: "1816"}, "formed", `--formed "1816": want FROM-TO`},
	} {
		_, err := tc.q.Plan()
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != tc.param || !startsWith(pe.Named("--"), tc.flag) || startsWith(err.Error(), "--") {
			t.Errorf("%+v: error %v, want %s: %s", tc.q, err, tc.param, tc.flag)
		}
	}
}

func startsWith(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }

// TestFromHistory checks that the spells built from a History opened for
// the alliance files alone are those of the files read directly, and the
// reference construction's counts.
func TestFromHistory(t *testing.T) {
	dir := testenv.DataDir(t)
	p, err := Query{}.Plan()
	if err != nil {
		t.Fatal(err)
	}
	files := p.Files()
	h, err := history.OpenWith(dir, history.Options{Skip: func(f string) bool { return !slices.Contains(files, f) }})
	if err != nil {
		t.Fatal(err)
	}
	spells, facts, err := p.Spells(h)
	if err != nil {
		t.Fatal(err)
	}
	al, ms := loadATOP(t)
	want, err := ATOP(al, ms, AllianceLevel)
	if err != nil {
		t.Fatal(err)
	}
	// Missing values are NaN, which DeepEqual never finds equal: compare
	// the printed spells.
	same := func(a, b []Spell) bool { return fmt.Sprintf("%+v", a) == fmt.Sprintf("%+v", b) }
	if len(spells) != 745 || !same(spells, want) || !same(facts.Alliances, want) {
		t.Errorf("%d spells from the history, %d read directly (want 745, equal)", len(spells), len(want))
	}
	if p.NeedsHistory() {
		t.Error("the design covariates need no history")
	}
	p, _ = Query{Formed: "1700-1710"}.Plan()
	if _, _, err := p.Spells(h); err == nil || err.Error() != "no atop spells formed in 1700–1710" {
		t.Errorf("no spells: %v", err)
	}
}
