package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"sort"
	"strings"
	"time"

	"cchc/internal/book"
	"cchc/internal/vntext"
)

// Every write opens a history row; the triggers of migration 0002 record
// each row it touches under it (see 0002_history.sql).

type opKey struct{}

// withOp labels the writes made under ctx (an import, an undo) for the history.
func withOp(ctx context.Context, op string) context.Context {
	return context.WithValue(ctx, opKey{}, op)
}

// currentUser is user.Current; a test gives it a Windows account.
var currentUser = user.Current

// defaultUser names the clerk in the history: $CCHC_USER, else the
// engine's account (a server's role), else the operating system's user
// name, without the domain or PC name Windows
// puts before it (DESKTOP-4F7QK2\lan is lan).
func defaultUser(account string) string {
	if u := vntext.Line(os.Getenv("CCHC_USER")); u != "" {
		return u
	}
	if u := vntext.Line(account); u != "" {
		return u
	}
	if u, err := currentUser(); err == nil {
		name := u.Username
		if i := strings.LastIndexByte(name, '\\'); i >= 0 {
			name = name[i+1:]
		}
		if name = vntext.Line(name); name != "" {
			return name
		}
	}
	return "?"
}

// User is the name recorded as the author of this store's changes.
func (s *Store) User() string { return s.user }

// beginHistory opens the history row of the write running in tx.
func (s *Store) beginHistory(ctx context.Context, tx *sql.Tx) (int64, error) {
	op, _ := ctx.Value(opKey{}).(string)
	// numbered after the last one, not by the engine's counter: a change
	// dropped for changing nothing gives its number back (endHistory), and
	// writes come one at a time (Dialect.Begin)
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO history (id, at, who, op, open)
		VALUES ((SELECT coalesce(max(id), 0) + 1 FROM history), ?, ?, ?, 1) RETURNING id`, s.stamp(), s.user, op).Scan(&id)
	return id, err
}

// endHistory closes the history row before commit, dropping it when the
// write changed nothing; it reports whether the change was kept.
func (s *Store) endHistory(ctx context.Context, tx *sql.Tx, id int64) (bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM history_item WHERE history_id = ?`, id).Scan(&n); err != nil {
		return false, err
	}
	if n == 0 {
		// its number goes back too (beginHistory): the clerk reading #41,
		// #43 would look for the #42 that never was
		_, err := tx.ExecContext(ctx, `DELETE FROM history WHERE id = ?`, id)
		return false, err
	}
	_, err := tx.ExecContext(ctx, `UPDATE history SET open = 0 WHERE id = ?`, id)
	return true, err
}

// remember puts a change this store made on the undo stack.
func (s *Store) remember(id int64) {
	s.mu.Lock()
	s.session = append(s.session, id)
	s.mu.Unlock()
}

// History lists recorded changes, the latest first.
func (s *Store) History(ctx context.Context, q book.HistoryQuery) ([]book.Change, error) {
	names, err := s.agencyNames(ctx)
	if err != nil {
		return nil, err
	}
	where, args := "h.open = 0", []any{}
	if strings.TrimSpace(q.Agency) != "" {
		var ids []string
		for id, name := range names {
			if vntext.Matches(vntext.Fold(name), q.Agency) {
				ids = append(ids, fmt.Sprint(id))
			}
		}
		if len(ids) == 0 {
			return nil, book.NoSuchAgency(vntext.Line(q.Agency))
		}
		where += ` AND EXISTS (SELECT 1 FROM history_item i WHERE i.history_id = h.id AND i.agency_id IN (` + strings.Join(ids, ",") + `))`
	}
	if q.ID != 0 {
		where += ` AND h.id = ?`
		args = append(args, q.ID)
	}
	query := `SELECT h.id, h.at, h.who, h.op, coalesce(h.undone_by, 0), coalesce((SELECT u.id FROM history u WHERE u.undone_by = h.id), 0)
		FROM history h WHERE ` + where + ` ORDER BY h.id DESC`
	if q.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, q.Limit)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, s.explain(err)
	}
	var out []book.Change
	for rows.Next() {
		var c book.Change
		var at string
		if err := rows.Scan(&c.ID, &at, &c.Who, &c.Op, &c.UndoneBy, &c.Undid); err != nil {
			rows.Close()
			return nil, s.explain(err)
		}
		c.At, _ = time.Parse(time.RFC3339, at)
		c.Who = vntext.Line(c.Who)
		c.Names = names
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, s.explain(err)
	}
	titles := map[int64]string{}
	for i := range out {
		if out[i].Items, err = s.changeItems(ctx, s.db, out[i].ID); err != nil {
			return nil, err
		}
		if out[i].Op == "" {
			out[i].Op = inferOp(out[i].Items)
		}
		for _, it := range out[i].Items {
			if it.Table == "progress" {
				row := it.New
				if row == nil {
					row = it.Old
				}
				if id, ok := row["registration_id"].(int64); ok {
					titles[id] = ""
				}
			}
		}
	}
	// a progress step is named with its model ("tiến độ … của mô hình …")
	for id := range titles {
		var title string
		if err := s.db.QueryRowContext(ctx, `SELECT title FROM registration WHERE id = ?`, id).Scan(&title); err == nil {
			titles[id] = vntext.Line(title)
		}
	}
	for i := range out {
		out[i].Titles = titles
	}
	return out, nil
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func (s *Store) changeItems(ctx context.Context, q queryer, historyID int64) ([]book.ChangeItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, tbl, action, coalesce(row_id, 0), coalesce(agency_id, 0), coalesce(old, ''), coalesce(new, '')
		FROM history_item WHERE history_id = ? ORDER BY id`, historyID)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []book.ChangeItem
	for rows.Next() {
		var it book.ChangeItem
		var old, nw string
		if err := rows.Scan(&it.ID, &it.Table, &it.Action, &it.RowID, &it.AgencyID, &old, &nw); err != nil {
			return nil, s.explain(err)
		}
		it.Old, it.New = decodeRow(old), decodeRow(nw)
		out = append(out, it)
	}
	return out, s.explain(rows.Err())
}

// decodeRow reads a row recorded as JSON; integers stay int64.
func decodeRow(s string) map[string]any {
	if s == "" {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var m map[string]any
	if dec.Decode(&m) != nil {
		return nil
	}
	for k, v := range m {
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				m[k] = i
			} else {
				m[k], _ = n.Float64()
			}
		}
	}
	return m
}

func (s *Store) agencyNames(ctx context.Context) (map[int64]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM agency`)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, s.explain(err)
		}
		out[id] = vntext.Line(name)
	}
	return out, s.explain(rows.Err())
}

