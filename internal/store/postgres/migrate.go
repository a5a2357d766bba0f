package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"cchc/internal/lang"
	schema "cchc/internal/store/migrations"
)

// Migrations lists PostgreSQL's steps (internal/store/migrations/postgres),
// the first being the whole schema of the version PostgreSQL books start at.
func Migrations() []schema.Step { return schema.PostgreSQL() }

// Version reads the schema version of the database (0: no book in it
// yet) and whether it holds tables that are not a cchc book's.
func Version(ctx context.Context, q interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}) (version int, foreign bool, err error) {
	var marked bool
	var tables int
	err = q.QueryRowContext(ctx, `SELECT to_regclass('cchc_schema') IS NOT NULL,
		(SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())`).Scan(&marked, &tables)
	if err != nil || !marked {
		return 0, tables > 0, err
	}
	err = q.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM cchc_schema`).Scan(&version)
	return version, false, err
}

// Migrate brings the book's schema up to version want in one transaction,
// under the book's lock so that two clerks starting at once do not both
// migrate; seed fills a new book in the same transaction. A database
// holding other tables, or a newer schema, is refused with a message
// naming where (the DSN without its password), changing nothing.
//
// checkNew is asked whether the book may be used, fresh or not (a copy
// wants a new one; some commands only one that is there), before anything
// is written.
func Migrate(ctx context.Context, db *sql.DB, want int, where string, checkNew func(fresh bool) error, seed func(*sql.Tx) error) error {
	version, foreign, err := Version(ctx, db)
	if errCode(err) == "42501" { // a book another role made there, and gave this one no rights on
		return lang.Wrap(err, "Tài khoản không có quyền dùng các bảng của sổ trong cơ sở dữ liệu %s (sổ do một tài khoản khác lập); người quản trị cần giao cơ sở dữ liệu và các bảng của sổ cho tài khoản này (REASSIGN OWNED BY …, xem docs/postgresql.md), hoặc chép lại sổ bằng chính tài khoản này vào một cơ sở dữ liệu trống. Không có gì thay đổi.",
			"The account may not use the book's tables in the database %s (another account set the book up); the administrator should make this account the owner of the database and of the book's tables (REASSIGN OWNED BY …, see docs/postgresql.md), or copy the book again, as this account, into an empty database. Nothing was changed.", where)
	}
	if err != nil {
		return err
	}
	if err := checkVersion(version, foreign, want, where); err != nil {
		return err
	}
	if err := checkNew(version == 0); err != nil || version == want {
		return err
	}
	tx, err := Dialect{}.Begin(ctx, db)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if version, foreign, err = Version(ctx, tx); err != nil { // another clerk may have migrated meanwhile
		return err
	}
	if err := checkVersion(version, foreign, want, where); err != nil {
		return err
	}
	if err := checkNew(version == 0); err != nil || version == want {
		return err
	}
	for _, m := range Migrations() {
		if m.Version <= version || m.Version > want {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			if errCode(err) == "42501" { // the role may not create tables there: say what the administrator does
				return lang.Wrap(err, "Tài khoản không có quyền tạo bảng trong cơ sở dữ liệu %s nên chưa lập được sổ; người quản trị cần giao cơ sở dữ liệu cho tài khoản này (ALTER DATABASE … OWNER TO …, xem docs/postgresql.md). Không có gì thay đổi.",
					"The account may not create tables in the database %s, so the book was not set up; the administrator should make this account the database's owner (ALTER DATABASE … OWNER TO …, see docs/postgresql.md). Nothing was changed.", where)
			}
			return lang.Wrap(err, "Không nâng cấp được cơ sở dữ liệu (bước %s)", "Cannot upgrade the database (step %s)", m.Name)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM cchc_schema`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO cchc_schema (version) VALUES (?)`, want); err != nil {
		return err
	}
	if version == 0 {
		if err := seed(tx); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func checkVersion(version int, foreign bool, want int, where string) error {
	if foreign {
		return lang.Errorf("Cơ sở dữ liệu %s đã có các bảng không phải của cchc; hãy dùng một cơ sở dữ liệu trống. Không có gì bị thay đổi.",
			"The database %s holds tables that are not cchc's; use an empty database. Nothing was changed.", where)
	}
	if version > want {
		return lang.Errorf("Cơ sở dữ liệu %s được tạo bởi phiên bản cchc mới hơn (lược đồ %d, chương trình này hiểu đến %d); hãy cập nhật cchc. Không có gì bị thay đổi.",
			"The database %s was made by a newer cchc (schema %d; this program knows up to %d); update cchc. Nothing was changed.",
			where, version, want)
	}
	if first := Migrations()[0].Version; version != 0 && version < first {
		return fmt.Errorf("postgres: schema %d is older than the first PostgreSQL schema %d", version, first)
	}
	return nil
}
