package store

import (
	"context"
	"database/sql"

	"cchc/internal/lang"
)

// Dialect is what differs between the database engines a book is kept in
// (SQLite, the default, and PostgreSQL for a shared book). The queries are
// one set, written in SQL both engines read, with SQLite's ? placeholders
// (a PostgreSQL connection rewrites them to $n once per statement); what
// cannot be written alike is asked of the dialect. Its methods are
// exported so that each engine's dialect, in its own package
// (internal/store/sqlite, internal/store/postgres), satisfies it without
// importing this one. What differs beyond SQL is the Engine's.
type Dialect interface {
	// Kind is "sqlite" or "postgres", for tests' messages: the store
	// never branches on it (TestNoEngineBranches).
	Kind() string
	// Explain turns an error of the engine into a message for the clerk
	// (nil when it is not one it knows); book names the book in it.
	Explain(err error, book string) error
	// Retry reports a write the engine aborted for another one's sake (a
	// serialization failure, a deadlock): it is run again from the start.
	Retry(err error) bool
	// Begin starts a write transaction. Writes are taken one at a time,
	// as SQLite does, so that a version read in a write is still the
	// latest when it commits.
	Begin(ctx context.Context, db *sql.DB) (*sql.Tx, error)
	// SnapshotTx are the options of a read that sees one state of the book
	// through several statements (and may fill a temporary table).
	SnapshotTx() *sql.TxOptions
	// JSONText and JSONInt read a key of a JSON object held in a text
	// column (the rows the history records).
	JSONText(expr, key string) string
	JSONInt(expr, key string) string
	// IsDay is a condition true when expr is shaped yyyy-mm-dd.
	IsDay(expr string) string
	// TextOnly is expr when it holds text, else NULL (SQLite's columns
	// may hold any type).
	TextOnly(expr string) string
	// Positions is a query giving (position from 0, value) for each id
	// of the JSON array of integers bound to its one placeholder.
	Positions() string
	// InProcess reports an engine that runs its queries in cchc's own
	// process (SQLite): reading a long list on two connections at once
	// then puts a second core to work. A server's queries run in its own
	// process, already beside cchc's, and it sends each result whole
	// even when the reader stops early: one connection reads it.
	InProcess() bool
	// Integrity is the engine's own check of the book's storage.
	Integrity(ctx context.Context, db *sql.DB) ([]lang.Error, error)
	// ColumnsQuery lists every column of the book's tables, in order: its
	// table, name, declared type, and place in the primary key (0: not in
	// it). eachColumn reads it.
	ColumnsQuery() string
}

// eachColumn calls fn with every column of the book's tables, as the
// dialect's ColumnsQuery lists them.
func eachColumn(ctx context.Context, db *sql.DB, d Dialect, fn func(table, column, typ string, pk int)) error {
	rows, err := db.QueryContext(ctx, d.ColumnsQuery())
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var table, col, typ string
		var pk int
		if err := rows.Scan(&table, &col, &typ, &pk); err != nil {
			return err
		}
		fn(table, col, typ, pk)
	}
	return rows.Err()
}
