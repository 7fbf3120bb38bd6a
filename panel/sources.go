package panel

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Coverage of the sources, in years. A value outside a source's coverage
// is missing.
const (
	SystemFrom, SystemTo           = 1816, 2016 // COW state system membership v2016
	COWAllianceFrom, COWAllianceTo = 1816, 2012 // COW formal alliances v4.1
	ATOPFrom, ATOPTo               = 1815, 2018 // ATOP 5.1 directed dyad-years
	NMCFrom, NMCTo                 = 1816, 2016 // NMC v6.0
	ContiguityFrom, ContiguityTo   = 1816, 2016 // COW direct contiguity v3.2
	CapitalsFrom, CapitalsTo       = 1816, 2024 // COW capitals (peacesciencer)
	MinDistFrom, MinDistTo         = 1886, 2019 // CShapes 2.0 minimum distance (peacesciencer)
	GMLFrom, GMLTo                 = 1816, 2010 // GML MID 2.1.1 dyad-years
)

// Files read by the panels, relative to the data directory (the paths of
// the internal/dataset catalogue), with the catalogue name of each.
var files = map[Need]struct{ path, dataset string }{
	NeedSystem:     {"cow_states/system2016.csv", "cow-states"},
	NeedMajors:     {"cow_states/majors2016.csv", "cow-states"},
	NeedNMC:        {"nmc/NMC-60-abridged.csv", "nmc"},
	NeedCOW:        {"cow_alliances_v4.1/alliance_v4.1_by_member.csv", "cow-alliances"},
	NeedATOP:       {"atop/atop_v5.1_ddyr_obligations_peacesciencer.csv", "atop-ddyr-peacesciencer"},
	NeedContiguity: {"cow_contiguity_v3.2/contdird.csv", "cow-contiguity"},
	NeedCapitals:   {"capitals_distance/cow_capitals_peacesciencer.csv", "capitals-peacesciencer"},
	NeedMinDist:    {"capitals_distance/cow_mindist_cshapes2_peacesciencer.csv", "mindist-peacesciencer"},
	NeedGML:        {"mid/gml-ddy-disputes-2.1.1.csv", "gml-mid"},
}

// Need is a set of sources to load.
type Need uint16

const (
	NeedSystem Need = 1 << iota
	NeedMajors
	NeedNMC
	NeedCOW
	NeedATOP
	NeedContiguity
	NeedCapitals
	NeedMinDist
	NeedGML
)

// Data holds the year-indexed tables the panels read, for the years of the
// COW state system (1816–2016). Dyad-year tables hold, per year, the
// directed records of that year; a panel year spreads them into dense
// matrices over that year's members.
type Data struct {
	Dir     string
	Loaded  Need
	members [][]int // by year - SystemFrom, sorted ccodes

	nmc      []world.Capability // by (year-SystemFrom)*1000 + ccode
	nmcKnown []bool
	majors   map[int][]world.Spell
	cow      [][]cowRec
	atop     [][]obRec
	cont     [][]contRec
	capitals map[int][]capitalSpell
	mindist  [][]distRec
	gml      [][]gmlRec
}

type cowRec struct {
	c1, c2     int16
	set, known world.Obligations
}

type obRec struct {
	c1, c2 int16
	o      world.Obligations
}

type contRec struct {
	c1, c2 int16
	t      int8
}

type distRec struct {
	c1, c2 int16
	km     float64
}

type gmlRec struct {
	c1, c2         int16
	onset, ongoing bool
	hostlev        int8
}

type capitalSpell struct {
	spell    world.Spell
	lat, lon world.Value
}

// Members returns the sorted ccodes of the system members in year y.
func (d *Data) Members(y int) []int {
	if y < SystemFrom || y > SystemTo {
		return nil
	}
	return d.members[y-SystemFrom]
}

