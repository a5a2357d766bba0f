package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"cchc/internal/lang"
	schema "cchc/internal/store/migrations"
)

// Migrations lists SQLite's steps (internal/store/migrations).
func Migrations() []schema.Step { return schema.SQLite() }

// Migrate brings the schema of the book at path up to version want in one
// immediate transaction, so two processes opening a new file at once do
// not both create it; seed fills a new book in the same transaction. A
// book opened read-only that needs an upgrade is refused, and an older
// book is first backed up (backup).
//
// checkNew is asked whether the book may be used, fresh or not (a copy
// wants a new one; some commands only one that is there), before anything
// is written.
func Migrate(ctx context.Context, db *sql.DB, path string, readOnly bool, want int,
	checkNew func(fresh bool) error, backup func() error, seed func(*sql.Tx) error) error {
	version, appID, tables, err := Header(ctx, db, path)
	if err != nil {
		return err
	}
	if err := CheckHeader(path, version, appID, tables, want); err != nil {
		return err
	}
	if err := checkNew(version == 0); err != nil {
		return err
	}
	if version == want {
		return nil
	}
	if readOnly {
		return lang.Errorf("Tệp dữ liệu %s cần được nâng cấp nhưng chỉ cho phép đọc", "The database %s needs an upgrade but is read-only", path)
	}
	if version > 0 {
		if err := backup(); err != nil {
			return lang.Wrap(err, "Không nâng cấp tệp dữ liệu (lược đồ %d) vì không sao lưu được trước", "The database (schema %d) was not upgraded because it could not be backed up first", version)
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return Explain(err, path)
	}
	defer tx.Rollback()
	version, appID, tables, err = Header(ctx, tx, path) // another process may have migrated meanwhile
	if err != nil {
		return err
	}
	if err := CheckHeader(path, version, appID, tables, want); err != nil {
		return err
	}
	fresh := version == 0
	if err := checkNew(fresh); err != nil {
		return err
	}
	for _, m := range Migrations() {
		if m.Version <= version || m.Version > want {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return lang.Wrap(err, "Không nâng cấp được tệp dữ liệu (bước %s)", "Cannot upgrade the database (step %s)", m.Name)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", want, ApplicationID)); err != nil {
		return Explain(err, path)
	}
	if fresh {
		if err := seed(tx); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return Explain(err, path)
	}
	return nil
}
