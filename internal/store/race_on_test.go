//go:build race

package store

// raceOn: the race detector slows every write several times over, so the
// contention and kill tests do fewer rounds under it; the full counts run
// without -race (and on demand with CCHC_WRITERS, CCHC_KILL_ROUNDS).
const raceOn = true