// Load reads the sources in need (the system membership always) from the
// data directory dir, several files at a time.
func Load(ctx context.Context, dir string, need Need) (*Data, error) {
	need |= NeedSystem
	d := &Data{Dir: dir, Loaded: need}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for n := Need(1); n <= NeedGML; n <<= 1 {
		if need&n == 0 {
			continue
		}
		f := files[n]
		path := filepath.Join(dir, filepath.FromSlash(f.path))
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ctx.Err() != nil {
				return
			}
			if err := d.load(n, path); err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					err = fmt.Errorf("%w (get it with 'entente data get %s')", err, f.dataset)
				}
				mu.Lock()
				errs = append(errs, fmt.Errorf("read %s: %w", f.path, err))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
		return nil, errors.Join(errs...)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

func yearsSlice[T any]() [][]T { return make([][]T, SystemTo-SystemFrom+1) }

func inSystem(y int) bool { return y >= SystemFrom && y <= SystemTo }

func (d *Data) load(n Need, path string) error {
	switch n {
	case NeedSystem:
		rows, err := cow.ReadSystem(path)
		if err != nil {
			return err
		}
		d.members = yearsSlice[int]()
		for _, r := range rows {
			if inSystem(r.Year) {
				d.members[r.Year-SystemFrom] = append(d.members[r.Year-SystemFrom], r.CCode)
			}
		}
		for _, m := range d.members {
			slices.Sort(m)
		}
	case NeedMajors:
		rows, err := cow.ReadMajors(path)
		if err != nil {
			return err
		}
		d.majors = map[int][]world.Spell{}
		for _, r := range rows {
			d.majors[r.CCode] = append(d.majors[r.CCode], r.Spell)
		}
	case NeedNMC:
		rows, err := cow.ReadNMC(path)
		if err != nil {
			return err
		}
		size := (SystemTo - SystemFrom + 1) * 1000
		d.nmc = make([]world.Capability, size)
		d.nmcKnown = make([]bool, size)
		for _, r := range rows {
			if inSystem(r.Year) {
				k := (r.Year-SystemFrom)*1000 + r.CCode
				d.nmc[k], d.nmcKnown[k] = r.Capability, true
			}
		}
	case NeedCOW:
		rows, err := cow.ReadMembers(path)
		if err != nil {
			return err
		}
		d.cow = expandCOW(rows)
	case NeedATOP:
		if ok, err := d.loadATOPFast(path); err != nil || ok {
			return err
		}
		rows, err := atop.ReadDyadYears(path)
		if err != nil {
			return err
		}
		d.atop = yearsSlice[obRec]()
		for _, r := range rows {
			if inSystem(r.Year) {
				d.atop[r.Year-SystemFrom] = append(d.atop[r.Year-SystemFrom], obRec{int16(r.CCode1), int16(r.CCode2), r.Obligations})
			}
		}
	case NeedContiguity:
		rows, err := cow.ReadContiguityYears(path)
		if err != nil {
			return err
		}
		d.cont = yearsSlice[contRec]()
		for _, r := range rows {
			if inSystem(r.Year) {
				d.cont[r.Year-SystemFrom] = append(d.cont[r.Year-SystemFrom], contRec{int16(r.State1), int16(r.State2), int8(r.Type)})
			}
		}
	case NeedCapitals:
		return d.loadCapitals(path)
	case NeedMinDist:
		return d.loadMinDist(path)
	case NeedGML:
		return d.loadGML(path)
	}
	return nil
}

// atopColumns are the columns of the ATOP 5.1 directed dyad-year file as
// peacesciencer writes it, and the obligation of each flag.
var atopColumns = []string{"ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"}

var atopFlags = []world.Obligation{world.Defense, world.Offense, world.Neutrality, world.Nonaggression, world.Consultation}

// loadATOPFast reads the ATOP dyad-years on the fast path, checking what
// atop.ReadDyadYears checks; on any irregularity it reports ok = false and
// the caller reads the file with atop.ReadDyadYears for the exact error.
func (d *Data) loadATOPFast(path string) (bool, error) {
	d.atop = yearsSlice[obRec]()
	ok, err := readNumeric(path, atopColumns, func(f []float64) bool {
		c1, c2, y := f[0], f[1], f[2]
		if !isCode(c1) || !isCode(c2) || c1 == c2 || y != math.Trunc(y) || y < ATOPFrom || y > ATOPTo {
			return false
		}
		var o world.Obligations
		for k, ob := range atopFlags {
			switch f[3+k] {
			case 1:
				o = o.With(ob)
			case 0:
			default:
				return false
			}
		}
		if yi := int(y); inSystem(yi) {
			d.atop[yi-SystemFrom] = append(d.atop[yi-SystemFrom], obRec{int16(c1), int16(c2), o})
		}
		return true
	})
	if err != nil || !ok {
		d.atop = nil
	}
	return ok, err
}

// COWDyadYears is the run of years in which a COW alliance binds two of
// its members, ccode1's pledges toward ccode2.
type COWDyadYears struct {
	ID             int
	CCode1, CCode2 int
	From, To       int         // years, inclusive, within 1816–2012
	Pledges        cow.Pledges // those of CCode1, towards CCode2
}

// ExpandCOW returns the directed dyad-years of the COW member-level file:
// for every alliance and every ordered pair of membership spells of two
// different members, the years that both spells overlap
// (world.Spell.Overlaps: the spell began in or before the year and had not
// ended before it began), with the first member's pledges. A spell still
// in force at the end of the data (no end date) runs to 2012.
//
// This is the rule COW's directed dyad file follows: expanding
// alliance_v4.1_by_directed.csv by the same rule gives the same
// dyad-years and pledges. It binds two members in a year even when one
// left before the other joined (Germany and West Germany in NATO in 1990).
func ExpandCOW(members []cow.Member) []COWDyadYears {
	byID := map[int][]cow.Member{}
	var ids []int
	for _, m := range members {
		if _, ok := byID[m.ID]; !ok {
			ids = append(ids, m.ID)
		}
		byID[m.ID] = append(byID[m.ID], m)
	}
	slices.Sort(ids)
	var out []COWDyadYears
	for _, id := range ids {
		ms := byID[id]
		for _, a := range ms {
			for _, b := range ms {
				if a.CCode == b.CCode {
					continue
				}
				fa, ta := spellYears(a.Spell)
				fb, tb := spellYears(b.Spell)
				from, to := max(fa, fb), min(ta, tb)
				if from > to {
					continue
				}
				out = append(out, COWDyadYears{ID: id, CCode1: a.CCode, CCode2: b.CCode, From: from, To: to, Pledges: a.Pledges})
			}
		}
	}
	return out
}

// spellYears returns the years of COW alliance coverage a spell overlaps.
func spellYears(s world.Spell) (from, to int) {
	from, to = max(s.Start.Year, COWAllianceFrom), COWAllianceTo
	if !s.End.IsZero() {
		to = min(to, s.End.Year)
	}
	return from, to
}

// expandCOW spreads the directed dyad-years by year.
func expandCOW(members []cow.Member) [][]cowRec {
	out := yearsSlice[cowRec]()
	for _, ds := range ExpandCOW(members) {
		for y := ds.From; y <= ds.To; y++ {
			out[y-SystemFrom] = append(out[y-SystemFrom], cowRec{int16(ds.CCode1), int16(ds.CCode2), ds.Pledges.Set, ds.Pledges.Known})
		}
	}
	return out
}

func (d *Data) loadCapitals(path string) error {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return err
	}
	defer r.Close()
	if err := r.Require("ccode", "stdate", "enddate", "lat", "lng"); err != nil {
		return err
	}
	d.capitals = map[int][]capitalSpell{}
	for r.Next() {
		c := r.IntIn("ccode", 1, 999)
		var s capitalSpell
		s.spell.Start = isoDate(r, "stdate")
		s.spell.End = isoDate(r, "enddate")
		s.lat, s.lon = r.Value("lat"), r.Value("lng")
		if r.Err() == nil && s.lat.OK() && (s.lat < -90 || s.lat > 90) {
			r.Fail("lat", "a latitude in [-90, 90]", table.ErrRange)
		}
		if r.Err() == nil && s.lon.OK() && (s.lon < -180 || s.lon > 180) {
			r.Fail("lng", "a longitude in [-180, 180]", table.ErrRange)
		}
		if r.Err() != nil {
			return r.Err()
		}
		d.capitals[c] = append(d.capitals[c], s)
	}
	return r.Err()
}

