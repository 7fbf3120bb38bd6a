package world

import "testing"

func TestCommitment(t *testing.T) {
	o := func(ks ...Obligation) Obligations {
		var out Obligations
		for _, k := range ks {
			out = out.With(k)
		}
		return out
	}
	tests := []struct {
		name   string
		formal bool
		alli   Obligations
		member Obligations // one member's own pledge
		want   Commitment
	}{
		{"NATO", true, o(Defense, Consultation), 0, DefencePact},
		{"a member's defence pledge", true, o(Consultation), o(Defense), DefencePact},
		{"AUKUS", true, o(Technology, Consultation), 0, TechnologyPartnership},
		{"the Quad", false, o(Consultation), 0, ConsultationForum},
		{"a consultation treaty", true, o(Consultation), 0, ConsultationPact},
		{"nonaggression", true, o(Nonaggression, Consultation), 0, NonaggressionPact},
		{"US–Israel", false, o(Entente), 0, Alignment},
	}
	for _, tc := range tests {
		a := Alliance{Formal: tc.formal, Obligations: tc.alli, Members: []Member{{CCode: 1, Obligations: tc.member}}}
		if got := a.Commitment(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if o(Technology).String() != "technology" {
		t.Errorf("technology obligation writes as %q", o(Technology).String())
	}
}

func TestStatusAndSuspension(t *testing.T) {
	m := Member{CCode: 652, Spell: Spell{Start: D(1950, 6, 17)}, Status: []Participation{
		{Status: Suspended, Spell: Spell{Start: D(2011, 11, 12), End: D(2023, 5, 7)}}}}
	for _, tc := range []struct {
		d    Date
		want string
	}{{D(2011, 11, 11), Active}, {D(2011, 11, 12), Suspended}, {D(2023, 5, 7), Suspended}, {D(2023, 5, 8), Active}} {
		if got := m.StatusOn(tc.d); got != tc.want {
			t.Errorf("status on %v: %s, want %s", tc.d, got, tc.want)
		}
	}
	a := Alliance{Suspensions: []Suspension{{Dyad: MakeDyad(920, 2), Spell: Spell{Start: D(1986, 8, 11)}}}}
	if a.SuspendedOn(2, 920, D(2024, 12, 31)) == nil || a.SuspendedOn(920, 2, D(1986, 8, 10)) != nil || a.SuspendedOn(2, 900, D(2024, 12, 31)) != nil {
		t.Error("SuspendedOn: want the US–New Zealand dyad suspended from 1986-08-11 only")
	}
	s := NewState(380, "Sweden")
	s.Figures = []Figure{{Field: "milex_share_gdp", Source: Source{ID: "nato", Year: 2024}, Value: 2.14}}
	if s.Figure("milex_share_gdp", "nato", 2024) != 2.14 || s.Figure("milex_share_gdp", "nato", 2023).OK() {
		t.Error("Figure: want NATO's 2024 figure and nothing for 2023")
	}
}
