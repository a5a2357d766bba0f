package postgres

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// Watcher counts the commits to the book that the server tells of: every
// write notifies cchc_book at its commit (the notify triggers), and the
// watcher LISTENs on a connection of its own. Its count is the store's
// DataVersion, as PRAGMA data_version is SQLite's. When the connection is
// lost it connects again, counting one change (some may have been missed).
type Watcher struct {
	cfg    *pgx.ConnConfig
	start  sync.Once
	count  atomic.Int64
	cancel context.CancelFunc
	done   chan struct{}
	ready  chan struct{} // closed once the first LISTEN is in place
	once   sync.Once
	told   chan struct{} // a value waits here after a change (Changed)
}

// Watch prepares a watcher with the configuration cfg (Open's); it
// starts listening when first asked for its Version, as a command that
// only prints a report never asks.
func Watch(cfg *pgx.ConnConfig) *Watcher {
	w := &Watcher{cfg: cfg, done: make(chan struct{}), ready: make(chan struct{}), told: make(chan struct{}, 1)}
	w.count.Store(1) // as PRAGMA data_version, never 0: callers take 0 for "not read yet"
	return w
}

func (w *Watcher) run(ctx context.Context, cfg *pgx.ConnConfig) {
	defer close(w.done)
	defer w.once.Do(func() { close(w.ready) })
	for pause := 100 * time.Millisecond; ctx.Err() == nil; pause = min(2*pause, 5*time.Second) {
		if w.listen(ctx, cfg) {
			pause = 100 * time.Millisecond
		}
		select {
		case <-ctx.Done():
		case <-time.After(pause):
		}
		w.bump()
	}
}

// bump counts a change and tells Changed's reader, who may not have
// taken the last one yet (one waiting value says "something changed").
func (w *Watcher) bump() {
	w.count.Add(1)
	select {
	case w.told <- struct{}{}:
	default:
	}
}

// Changed receives after each change told of (several at once may come
// as one); it starts listening as Version does.
func (w *Watcher) Changed() <-chan struct{} {
	w.Version(context.Background())
	return w.told
}

// listen holds one connection until it fails; it reports whether it got
// as far as listening.
func (w *Watcher) listen(ctx context.Context, cfg *pgx.ConnConfig) bool {
	c, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return false
	}
	defer c.Close(context.Background())
	if _, err := c.Exec(ctx, `LISTEN cchc_book`); err != nil {
		return false
	}
	w.once.Do(func() { close(w.ready) })
	for {
		if _, err := c.WaitForNotification(ctx); err != nil {
			return true
		}
		w.bump()
	}
}

// Version is the number of commits told of so far. The first call waits
// (a second at most) for the LISTEN to be in place, so that a commit
// made after it is counted.
func (w *Watcher) Version(ctx context.Context) int64 {
	w.start.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		w.cancel = cancel
		go w.run(ctx, w.cfg)
	})
	select {
	case <-w.ready:
	case <-ctx.Done():
	case <-time.After(time.Second):
	}
	return w.count.Load()
}

// Close stops listening.
func (w *Watcher) Close() error {
	w.start.Do(func() { close(w.done) }) // never started: nothing to stop
	if w.cancel != nil {
		w.cancel()
	}
	<-w.done
	return nil
}
