package postgres

import (
	"context"
	"database/sql"
)

// ResetIDs sets where a table's identity goes on after a copy wrote rows
// with their own ids: next is the number the next new row takes.
func (Dialect) ResetIDs(ctx context.Context, tx *sql.Tx, table string, next int64) error {
	_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence(?, 'id'), ?, false)`, table, next)
	return err
}
