package credibility

import (
	"runtime"
	"sync"

	"github.com/entente/entente/history"
	"github.com/entente/entente/reliability"
)

// Source builds the Contexts of the historical Worlds: the World of each
// year with the patrons' reliability record (llm rule) and ATOP's
// provisions. It caches each year's Context and is safe for concurrent
// use.
type Source struct {
	H    *history.History
	Rec  *Record
	Prov Provisions
	Opt  Options

	mu   sync.Mutex
	ctxs map[int]*Context
}

// NewSource returns the Source of h, with the record read from the llm
// rows.
func NewSource(h *history.History, llm []reliability.Row, o Options) (*Source, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return &Source{H: h, Rec: NewRecord(llm), Prov: ATOPProvisions(h.ATOPMembers()), Opt: o, ctxs: map[int]*Context{}}, nil
}

// Context returns the Context of year y (an error outside the span of
// the state system).
func (s *Source) Context(y int) (*Context, error) {
	s.mu.Lock()
	c, ok := s.ctxs[y]
	s.mu.Unlock()
	if ok {
		return c, nil
	}
	w, err := s.H.World(y)
	if err != nil {
		return nil, err
	}
	c, err = NewContext(w, s.Rec, s.Prov, s.Opt)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.ctxs[y] = c
	s.mu.Unlock()
	return c, nil
}

// Forget drops the cached Contexts (a sweep over every year keeps memory
// flat by calling it).
func (s *Source) Forget() {
	s.mu.Lock()
	s.ctxs = map[int]*Context{}
	s.mu.Unlock()
}

// Sweep computes the credibility of every commitment of every year
// from..to, GOMAXPROCS years at a time, and calls f with each year's
// results as they finish (f must be safe for concurrent use). It does not
// cache the Contexts. It returns the first error, for a year outside the
// state system's span.
func (s *Source) Sweep(from, to int, f func(y int, cs []Credibility)) error {
	years := make(chan int)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for y := range years {
				w, err := s.H.World(y)
				if err == nil {
					var c *Context
					if c, err = NewContext(w, s.Rec, s.Prov, s.Opt); err == nil {
						f(y, c.All())
						continue
					}
				}
				select {
				case errs <- err:
				default:
				}
			}
		}()
	}
	for y := from; y <= to; y++ {
		years <- y
	}
	close(years)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}
