package store

import "cchc/internal/store/sqlite"

// What a book kept in a SQLite file (internal/store/sqlite) needs of the
// store around it.

// Network is the network file system the book is on ("" when local): such
// a book is open read-only.
func (s *Store) Network() string { return s.network }

// NetworkProblem is what the clerk is told about a book on a network
// share once it is open (nil when it is local): short enough for the
// application's status line.
func (s *Store) NetworkProblem() error {
	if s.network == "" {
		return nil
	}
	return sqlite.ShortNetworkProblem(s.network)
}
