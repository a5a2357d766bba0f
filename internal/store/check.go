package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Problem is something wrong found by Check.
type Problem = lang.Error

// Check looks the whole book over: the engine's own integrity checks
// (SQLite's integrity and foreign key checks), then the rules of the domain that the schema cannot express. It
// returns the problems found (none: all is well); err is for a book that
// cannot be read at all.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	out, err := s.d.Integrity(ctx, s.db)
	if err != nil {
		return nil, s.explain(err)
	}
	for _, r := range invariants(s.d) {
		found, err := s.checkRule(ctx, r)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	keys, err := s.checkKeys(ctx)
	if err != nil {
		return nil, err
	}
	kept, err := s.checkFiles(ctx)
	if err != nil {
		return nil, err
	}
	return append(append(out, keys...), kept...), nil
}

// rule is an invariant: a query returning one name per offending row,
// and what the clerk is told of that row.
type rule struct {
	query string
	say   func(name string) lang.Error
}

func invariants(d Dialect) []rule {
	return []rule{
		// a commune stands under a district or, since 1 July 2025, directly under the province
		{`SELECT name FROM agency WHERE agency_group = 'commune' AND parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM agency WHERE agency_group = 'district')`,
			book.CommuneUnderNonDistrict},
		{`SELECT a.name FROM succession x JOIN agency a ON a.id = x.successor_id
		WHERE NOT EXISTS (SELECT 1 FROM campaign_agency ca WHERE ca.campaign_id = x.campaign_id AND ca.agency_id = x.successor_id)`,
			book.SuccessorOutsideCampaign},
		{`SELECT name FROM agency WHERE agency_group <> 'commune' AND parent_id IS NOT NULL`,
			book.ParentOfNonCommune},
		{`SELECT r.title FROM registration r JOIN submission s ON s.id = r.submission_id LEFT JOIN agency l ON l.id = r.lead_agency_id
		WHERE r.lead_agency_id IS NOT NULL AND r.lead_agency_id <> s.agency_id AND coalesce(l.parent_id, 0) <> s.agency_id`,
			book.LeadUnitAstray},
		{`SELECT coalesce(nullif(s.number, ''), '#' || s.id) FROM submission s WHERE NOT EXISTS (SELECT 1 FROM registration r WHERE r.submission_id = s.id)`,
			book.LetterWithoutRegistration},
		{`SELECT coalesce(nullif(s.number, ''), '#' || s.id) FROM submission s
		WHERE NOT EXISTS (SELECT 1 FROM campaign_agency ca WHERE ca.campaign_id = s.campaign_id AND ca.agency_id = s.agency_id)`,
			book.SenderOutsideCampaign},
		{`SELECT c.year || '/' || q.agency_group FROM quota q JOIN campaign c ON c.id = q.campaign_id WHERE q.target < q.required OR q.required < 0`,
			book.TargetBelowRequired},
		{`SELECT coalesce(nullif(s.number, ''), '#' || s.id) FROM submission s
		WHERE NOT ` + d.IsDay("s.received_on") + ` OR (s.letter_date <> '' AND s.letter_date > s.received_on)`,
			book.LetterDatesInvalid},
		{`SELECT coalesce(nullif(s.number, ''), '#' || s.id) || ' — ' || a.name || ', ' ||
			substr(s.received_on, 9, 2) || '/' || substr(s.received_on, 6, 2) || '/' || substr(s.received_on, 1, 4) ||
			CASE WHEN s.letter_date <> '' THEN ' / ' || substr(s.letter_date, 9, 2) || '/' || substr(s.letter_date, 6, 2) || '/' || substr(s.letter_date, 1, 4) ELSE '' END
		FROM submission s JOIN campaign c ON c.id = s.campaign_id JOIN agency a ON a.id = s.agency_id
		WHERE s.received_on < (c.year - 1) || '-07-01' OR (s.letter_date <> '' AND s.letter_date < (c.year - 1) || '-07-01')`, // campaign.Earliest
			book.LetterTooEarly},
		{`SELECT c.year FROM campaign c WHERE NOT ` + d.IsDay("c.deadline"),
			book.DeadlineInvalid},
		{`SELECT c.year || ' (' || substr(c.deadline, 9, 2) || '/' || substr(c.deadline, 6, 2) || '/' || substr(c.deadline, 1, 4) || ')' FROM campaign c
		WHERE ` + d.IsDay("c.deadline") + ` AND substr(c.deadline, 1, 4) <> CAST(c.year AS TEXT)`, // campaign.DeadlineInYear
			book.DeadlineOutsideYear},
		{`SELECT coalesce(nullif(s.number, ''), '#' || s.id) FROM submission s LEFT JOIN letter_tally t ON t.submission_id = s.id
		WHERE t.submission_id IS NULL OR t.campaign_id <> s.campaign_id OR t.agency_id <> s.agency_id OR t.received_on <> s.received_on
			OR t.registrations <> (SELECT count(*) FROM registration r WHERE r.submission_id = s.id)
		UNION ALL SELECT '#' || t.submission_id FROM letter_tally t WHERE NOT EXISTS (SELECT 1 FROM submission s WHERE s.id = t.submission_id)`,
			book.TallyDisagrees},
		{`SELECT '#' || id FROM history WHERE open = 1`,
			book.ChangeLeftOpen},
	}
}

