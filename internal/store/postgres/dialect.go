package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"cchc/internal/book"
	"cchc/internal/lang"

	"github.com/jackc/pgx/v5/pgconn"
)

// bookLock is the advisory lock a write holds to its commit (and the
// migration too): writes to one book are made one at a time, as on
// SQLite, so that a version read inside a write is still the latest when
// it commits and the history is numbered without gaps. Readers are never
// held up.
const bookLock = 0x63636863 // "cchc"

// Dialect is the store's Dialect for PostgreSQL (see store.Dialect).
type Dialect struct{}

func (Dialect) Kind() string { return "postgres" }

// LockWait is how long a write waits for the others in all before it is
// refused as busy (55P03), as SQLite's WriteWait: a clerk whose PC froze
// in the middle of a write, its connection not yet known dead to the
// server, holds the book's lock meanwhile (tests shorten it).
var LockWait = 2 * time.Minute

// Begin starts a write: READ COMMITTED, each statement seeing what was
// committed before it, behind the book's lock.
func (Dialect) Begin(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	// one round trip: a statement without arguments goes as a simple query
	lock := fmt.Sprintf(`SET LOCAL lock_timeout = %d; SELECT pg_advisory_xact_lock(%d)`, LockWait.Milliseconds(), bookLock)
	if _, err := tx.ExecContext(ctx, lock); err != nil {
		tx.Rollback()
		return nil, err
	}
	return tx, nil
}

// SnapshotTx is REPEATABLE READ: one snapshot for the whole transaction.
// Not READ ONLY, as the report fills a temporary table.
func (Dialect) SnapshotTx() *sql.TxOptions {
	return &sql.TxOptions{Isolation: sql.LevelRepeatableRead}
}

func (Dialect) JSONText(expr, key string) string {
	return fmt.Sprintf("(%s::json ->> '%s')", expr, key)
}

func (Dialect) JSONInt(expr, key string) string {
	return fmt.Sprintf("(%s::json ->> '%s')::bigint", expr, key)
}

func (Dialect) IsDay(expr string) string { return expr + ` ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'` }

func (Dialect) TextOnly(expr string) string { return expr }

func (Dialect) InProcess() bool { return false }

func (Dialect) Positions() string {
	return `SELECT t.pos - 1, t.id::bigint FROM json_array_elements_text(?::json) WITH ORDINALITY AS t(id, pos)`
}

// Integrity has nothing to add: the server keeps its own storage sound and
// enforces the foreign keys as it writes.
func (Dialect) Integrity(ctx context.Context, db *sql.DB) ([]lang.Error, error) { return nil, nil }

// ColumnsQuery lists the book's tables (the current schema's, cchc_schema
// aside) from pg_catalog: information_schema hides the keys of tables a
// role may only SELECT from, and check then had no key to name rows by.
func (Dialect) ColumnsQuery() string {
	return `SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod),
			coalesce((SELECT k.n FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, n)
				WHERE i.indrelid = c.oid AND i.indisprimary AND k.attnum = a.attnum), 0)
		FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p') AND c.relname <> 'cchc_schema'
		ORDER BY c.relname, a.attnum`
}

// ShortReadOnly is what the clerk is told about an account that may only
// read the book once it is open: short enough for the status line.
func ShortReadOnly(role string) error {
	return lang.Errorf("Tài khoản %s chỉ có quyền đọc sổ dữ liệu: xem, in báo cáo và sao lưu được, nhưng không lưu được thay đổi.",
		"The account %s may only read the book: you can look, print reports and back up, but not save changes.", role)
}

// ReadOnly reports whether the account may only read the book: no right to
// add to its history, which every change writes, or a server (a standby)
// whose transactions are read-only. It also returns the account's name.
func ReadOnly(ctx context.Context, db *sql.DB) (readOnly bool, role string, err error) {
	err = db.QueryRowContext(ctx, `SELECT NOT has_table_privilege('history', 'INSERT')
		OR current_setting('transaction_read_only') = 'on', current_user::text`).Scan(&readOnly, &role)
	return readOnly, role, err
}

// Retry reports a write the server aborted for another one's sake (a
// serialization failure, a deadlock): it is run again from the start.
func (Dialect) Retry(err error) bool {
	code := errCode(err)
	return code == "40001" || code == "40P01"
}

func errCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// Explain turns the server's errors into messages for the clerk: those
// of connecting (ExplainConnect), then those of a statement.
func (Dialect) Explain(err error, where string) error {
	if e := ExplainConnect(err, where); e != nil {
		return e
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return nil
	}
	server := book.Storage{Name: where, Server: true}
	switch code := pe.Code; {
	case code == "40001" || code == "40P01" || code == "55P03":
		return server.Busy(err)
	case code == "25006":
		return server.ReadOnly()
	case code == "42501":
		return server.MayNotWrite(pe.Message)
	case code == "53100":
		return server.DiskFull(err, -1)
	case len(code) == 5 && (code[:2] == "08" || code[:2] == "57"):
		return server.ConnectionLost(err)
	}
	return nil
}

// ResetIDs sets where a table's id sequence goes on after a copy wrote
// rows with their own ids: next is the number the next new row takes. A
// table without one is left.
func (Dialect) ResetIDs(ctx context.Context, tx *sql.Tx, table string, next int64) error {
	_, err := tx.ExecContext(ctx, `SELECT setval(seq, ?, false)
		FROM pg_get_serial_sequence(?, 'id') AS seq WHERE seq IS NOT NULL`, next, table)
	return err
}

// Settle vacuums and analyzes a book a copy has just written, rather than
// leave it to autovacuum: until then the planner has no statistics of the
// new tables and every index-only scan reads the table too (the letters'
// tally, rewritten once per registration the copy wrote, holds three
// dead rows for each live one): `cchc status` took twice the server's
// time. Only the book's tables, which the role owns, are vacuumed.
func (Dialect) Settle(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, `VACUUM (ANALYZE)`)
	return err
}
