package credibility

import "github.com/entente/entente/world"

// nuclearSince is the year each state first had a nuclear explosive
// device (first test, or for Israel the date the literature assigns), and
// the year South Africa dismantled its arsenal: Jo & Gartzke (2007),
// "Determinants of nuclear weapons proliferation", Journal of Conflict
// Resolution 51(1): 167–194, and the SIPRI Yearbook. Historical Worlds do
// not code nuclear status; world files do (State.Nuclear), and win.
var nuclearSince = map[int][2]int{
	2:   {1945, 0},    // United States, Trinity, July 1945
	365: {1949, 0},    // Soviet Union / Russia, August 1949
	200: {1952, 0},    // United Kingdom, October 1952
	220: {1960, 0},    // France, February 1960
	710: {1964, 0},    // China, October 1964
	666: {1967, 0},    // Israel, undeclared (Jo & Gartzke)
	750: {1974, 0},    // India, May 1974
	560: {1979, 1991}, // South Africa, dismantled by 1991
	770: {1998, 0},    // Pakistan, May 1998
	731: {2006, 0},    // North Korea, October 2006
}

// Nuclear reports whether s had nuclear weapons in year y: the world
// file's coding when it has one (weapons), else the table above.
func Nuclear(s *world.State, y int) bool {
	if s.Nuclear == world.NuclearWeapons {
		return true
	}
	if s.Nuclear != world.NuclearNone {
		return false // shared or umbrella: another state's weapons
	}
	r, ok := nuclearSince[s.CCode]
	return ok && y >= r[0] && (r[1] == 0 || y <= r[1])
}

// intercontinental is the year each nuclear state first deployed a
// delivery system of intercontinental range (an ICBM or a
// ballistic-missile submarine; for North Korea the first full-range test
// of the Hwasong-15): IISS, The Military Balance, various years.
var intercontinental = map[int]int{2: 1959, 365: 1959, 200: 1968, 220: 1971, 710: 1981, 731: 2017}

// RegionalRangeKm is the reach of a nuclear state's weapons before it had
// intercontinental delivery, or when it never did: bombers and
// medium-range missiles.
const RegionalRangeKm = 2500

// Exposed reports whether the adversary a could strike the patron p's
// homeland with nuclear weapons in w's year: a is nuclear-armed and p's
// capital lies within its reach (intercontinental from the year in the
// table above, else RegionalRangeKm).
func Exposed(w *world.World, a, p *world.State) bool {
	if !Nuclear(a, w.Year) {
		return false
	}
	if y, ok := intercontinental[a.CCode]; ok && w.Year >= y {
		return true
	}
	d := w.Relation(a.CCode, p.CCode).CapDistKm
	return d.OK() && float64(d) <= RegionalRangeKm
}