func isoDate(r *table.Reader, col string) world.Date {
	s := r.String(col)
	if r.Err() != nil {
		return world.Date{}
	}
	dt, err := world.ParseDate(s)
	if err != nil {
		r.Fail(col, "a date YYYY-MM-DD", table.ErrSyntax)
	}
	return dt
}

// capital returns the coordinates of c's capital in force in year y: the
// capital on 1 July, or else the last capital whose spell overlaps y.
func (d *Data) capital(c, y int) (lat, lon world.Value) {
	lat, lon = world.Missing(), world.Missing()
	mid := world.D(y, 7, 1)
	for _, s := range d.capitals[c] {
		if s.spell.ActiveOn(mid) {
			return s.lat, s.lon
		}
		if s.spell.Overlaps(y) {
			lat, lon = s.lat, s.lon
		}
	}
	return lat, lon
}

func (d *Data) loadMinDist(path string) error {
	d.mindist = yearsSlice[distRec]()
	ok, err := readNumeric(path, []string{"ccode1", "ccode2", "year", "mindist"}, func(f []float64) bool {
		c1, c2, y, km := f[0], f[1], f[2], f[3]
		if !isCode(c1) || !isCode(c2) || y != math.Trunc(y) || y < MinDistFrom || y > MinDistTo || km < 0 {
			return false
		}
		if yi := int(y); inSystem(yi) {
			d.mindist[yi-SystemFrom] = append(d.mindist[yi-SystemFrom], distRec{int16(c1), int16(c2), km})
		}
		return true
	})
	if err != nil || ok {
		return err
	}
	d.mindist = yearsSlice[distRec]()
	return d.loadMinDistExact(path)
}

