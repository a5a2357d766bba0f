// Package sqlite is what a book kept in one SQLite file (the default:
// embedded, no server) does differently: opening the file (its header,
// the DSN's pragmas, WAL), its migrations under user_version, the errors
// the clerk is told about, backups by VACUUM INTO, a book on a network
// share, a file deleted or replaced under the program, and change
// detection by PRAGMA data_version; Engine (engine.go) holds a book's
// file open for the store. It holds no query of the book: those are the
// store's, one set for both engines.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/safefile"
	"cchc/internal/vntext"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Dialect is the store's Dialect for SQLite (see store.Dialect), the
// default engine: one local file (modernc.org/sqlite).
type Dialect struct{}

func (Dialect) Kind() string { return "sqlite" }

func (Dialect) Explain(err error, name string) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return nil
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return book.Storage{Name: name}.Busy(err)
	case sqlite3.SQLITE_READONLY:
		return book.Storage{Name: name}.ReadOnly()
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return book.Storage{Name: name}.Damaged(err)
	case sqlite3.SQLITE_FULL:
		return book.Storage{Name: name}.DiskFull(err, safefile.Room(filepath.Dir(name)))
	case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return book.Storage{Name: name}.CannotOpen(err)
	case sqlite3.SQLITE_IOERR:
		// growing the -shm or -wal on a full disk is an I/O error to SQLite
		if room := safefile.Room(filepath.Dir(name)); room >= 0 && room < lowRoom {
			return book.Storage{Name: name}.DiskFull(err, room)
		}
		return book.Storage{Name: name}.DiskError(err)
	}
	return nil
}

// lowRoom is less room than a write of the book may need: an I/O error
// with so little left is the disk being full.
const lowRoom = 256 << 10

// IsFull reports SQLite's "database or disk is full".
func IsFull(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL
}

// Retry is never needed: SQLite takes one writer at a time from BEGIN.
func (Dialect) Retry(error) bool { return false }

func (Dialect) InProcess() bool { return true }

// Begin starts an immediate transaction (_txlock=immediate in the DSN).
// SQLite's busy handler polls and is not fair: a process writing in a
// tight loop can starve another past the busy timeout. So a busy BEGIN
// (nothing done yet) is tried again until WriteWait has passed.
func (Dialect) Begin(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	deadline := time.Now().Add(WriteWait)
	for pause := time.Millisecond; ; pause = min(2*pause, 50*time.Millisecond) {
		tx, err := db.BeginTx(ctx, nil)
		if err == nil || !IsBusy(err) || time.Now().After(deadline) {
			return tx, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pause):
		}
	}
}

// SnapshotTx is a deferred BEGIN: it takes no write lock, and its snapshot
// is taken by its first read.
func (Dialect) SnapshotTx() *sql.TxOptions { return &sql.TxOptions{ReadOnly: true} }

func (Dialect) JSONText(expr, key string) string {
	return fmt.Sprintf("json_extract(%s, '$.%s')", expr, key)
}

func (d Dialect) JSONInt(expr, key string) string { return d.JSONText(expr, key) }

func (Dialect) IsDay(expr string) string {
	return expr + ` GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`
}

func (Dialect) TextOnly(expr string) string {
	return fmt.Sprintf(`CASE WHEN typeof(%[1]s) = 'text' THEN %[1]s END`, expr)
}

func (Dialect) Positions() string { return `SELECT key, value FROM json_each(?)` }

// Integrity is SQLite's integrity and foreign key checks.
func (Dialect) Integrity(ctx context.Context, db *sql.DB) ([]lang.Error, error) {
	var out []lang.Error
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return nil, err
		}
		if msg != "ok" {
			out = append(out, lang.Error{VI: "Tệp hỏng (integrity_check): " + vntext.Line(msg), EN: "Damaged file (integrity_check): " + vntext.Line(msg)})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return nil, err
		}
		out = append(out, *lang.Errorf("Bảng %s, dòng %v: trỏ tới %s không còn tồn tại", "Table %s, row %v: points to a missing %s", table, rowid, parent))
	}
	return out, rows.Err()
}

func (Dialect) ColumnsQuery() string {
	return `SELECT m.name, p.name, p.type, p.pk
		FROM sqlite_schema m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`
}

// WriteWait is how long a write waits for other clerks' writes in all
// (tests shorten it).
var WriteWait = 2 * time.Minute

// IsBusy reports a lock held by another connection, which the busy
// timeout does not cover while a new file is switched to WAL.
func IsBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
	}
	return false
}

// IsTransient reports what another process creating the same book can
// cause for a moment: busy, locked, or the new file's WAL not there yet.
func IsTransient(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CANTOPEN {
		return true
	}
	return IsBusy(err)
}
