package validate

import (
	"fmt"

	"github.com/entente/entente/align"
	"github.com/entente/entente/history"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// Worlds supplies the Worlds the cases name: the historical World of a year
// and the embedded 2024 world.
type Worlds struct {
	History  *history.History
	Embedded *world.World
}

// World returns the World of kind ("history" or "embedded") and year.
func (ws Worlds) World(kind string, year int) (*world.World, error) {
	switch kind {
	case "embedded":
		if ws.Embedded == nil {
			return nil, fmt.Errorf("validate: no embedded world")
		}
		if ws.Embedded.Year != year {
			return nil, fmt.Errorf("validate: the embedded world is of %d, not %d", ws.Embedded.Year, year)
		}
		return ws.Embedded, nil
	case "history":
		if ws.History == nil {
			return nil, fmt.Errorf("validate: no history for %d", year)
		}
		return ws.History.World(year)
	}
	return nil, fmt.Errorf("validate: unknown world %q (want history or embedded)", kind)
}

// FaceRow is the model's answer to one case. TopThreat is 0 when the state
// faces no actual threat; Choice and Partners are "" and nil when the case
// does not score them (ChoiceScored, PartnerScored).
type FaceRow struct {
	Case          Case   `json:"-"`
	World         string `json:"world"`
	Year          int    `json:"year"`
	State         int    `json:"state"`
	Name          string `json:"name"`
	Want          []int  `json:"want_top_threat"`
	TopThreat     int    `json:"top_threat"`
	TopName       string `json:"top_threat_name"`
	TopPass       bool   `json:"top_pass"`
	Choice        string `json:"choice"`
	WantChoice    string `json:"want_choice"`
	ChoiceScored  bool   `json:"choice_scored"`
	ChoicePass    bool   `json:"choice_pass"`
	Partners      []int  `json:"partners"`
	WantPartners  []int  `json:"want_partners"`
	PartnerScored bool   `json:"partner_scored"`
	PartnerPass   bool   `json:"partner_pass"`
}

// FaceResult is the face-validity table with its pass counts.
type FaceResult struct {
	Rows                          []FaceRow `json:"rows"`
	Top, Choices, Partners        int       `json:"-"`
	TopPass, ChoicePass, PartPass int       `json:"-"`
}

// Rates returns the shares of top threats, scored choices and partner
// checks that pass.
func (r *FaceResult) Rates() (top, choice, partner float64) {
	div := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	return div(r.TopPass, r.Top), div(r.ChoicePass, r.Choices), div(r.PartPass, r.Partners)
}

// PartnersChecked is how many of the model's partners a partner check reads.
const PartnersChecked = 3

// Face runs the model (threat options to, alignment options ao) on every
// case. A case whose World cannot be built, or whose state is not in it, is
// an error: the cases name real states in real years.
func Face(cases []Case, ws Worlds, to threat.Options, ao align.Options) (*FaceResult, error) {
	type key struct {
		kind string
		year int
	}
	type model struct {
		w  *world.World
		ps map[int]align.Prediction
	}
	cache := map[key]model{}
	res := &FaceResult{}
	for _, c := range cases {
		k := key{c.World, c.Year}
		md, ok := cache[k]
		if !ok {
			w, err := ws.World(c.World, c.Year)
			if err != nil {
				return nil, err
			}
			m, err := threat.Compute(w, to)
			if err != nil {
				return nil, err
			}
			ps, err := align.Predict(w, m, ao)
			if err != nil {
				return nil, err
			}
			md = model{w: w, ps: map[int]align.Prediction{}}
			for _, p := range ps {
				md.ps[p.State] = p
			}
			cache[k] = md
		}
		p, ok := md.ps[c.State]
		if !ok {
			return nil, fmt.Errorf("validate: case %s %d: state %d is not in that world", c.World, c.Year, c.State)
		}
		row := FaceRow{Case: c, World: c.World, Year: c.Year, State: c.State, Name: c.Name,
			Want: c.TopThreat, Choice: string(p.Choice), WantChoice: c.Choice, WantPartners: c.Partners,
			ChoiceScored: c.Choice != "", PartnerScored: len(c.Partners) > 0, Partners: []int{}}
		if row.Name == "" {
			if s := md.w.State(c.State); s != nil {
				row.Name = s.Name
			}
		}
		if p.TopThreat != nil {
			row.TopThreat = p.TopThreat.From
			if s := md.w.State(row.TopThreat); s != nil {
				row.TopName = s.Name
			}
		}
		row.TopPass = contains(c.TopThreat, row.TopThreat)
		for i, q := range p.Partners {
			if i >= PartnersChecked {
				break
			}
			row.Partners = append(row.Partners, q.CCode)
			row.PartnerPass = row.PartnerPass || contains(c.Partners, q.CCode)
		}
		row.ChoicePass = row.ChoiceScored && row.Choice == c.Choice
		res.Top++
		if row.TopPass {
			res.TopPass++
		}
		if row.ChoiceScored {
			res.Choices++
			if row.ChoicePass {
				res.ChoicePass++
			}
		}
		if row.PartnerScored {
			res.Partners++
			if row.PartnerPass {
				res.PartPass++
			}
		}
		res.Rows = append(res.Rows, row)
	}
	return res, nil
}

func contains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}