func (s *Store) checkRule(ctx context.Context, r rule) ([]Problem, error) {
	rows, err := s.db.QueryContext(ctx, r.query)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []Problem
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, s.explain(err)
		}
		out = append(out, r.say(vntext.Line(name)))
	}
	return out, s.explain(rows.Err())
}

// checkKeys finds text written behind the program's back: search keys that
// do not match their text, control characters, dates that do not exist.
func (s *Store) checkKeys(ctx context.Context) ([]Problem, error) {
	var out []Problem
	today := s.today()
	for _, t := range []struct{ table, text, key string }{{"agency", "name", "name_key"}, {"registration", "title", "title_key"}} {
		rows, err := s.db.QueryContext(ctx, fmt.Sprintf(`SELECT %s, %s FROM %s`, t.text, t.key, t.table))
		if err != nil {
			return nil, s.explain(err)
		}
		for rows.Next() {
			var text, key string
			if err := rows.Scan(&text, &key); err != nil {
				rows.Close()
				return nil, s.explain(err)
			}
			if vntext.Line(text) == text && vntext.Fold(text) != key { // hidden characters are said by checkText
				out = append(out, book.KeyMismatch(text))
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.explain(err)
		}
	}
	text, err := s.checkText(ctx)
	if err != nil {
		return nil, err
	}
	out = append(out, text...)
	rows, err := s.db.QueryContext(ctx, `SELECT coalesce(nullif(number, ''), '#' || id), received_on, letter_date FROM submission`)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, received, dated string
		if err := rows.Scan(&name, &received, &dated); err != nil {
			return nil, s.explain(err)
		}
		recv, e1 := vndate.ParseISO(received)
		_, e2 := vndate.ParseISO(dated)
		switch {
		case e1 != nil || dated != "" && e2 != nil:
			out = append(out, book.NoSuchDay(vntext.Line(name)))
		case recv.After(today):
			out = append(out, book.ReceivedInFuture(vntext.Line(name), recv))
		}
	}
	return out, s.explain(rows.Err())
}

// notChecked are the text columns checkText leaves alone: JSON copies of
// rows, in which json_object escapes control characters, and that are
// shown only through vntext.Line.
var notChecked = map[string]bool{"history_item.old": true, "history_item.new": true}

// textTable is a table's text columns and how to name one of its rows.
type textTable struct {
	name string
	key  string // SQL naming a row: its primary key, else its rowid
	cols []string
}

// textColumns lists every text column of the book's tables, from the
// schema itself, so that a column a migration adds is checked without
// anyone remembering to list it.
func (s *Store) textColumns(ctx context.Context) ([]textTable, error) {
	var out []textTable
	keys := map[string][]string{} // a table's key columns, by place in the key
	err := eachColumn(ctx, s.db, s.d, func(table, col, typ string, pk int) {
		if len(out) == 0 || out[len(out)-1].name != table {
			out = append(out, textTable{name: table})
		}
		t := &out[len(out)-1]
		if pk > 0 {
			k := keys[table]
			for len(k) < pk {
				k = append(k, "")
			}
			k[pk-1] = quote(col)
			keys[table] = k
		}
		typ = strings.ToUpper(typ)
		isText := strings.Contains(typ, "TEXT") || strings.Contains(typ, "CHAR") || strings.Contains(typ, "CLOB")
		if isText && !notChecked[table+"."+col] {
			t.cols = append(t.cols, col)
		}
	})
	if err != nil {
		return nil, s.explain(err)
	}
	for i := range out {
		out[i].key = strings.Join(keys[out[i].name], " || '/' || ")
		if out[i].key == "" {
			out[i].key = "rowid"
		}
	}
	return out, nil
}

// quote makes a name from the schema an SQL identifier.
func quote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// checkText finds control characters, escape sequences and invisible
// format characters (bidi overrides, …) in every text column: cchc never
// stores one, so they were written behind its back.
func (s *Store) checkText(ctx context.Context) ([]Problem, error) {
	tables, err := s.textColumns(ctx)
	if err != nil {
		return nil, err
	}
	var out []Problem
	for _, t := range tables {
		if len(t.cols) == 0 {
			continue
		}
		// one pass over each table, its text columns side by side; a value
		// that is not text (NULL, a number) comes back NULL
		sel := []string{t.key}
		for _, col := range t.cols {
			sel = append(sel, s.d.TextOnly(quote(col)))
		}
		rows, err := s.db.QueryContext(ctx, `SELECT `+strings.Join(sel, ", ")+` FROM `+quote(t.name))
		if err != nil {
			return nil, s.explain(err)
		}
		vals := make([]sql.RawBytes, len(sel))
		dest := make([]any, len(sel))
		for i := range vals {
			dest[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return nil, s.explain(err)
			}
			for i, v := range vals[1:] {
				if v != nil && vntext.HasHidden(string(v)) {
					out = append(out, book.HiddenCharacters(t.name, t.cols[i], string(vals[0]), vntext.Truncate(vntext.Line(string(v)), 60)))
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, s.explain(err)
		}
	}
	return out, nil
}
