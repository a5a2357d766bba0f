package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"cchc/internal/book"
)

// Counts is how many rows of each table a copy wrote, by table name.
type Counts map[string]int

// copyTables are the book's tables in the order a copy writes them, each
// after those it refers to. selfRef is a column naming a row of its own
// table, which may come later (a district made after its communes, an
// undo newer than the change it undid): such a value is set once the row
// it names is written.
var copyTables = []struct{ name, selfRef string }{
	{"campaign", ""}, {"agency", "parent_id"}, {"quota", ""}, {"campaign_agency", ""}, {"succession", ""},
	{"submission", ""}, {"registration", ""}, {"progress", ""},
	{"file_blob", ""}, {"attachment", ""}, {"history", "undone_by"}, {"history_item", ""},
}

// derivedTables are not copied: the target's triggers rebuild the
// letters' tallies as letters and registrations are written, and its
// migrations write its schema version.
var derivedTables = map[string]bool{"letter_tally": true, "cchc_schema": true}

// idResetter is a dialect whose ids come from sequences (PostgreSQL's
// identity columns): after rows are written with their own ids, the
// sequence of each table is set to go on from next.
type idResetter interface {
	ResetIDs(ctx context.Context, tx *sql.Tx, table string, next int64) error
}

// settler is a dialect that tidies a book a copy has just written whole
// (PostgreSQL's VACUUM ANALYZE: its planner's statistics, and the map of
// pages that index-only scans need), which the server would otherwise do
// in its own time, the book slow until then.
type settler interface {
	Settle(ctx context.Context, db *sql.DB) error
}

// Settle tidies a book just written whole (by a copy, or the demo), where
// the engine has something to tidy (PostgreSQL: see settler). The book is
// whole without it: the server settles it later, so a failure is not one
// of the book and is not reported.
func (s *Store) Settle(ctx context.Context) {
	if st, ok := s.d.(settler); ok {
		_ = st.Settle(ctx, s.db)
	}
}

// Copy copies the whole book src (every campaign, agency, letter,
// registration, step of progress and the whole history, with their ids,
// so that undo and the trash keep working) into a new book at target: a
// SQLite file that does not exist yet, or an empty PostgreSQL database.
// The target's schema and every row are written in one transaction, from
// one snapshot of src: a failure leaves no book there (a file is written
// under a temporary name and put in place once whole). A target that
// holds a book, or any file, is refused.
func Copy(ctx context.Context, src *Store, target string, opt Options) (Counts, error) {
	var counts Counts
	opt.fill = func(ctx context.Context, tx *sql.Tx, d Dialect) (err error) {
		counts, err = src.copyInto(ctx, tx, d)
		return err
	}
	where := target
	err := placeOf(target).create(target, opt.Aside, func(path string) error {
		dst, err := Open(path, opt)
		if err != nil {
			return err
		}
		where = dst.Path()
		if counts != nil {
			dst.Settle(ctx)
		}
		return dst.Close()
	})
	if err != nil {
		return nil, err
	}
	if counts == nil { // another process made a book there meanwhile
		return nil, book.HoldsBook(where)
	}
	return counts, nil
}

