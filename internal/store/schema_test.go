package store

import (
	"context"
	"database/sql"
	"maps"
	"slices"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/pgtest"
	"cchc/internal/store/postgres"
	"cchc/internal/store/sqlite"
	"cchc/internal/vndate"
)

// The two schemas cannot drift apart: a new SQLite book (migrations
// 0001…) and a new PostgreSQL book (postgres/migrations) have the same
// tables, the same columns with compatible types, nullability and keys,
// the same indexes, and record every column of every table under history.
// A migration written for one engine only fails here.
func TestSchemasAgree(t *testing.T) {
	if onPostgres {
		t.Skip("compares both engines; run once, in the SQLite run")
	}
	lite := openTemp(t)
	pg, err := Open(pgtest.Fresh(t), Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()

	a, b := sqliteSchema(t, lite.db), postgresSchema(t, pg.db)
	for _, table := range union(slices.Collect(maps.Keys(a.columns)), slices.Collect(maps.Keys(b.columns))) {
		ca, cb := a.columns[table], b.columns[table]
		switch {
		case ca == nil:
			t.Errorf("table %s is only in the PostgreSQL schema", table)
			continue
		case cb == nil:
			t.Errorf("table %s is only in the SQLite schema: write its PostgreSQL migration (internal/store/postgres/migrations)", table)
			continue
		}
		for _, col := range union(slices.Collect(maps.Keys(ca)), slices.Collect(maps.Keys(cb))) {
			x, y := ca[col], cb[col]
			switch {
			case x == nil:
				t.Errorf("%s.%s is only in the PostgreSQL schema", table, col)
			case y == nil:
				t.Errorf("%s.%s is only in the SQLite schema: write its PostgreSQL migration", table, col)
			case x.typ != y.typ || x.notNull != y.notNull || x.pk != y.pk:
				t.Errorf("%s.%s differs: SQLite %+v, PostgreSQL %+v", table, col, *x, *y)
			}
		}
	}
	if !slices.Equal(a.indexes, b.indexes) {
		t.Errorf("indexes differ:\nSQLite     %v\nPostgreSQL %v", a.indexes, b.indexes)
	}
	if got := slices.Sorted(maps.Keys(b.history)); !slices.Equal(got, slices.Sorted(maps.Keys(keyColumns))) {
		t.Errorf("PostgreSQL records the history of %v, undo knows %v", got, slices.Sorted(maps.Keys(keyColumns)))
	}
	for table, ops := range b.history {
		if ops != "DELETE,INSERT,UPDATE" {
			t.Errorf("PostgreSQL's history trigger on %s fires on %s", table, ops)
		}
	}
	// and the history each records names every column, on both
	for _, s := range []*Store{lite, pg} {
		recorded := historyColumns(t, s)
		for table := range keyColumns {
			want := slices.Sorted(maps.Keys(a.columns[table]))
			if got := recorded[table]; !slices.Equal(got, want) {
				t.Errorf("%s: the history of %s records %v, its columns are %v", s.d.Kind(), table, got, want)
			}
		}
	}
}

// Every SQLite migration after the first PostgreSQL schema has its
// PostgreSQL counterpart under the same number, and both end at the same
// version.
func TestMigrationsPaired(t *testing.T) {
	pgs := map[int]bool{}
	for _, m := range postgres.Migrations() {
		pgs[m.Version] = true
	}
	first := postgres.Migrations()[0].Version
	for _, m := range sqlite.Migrations() {
		if m.Version > first && !pgs[m.Version] {
			t.Errorf("SQLite migration %s has no PostgreSQL counterpart internal/store/postgres/migrations/%04d_….sql", m.Name, m.Version)
		}
	}
	if last := postgres.Migrations()[len(pgs)-1].Version; last != SchemaVersion() {
		t.Errorf("PostgreSQL's schema ends at %d, SQLite's at %d", last, SchemaVersion())
	}
}

type column struct {
	typ     string // "integer", "text" or "blob"
	notNull bool
	pk      int
}

type engineSchema struct {
	columns map[string]map[string]*column
	indexes []string          // "table.name"
	history map[string]string // PostgreSQL: table → the operations its history trigger fires on
}

func sqliteSchema(t *testing.T, db *sql.DB) engineSchema {
	t.Helper()
	s := engineSchema{columns: map[string]map[string]*column{}}
	rows, err := db.Query(`SELECT m.name, p.name, upper(p.type), p."notnull", p.pk FROM sqlite_schema m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, name, typ string
		var c column
		if err := rows.Scan(&table, &name, &typ, &c.notNull, &c.pk); err != nil {
			t.Fatal(err)
		}
		switch typ {
		case "INTEGER":
			c.typ = "integer"
		case "TEXT":
			c.typ = "text"
		case "BLOB":
			c.typ = "blob"
		default:
			t.Errorf("%s.%s: type %s in the SQLite schema", table, name, typ)
		}
		c.notNull = c.notNull || c.pk > 0 // a primary key is NOT NULL on PostgreSQL
		if s.columns[table] == nil {
			s.columns[table] = map[string]*column{}
		}
		s.columns[table][name] = &c
	}
	fatalIf(t, rows.Err())
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	s.indexes = strings.Split(queryString(t, db, `SELECT group_concat(tbl_name || '.' || name, ' ') FROM
		(SELECT tbl_name, name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY tbl_name, name)`), " ")
	return s
}

func postgresSchema(t *testing.T, db *sql.DB) engineSchema {
	t.Helper()
	s := engineSchema{columns: map[string]map[string]*column{}, history: map[string]string{}}
	err := eachColumn(context.Background(), db, postgres.Dialect{}, func(table, name, typ string, pk int) {
		c := &column{pk: pk}
		switch typ {
		case "integer", "bigint":
			c.typ = "integer"
		case "text":
			c.typ = "text"
		case "bytea":
			c.typ = "blob"
		default:
			t.Errorf("%s.%s: type %s in the PostgreSQL schema", table, name, typ)
		}
		if s.columns[table] == nil {
			s.columns[table] = map[string]*column{}
		}
		s.columns[table][name] = c
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT table_name::text, column_name::text FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_nullable = 'NO'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, name string
		if err := rows.Scan(&table, &name); err != nil {
			t.Fatal(err)
		}
		if c := s.columns[table][name]; c != nil {
			c.notNull = true
		}
	}
	fatalIf(t, rows.Err())
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	// the indexes made by CREATE INDEX, not those behind a key or UNIQUE
	s.indexes = strings.Split(queryString(t, db, `SELECT string_agg(tablename || '.' || indexname, ' ' ORDER BY tablename, indexname)
		FROM pg_indexes i WHERE schemaname = current_schema()
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`), " ")
	rows, err = db.Query(`SELECT event_object_table::text, string_agg(event_manipulation::text, ',' ORDER BY event_manipulation)
		FROM information_schema.triggers WHERE trigger_schema = current_schema()
		AND action_statement = 'EXECUTE FUNCTION cchc_history()' GROUP BY event_object_table`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, ops string
		if err := rows.Scan(&table, &ops); err != nil {
			t.Fatal(err)
		}
		s.history[table] = ops
	}
	fatalIf(t, rows.Err())
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	return s
}

// historyColumns makes changes that touch every table under history
// (insert, update and delete) and returns, for each table, the columns its
// recorded rows name, old and new alike (a table whose rows name
// different columns gets them all, and fails the comparison).
func historyColumns(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	ctx := context.Background()
	c, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ducTho := agencyByName(t, s, c, "Huyện Đức Thọ")
	commune, err := s.AddAgency(ctx, c.ID, campaign.Agency{Name: "Xã Tùng Ảnh", Group: campaign.Commune, ParentID: ducTho.ID})
	must(err)
	_, ids, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: ducTho.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Một"), {Title: "Hai", Kind: campaign.Model, Area: campaign.Procedures, LeadAgencyID: commune}})
	must(err)
	r, err := s.Registration(ctx, ids[1])
	must(err)
	must(s.UpdateSubmission(ctx, campaign.Submission{ID: r.SubmissionID, CampaignID: c.ID, AgencyID: ducTho.ID, Number: "12/UBND",
		Received: r.Received, Version: r.SubmissionVer}))
	must(s.AdvanceProgress(ctx, campaign.Step{RegistrationID: ids[0], Stage: campaign.InProgress, On: vndate.Of(2023, 4, 1)}, 0))
	must(s.SetQuota(ctx, c.ID, campaign.Commune, campaign.Quota{Required: 1, Target: 2}))
	c, err = s.Campaign(ctx, 2023)
	must(err)
	c.SignerName = "Nguyễn Văn A"
	must(s.UpdateCampaign(ctx, c))
	yte, nv := agencyByName(t, s, c, "Sở Y tế"), agencyByName(t, s, c, "Sở Nội vụ")
	_, err = s.MergeAgencies(ctx, c.ID, []campaign.Agency{yte, nv}, campaign.Agency{Name: "Sở Mới"})
	must(err)
	_, err = s.Attach(ctx, 0, ids[0], book.NewFile{Name: "a.pdf", Content: samplePDF})
	must(err)
	r, err = s.Registration(ctx, ids[0])
	must(err)
	must(s.DeleteRegistration(ctx, r.ID, r.Version)) // its file goes with it
	h, err := s.History(ctx, book.HistoryQuery{})
	must(err)
	must(func() error { _, err := s.Undo(ctx, h[0].ID); return err }()) // puts the registration back: a delete undone
	_, err = s.NewCampaign(ctx, campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29)}, 2023)
	must(err)

	seen := map[string]map[string]bool{}
	actions := map[string]map[string]bool{}
	h, err = s.History(ctx, book.HistoryQuery{})
	must(err)
	for _, ch := range h {
		for _, it := range ch.Items {
			if seen[it.Table] == nil {
				seen[it.Table], actions[it.Table] = map[string]bool{}, map[string]bool{}
			}
			actions[it.Table][it.Action] = true
			for _, row := range []map[string]any{it.Old, it.New} {
				for k := range row {
					seen[it.Table][k] = true
				}
			}
		}
	}
	out := map[string][]string{}
	for table, cols := range seen {
		out[table] = slices.Sorted(maps.Keys(cols))
	}
	for _, table := range []string{"registration", "submission", "campaign", "quota", "campaign_agency"} {
		if len(actions[table]) < 2 {
			t.Errorf("%s: the changes made touched %s only by %v", s.d.Kind(), table, actions[table])
		}
	}
	return out
}

func queryString(t *testing.T, db *sql.DB, q string) string {
	t.Helper()
	var s string
	if err := db.QueryRow(q).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s
}

func union(a, b []string) []string {
	out := slices.Sorted(slices.Values(append(a, b...)))
	return slices.Compact(out)
}
