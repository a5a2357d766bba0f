package store

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every column of every table under history is recorded by its history
// triggers, old and new values both, as the schema says today: a column
// left out would make undo silently fail to put it back. The columns come
// from the schema (pragma table_info), so a migration that adds one and
// forgets the triggers fails here.
func TestHistoryTriggersRecordEveryColumn(t *testing.T) {
	sqliteOnly(t)
	s := openTemp(t)
	rows, err := s.db.Query(`SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'history\_%' ESCAPE '\'`)
	if err != nil {
		t.Fatal(err)
	}
	triggers := map[string]string{} // "table/action" → its SQL
	for rows.Next() {
		var name, table, sql string
		if err := rows.Scan(&name, &table, &sql); err != nil {
			t.Fatal(err)
		}
		action := name[strings.LastIndex(name, "_")+1:]
		if name != "history_"+table+"_"+action {
			t.Errorf("trigger %s on %s: not named history_<table>_<action>", name, table)
		}
		triggers[table+"/"+action] = sql
	}
	fatalIf(t, rows.Err())
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	// the tables under history are those undo knows how to put back
	var tables []string
	for table := range keyColumns {
		tables = append(tables, table)
	}
	slices.Sort(tables)
	if len(triggers) != 3*len(tables) {
		t.Errorf("%d history triggers for %d tables under history %v", len(triggers), len(tables), tables)
	}
	for _, table := range tables {
		cols, err := s.db.Query(`SELECT name FROM pragma_table_info(?)`, table)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for cols.Next() {
			var c string
			if err := cols.Scan(&c); err != nil {
				t.Fatal(err)
			}
			names = append(names, c)
		}
		fatalIf(t, cols.Err())
		if err := cols.Close(); err != nil {
			t.Fatal(err)
		}
		if len(names) == 0 {
			t.Errorf("table %s is under history but not in the schema", table)
		}
		for action, sides := range map[string][]string{"insert": {"NEW"}, "update": {"OLD", "NEW"}, "delete": {"OLD"}} {
			sql, ok := triggers[table+"/"+action]
			if !ok {
				t.Errorf("%s has no history trigger on %s", table, action)
				continue
			}
			for _, c := range names {
				for _, side := range sides {
					if !regexp.MustCompile(fmt.Sprintf(`'%s',\s*%s\.%[1]s\b`, regexp.QuoteMeta(c), side)).MatchString(sql) {
						t.Errorf("history_%s_%s does not record %s.%s: undo could not put it back", table, action, side, c)
					}
				}
			}
		}
	}
}
