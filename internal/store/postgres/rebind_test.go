package postgres

import "testing"

func TestRebind(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT a FROM t WHERE x = ? AND y = ?`:                       `SELECT a FROM t WHERE x = $1 AND y = $2`,
		`UPDATE t SET a = ?1 WHERE b = ?2 AND c <> ?1`:                `UPDATE t SET a = $1 WHERE b = $2 AND c <> $1`,
		`SELECT ?2, ?, ?1`:                                            `SELECT $2, $3, $1`,
		`SELECT '?', "a?b", x FROM t WHERE y = ?`:                     `SELECT '?', "a?b", x FROM t WHERE y = $1`,
		`SELECT 'it''s ?' WHERE z = ?`:                                `SELECT 'it''s ?' WHERE z = $1`,
		"SELECT 1 -- why?\nWHERE a = ?":                               "SELECT 1 -- why?\nWHERE a = $1",
		`SELECT /* ? */ ?`:                                            `SELECT /* ? */ $1`,
		`DO $$ BEGIN PERFORM '?'; END $$; SELECT ?`:                   `DO $$ BEGIN PERFORM '?'; END $$; SELECT $1`,
		`CREATE FUNCTION f() AS $body$ ? $body$`:                      `CREATE FUNCTION f() AS $body$ ? $body$`,
		`SELECT s.id FROM submission s NOT INDEXED WHERE s.c = ?`:     `SELECT s.id FROM submission s  WHERE s.c = $1`,
		`SELECT s.not_indexed_x, 'NOT INDEXED' FROM t WHERE NOTE = ?`: `SELECT s.not_indexed_x, 'NOT INDEXED' FROM t WHERE NOTE = $1`,
		`SELECT ?::json`:                                              `SELECT $1::json`,
	} {
		if got := Rebind(in); got != want {
			t.Errorf("Rebind(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}
