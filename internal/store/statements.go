package store

import (
	"context"
	"database/sql"
)

// txQuerier is what the writes shared by single changes and imports need of
// a transaction: a *sql.Tx, or statements prepared once for a long loop.
type txQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// statements runs each query of a transaction through a statement prepared
// the first time it is asked for: an import of 10,000 rows otherwise
// compiles each INSERT and its history triggers 10,000 times.
type statements struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newStatements(tx *sql.Tx) *statements {
	return &statements{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (s *statements) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st := s.stmts[query]; st != nil {
		return st, nil
	}
	st, err := s.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s.stmts[query] = st
	return st, nil
}

func (s *statements) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return s.tx.QueryRowContext(ctx, query, args...) // gives the error back as the row's
	}
	return st.QueryRowContext(ctx, args...)
}

func (s *statements) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (s *statements) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// Close closes the statements (the transaction's end would too).
func (s *statements) Close() {
	for _, st := range s.stmts {
		st.Close()
	}
}