// copyInto writes every row of s, read in one snapshot, through tx (a new
// book's, its schema just made), ids and all.
func (s *Store) copyInto(ctx context.Context, tx *sql.Tx, d Dialect) (Counts, error) {
	columns := map[string][]string{}
	keys := map[string][]string{}
	type pkCol struct {
		pos  int
		name string
	}
	pks := map[string][]pkCol{}
	blobs := map[string]map[string]bool{}
	err := eachColumn(ctx, s.db, s.d, func(table, column, typ string, pk int) {
		columns[table] = append(columns[table], column)
		if t := strings.ToLower(typ); t == "blob" || t == "bytea" {
			if blobs[table] == nil {
				blobs[table] = map[string]bool{}
			}
			blobs[table][column] = true
		}
		if pk > 0 {
			pks[table] = append(pks[table], pkCol{pk, column})
		}
	})
	if err != nil {
		return nil, s.explain(err)
	}
	for table, cols := range pks {
		sort.Slice(cols, func(i, j int) bool { return cols[i].pos < cols[j].pos })
		for _, c := range cols {
			keys[table] = append(keys[table], c.name)
		}
	}
	known := map[string]bool{}
	for _, t := range copyTables {
		known[t.name] = true
		if columns[t.name] == nil {
			return nil, fmt.Errorf("store: copy: the book has no table %s", t.name)
		}
	}
	for table := range columns {
		if !known[table] && !derivedTables[table] {
			return nil, fmt.Errorf("store: copy: table %s is not in copyTables", table) // a new table must be copied too
		}
	}
	from, err := s.db.BeginTx(ctx, s.d.SnapshotTx())
	if err != nil {
		return nil, s.explain(err)
	}
	defer from.Rollback()
	counts := Counts{}
	for _, t := range copyTables {
		n, err := copyTable(ctx, from, tx, t.name, t.selfRef, columns[t.name], keys[t.name], blobs[t.name])
		if err != nil {
			return nil, book.CopyFailed(err, t.name)
		}
		counts[t.name] = n
	}
	if r, ok := d.(idResetter); ok {
		for _, t := range copyTables {
			if len(keys[t.name]) != 1 || keys[t.name][0] != "id" {
				continue
			}
			// past the rows there and those in the history, which the
			// trash or an undo may write back with their own ids
			var last sql.NullInt64
			err := tx.QueryRowContext(ctx, `SELECT max(m) FROM (SELECT max(id) AS m FROM `+t.name+`
				UNION ALL SELECT max(row_id) FROM history_item WHERE tbl = ?) AS ids`, t.name).Scan(&last)
			if err == nil {
				err = r.ResetIDs(ctx, tx, t.name, last.Int64+1)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return counts, nil
}

// copyBatch caps the values of one INSERT (SQLite allows 32,766, PostgreSQL 65,535).
const copyBatch = 8000

// copyTable copies one table's rows in key order, several to an INSERT; a
// table with blob columns (files of up to 25 MB) one row at a time, so a
// copy holds one file in memory, never a batch of them.
func copyTable(ctx context.Context, from, to *sql.Tx, table, selfRef string, cols, keys []string, blobs map[string]bool) (int, error) {
	order := ""
	if len(keys) > 0 {
		order = " ORDER BY " + strings.Join(keys, ", ")
	}
	rows, err := from.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+table+order)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	self, id := -1, -1
	for i, c := range cols {
		switch c {
		case selfRef:
			self = i
		case "id":
			id = i
		}
	}
	type later struct{ id, ref any }
	var deferred []later
	perRow := max(1, copyBatch/len(cols))
	if len(blobs) > 0 {
		perRow = 1
	}
	stmts := map[int]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	var batch []any
	flush := func() error {
		n := len(batch) / len(cols)
		if n == 0 {
			return nil
		}
		st := stmts[n]
		if st == nil {
			row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
			q := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
				strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
			if st, err = to.PrepareContext(ctx, q); err != nil {
				return err
			}
			stmts[n] = st
		}
		_, err := st.ExecContext(ctx, batch...)
		batch = batch[:0]
		return err
	}
	count := 0
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return count, err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok && !blobs[cols[i]] { // text as one driver or the other hands it over
				vals[i] = string(b)
			}
		}
		if self >= 0 && id >= 0 && vals[self] != nil && asInt(vals[self]) >= asInt(vals[id]) {
			deferred = append(deferred, later{vals[id], vals[self]})
			vals[self] = nil
		}
		batch = append(batch, vals...)
		count++
		if count%perRow == 0 {
			if err := flush(); err != nil {
				return count, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return count, err
	}
	if err := flush(); err != nil {
		return count, err
	}
	for _, l := range deferred {
		if _, err := to.ExecContext(ctx, "UPDATE "+table+" SET "+selfRef+" = ? WHERE id = ?", l.ref, l.id); err != nil {
			return count, err
		}
	}
	return count, nil
}