func inferOp(items []book.ChangeItem) string {
	op := book.OpCreate
	for _, it := range items {
		switch {
		case it.Action == "delete" && it.Table == "registration":
			return book.OpDelete
		case it.Action != "insert":
			op = book.OpEdit
		}
	}
	return op
}

// keyColumns names the columns that identify a row of each book table.
var keyColumns = map[string][]string{
	"campaign": {"id"}, "agency": {"id"}, "submission": {"id"}, "registration": {"id"}, "progress": {"id"},
	"campaign_agency": {"campaign_id", "agency_id"}, "quota": {"campaign_id", "agency_group"},
	"succession": {"campaign_id", "predecessor_id"}, "attachment": {"id"},
}

// errStale stops an undo or a restore when the data moved on since.
var errStale = errors.New("stale")

// Undo reverses a recorded change in one new change: rows it inserted are
// deleted, rows it updated get their old values back, rows it deleted come
// back. It is refused, changing nothing, when any of those rows has been
// changed since. It returns the change that was undone.
func (s *Store) Undo(ctx context.Context, id int64) (book.Change, error) {
	var undone book.Change
	err := s.write(withOp(ctx, book.OpUndo), func(tx *sql.Tx) error {
		var undoneBy int64
		var at string
		err := tx.QueryRowContext(ctx, `SELECT h.at, h.who, h.op, coalesce(h.undone_by, 0),
				coalesce((SELECT u.id FROM history u WHERE u.undone_by = h.id), 0)
			FROM history h WHERE h.id = ? AND h.open = 0`, id).
			Scan(&at, &undone.Who, &undone.Op, &undoneBy, &undone.Undid) // Undid: undoing an undo names the change it had undone
		if errors.Is(err, sql.ErrNoRows) {
			return book.ChangeNotFound(id)
		}
		if err != nil {
			return err
		}
		if r, ok := undone.BackupRestore(); ok {
			return book.RestoreNotUndone(r)
		}
		if undoneBy != 0 {
			return book.AlreadyUndone()
		}
		undone.ID, undone.Who = id, vntext.Line(undone.Who)
		undone.At, _ = time.Parse(time.RFC3339, at)
		if undone.Items, err = s.changeItems(ctx, tx, id); err != nil {
			return err
		}
		if undone.Op == "" {
			undone.Op = inferOp(undone.Items)
		}
		for i := len(undone.Items) - 1; i >= 0; i-- {
			if err := s.reverse(ctx, tx, undone.Items[i]); err != nil {
				if errors.Is(err, errStale) || isConstraint(err) {
					return book.UndoBlocked()
				}
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE history SET undone_by = (SELECT id FROM history WHERE open = 1) WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return book.Change{}, err
	}
	names, _ := s.agencyNames(ctx)
	undone.Names = names
	return undone, nil
}

// UndoLast undoes the latest change made through this store (this run of
// the program) that has not been undone yet.
func (s *Store) UndoLast(ctx context.Context) (book.Change, error) {
	s.mu.Lock()
	n := len(s.session)
	var id int64
	if n > 0 {
		id = s.session[n-1]
	}
	s.mu.Unlock()
	if id == 0 {
		return book.Change{}, book.NothingToUndo()
	}
	c, err := s.Undo(ctx, id)
	if err != nil {
		return c, err
	}
	s.mu.Lock()
	// the undo itself was pushed by write: drop it and the undone change
	s.session = s.session[:n-1]
	s.mu.Unlock()
	return c, nil
}

func isConstraint(err error) bool {
	return err != nil && strings.Contains(err.Error(), "constraint")
}

// reverse undoes one recorded row change inside tx.
func (s *Store) reverse(ctx context.Context, tx *sql.Tx, it book.ChangeItem) error {
	keys, ok := keyColumns[it.Table]
	if !ok {
		return fmt.Errorf("store: no key for table %s", it.Table)
	}
	switch it.Action {
	case "insert":
		where, args := keyWhere(keys, it.New)
		if v, ok := it.New["version"]; ok {
			where += ` AND version = ?`
			args = append(args, v)
		}
		return execOne(ctx, tx, `DELETE FROM `+it.Table+` WHERE `+where, args...)
	case "update":
		var sets []string
		var args []any
		for _, c := range sortedColumns(it.Old) {
			switch c {
			case "version":
				sets = append(sets, "version = version + 1")
			case "updated_at":
				sets = append(sets, "updated_at = ?")
				args = append(args, s.stamp())
			default:
				sets = append(sets, c+" = ?")
				args = append(args, it.Old[c])
			}
		}
		where, wargs := keyWhere(keys, it.New)
		if v, ok := it.New["version"]; ok {
			where += ` AND version = ?`
			wargs = append(wargs, v)
		}
		return execOne(ctx, tx, `UPDATE `+it.Table+` SET `+strings.Join(sets, ", ")+` WHERE `+where, append(args, wargs...)...)
	case "delete":
		return insertRow(ctx, tx, it.Table, it.Old)
	}
	return fmt.Errorf("store: unknown action %s", it.Action)
}

func insertRow(ctx context.Context, tx *sql.Tx, table string, row map[string]any) error {
	q, args := insertRowSQL(table, row)
	_, err := tx.ExecContext(ctx, q, args...)
	return err
}

// insertRowID inserts a recorded row of a table with an id and returns it.
func insertRowID(ctx context.Context, tx *sql.Tx, table string, row map[string]any) (int64, error) {
	q, args := insertRowSQL(table, row)
	var id int64
	err := tx.QueryRowContext(ctx, q+` RETURNING id`, args...).Scan(&id)
	return id, err
}

func insertRowSQL(table string, row map[string]any) (string, []any) {
	cols := sortedColumns(row)
	args := make([]any, len(cols))
	for i, c := range cols {
		args[i] = row[c]
	}
	return `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (?` + strings.Repeat(", ?", len(cols)-1) + `)`, args
}

// sortedColumns lists a recorded row's columns; they come from the
// triggers (the schema), never from the clerk, so they are safe in SQL.
func sortedColumns(row map[string]any) []string {
	cols := make([]string, 0, len(row))
	for c := range row {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	return cols
}

func keyWhere(keys []string, row map[string]any) (string, []any) {
	var parts []string
	var args []any
	for _, k := range keys {
		parts = append(parts, k+" = ?")
		args = append(args, row[k])
	}
	return strings.Join(parts, " AND "), args
}

func execOne(ctx context.Context, tx *sql.Tx, q string, args ...any) error {
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return errStale
	}
	return nil
}

// begin starts a write transaction, one writer at a time (see Dialect.Begin).
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) { return s.d.Begin(ctx, s.db) }

// NextUndo is the change UndoLast would undo now.
func (s *Store) NextUndo(ctx context.Context) (book.Change, error) {
	s.mu.Lock()
	var id int64
	if n := len(s.session); n > 0 {
		id = s.session[n-1]
	}
	s.mu.Unlock()
	if id == 0 {
		return book.Change{}, book.NothingToUndo()
	}
	list, err := s.History(ctx, book.HistoryQuery{ID: id})
	if err != nil {
		return book.Change{}, err
	}
	if len(list) != 1 {
		return book.Change{}, book.ChangeNotFound(id)
	}
	return list[0], nil
}

// ResetUndo forgets the changes made so far, so that UndoLast only
// reaches those made after (the TUI calls it when it starts).
func (s *Store) ResetUndo() {
	s.mu.Lock()
	s.session = nil
	s.mu.Unlock()
}