// isCode reports whether f is a whole number in 1..999.
func isCode(f float64) bool { return f >= 1 && f <= 999 && f == math.Trunc(f) }

// loadMinDistExact reads the minimum distances with table.Reader, which
// reports bad input exactly.
func (d *Data) loadMinDistExact(path string) error {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return err
	}
	defer r.Close()
	if err := r.Require("ccode1", "ccode2", "year", "mindist"); err != nil {
		return err
	}
	d.mindist = yearsSlice[distRec]()
	for r.Next() {
		c1, c2, y := r.IntIn("ccode1", 1, 999), r.IntIn("ccode2", 1, 999), r.IntIn("year", MinDistFrom, MinDistTo)
		km := r.Value("mindist")
		if r.Err() == nil && km.OK() && (km < 0 || math.IsInf(float64(km), 0)) {
			r.Fail("mindist", "a non-negative distance", table.ErrRange)
		}
		if r.Err() != nil {
			return r.Err()
		}
		if inSystem(y) {
			d.mindist[y-SystemFrom] = append(d.mindist[y-SystemFrom], distRec{int16(c1), int16(c2), float64(km)})
		}
	}
	return r.Err()
}

func (d *Data) loadGML(path string) error {
	r, err := table.Open(path, table.COW)
	if err != nil {
		return err
	}
	defer r.Close()
	if err := r.Require("dispnum", "ccode1", "ccode2", "year", "midonset", "midongoing", "hostlev1", "hostlev2"); err != nil {
		return err
	}
	d.gml = yearsSlice[gmlRec]()
	for r.Next() {
		c1, c2, y := r.IntIn("ccode1", 1, 999), r.IntIn("ccode2", 1, 999), r.IntIn("year", GMLFrom, GMLTo)
		on, _ := r.Flag("midonset")
		ong, _ := r.Flag("midongoing")
		h := 0
		for _, col := range []string{"hostlev1", "hostlev2"} {
			if v, ok := r.OptInt(col); ok {
				if v < 1 || v > 5 {
					r.Fail(col, "a hostility level 1..5", table.ErrRange)
				}
				h = max(h, v)
			}
		}
		if r.Err() != nil {
			return r.Err()
		}
		if inSystem(y) {
			d.gml[y-SystemFrom] = append(d.gml[y-SystemFrom], gmlRec{int16(c1), int16(c2), on, ong, int8(h)})
		}
	}
	return r.Err()
}
