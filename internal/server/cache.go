package server

import (
	"bytes"
	"container/list"
	"sync"

	"github.com/entente/entente/internal/worldjson"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// worldCache keeps the most recently used read-only worlds (the embedded
// world and historical years), so that reads do not rebuild a World per
// request. Worlds in it are shared between goroutines and must not be
// changed: scenarios build fresh copies (Server.build).
type worldCache struct {
	mu    sync.Mutex
	max   int
	order *list.List // of int years, most recent first
	items map[int]*cacheEntry
}

type cacheEntry struct {
	elem *list.Element
	once sync.Once
	w    *world.World
	err  error

	// The default threat matrix and the world's JSON, made on first use.
	mOnce sync.Once
	m     *threat.Matrix
	mErr  error
	jOnce sync.Once
	j     []byte
}

// matrix returns the threat matrix of the entry's world with the default
// options.
func (e *cacheEntry) matrix() (*threat.Matrix, error) {
	e.mOnce.Do(func() { e.m, e.mErr = threat.Compute(e.w, threat.DefaultOptions()) })
	return e.m, e.mErr
}

// json returns the entry's world encoded as /api/world sends it.
func (e *cacheEntry) json() []byte {
	e.jOnce.Do(func() {
		var b bytes.Buffer
		worldjson.Write(&b, worldjson.View(e.w))
		e.j = b.Bytes()
	})
	return e.j
}

func newWorldCache(max int) *worldCache {
	return &worldCache{max: max, order: list.New(), items: map[int]*cacheEntry{}}
}

// get returns the world of year, building it with build once however many
// requests ask for it at the same time.
func (c *worldCache) get(year int, build func(int) (*world.World, error)) (*cacheEntry, error) {
	c.mu.Lock()
	e, ok := c.items[year]
	if ok {
		c.order.MoveToFront(e.elem)
	} else {
		e = &cacheEntry{elem: c.order.PushFront(year)}
		c.items[year] = e
		for c.order.Len() > c.max {
			last := c.order.Back()
			c.order.Remove(last)
			delete(c.items, last.Value.(int))
		}
	}
	c.mu.Unlock()
	e.once.Do(func() { e.w, e.err = build(year) })
	if e.err != nil {
		// Do not keep failures: the next request tries again.
		c.mu.Lock()
		if c.items[year] == e {
			c.order.Remove(e.elem)
			delete(c.items, year)
		}
		c.mu.Unlock()
	}
	if e.err != nil {
		return nil, e.err
	}
	return e, nil
}
