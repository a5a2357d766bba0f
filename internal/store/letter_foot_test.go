package store

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

// The reminder's foot (authority line, title, name, Nơi nhận) is kept with
// the campaign: saved, recorded in the history, undone, copied to the next
// year, and the book still checks clean.
func TestLetterFootIsACampaignSetting(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	c, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if c.SignerAuthority != "" || c.CopiesTo != nil {
		t.Fatalf("a new book's foot: %q %q, want none (the request letter's default)", c.SignerAuthority, c.CopiesTo)
	}
	edited := c
	edited.SignerAuthority, edited.SignerTitle, edited.SignerName = "KT. Giám đốc", "Phó Giám đốc", "Nguyễn Văn Hùng"
	edited.CopiesTo = []string{"- Như trên;", "UBND tỉnh (b/c);", " - Lưu: VT, CCHC&VTLT."}
	if err := s.UpdateCampaign(ctx, edited); err != nil {
		t.Fatal(err)
	}
	got, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Như trên", "UBND tỉnh (b/c)", "Lưu: VT, CCHC&VTLT"}
	if got.SignerAuthority != "KT. Giám đốc" || got.SignerTitle != "Phó Giám đốc" || !reflect.DeepEqual(got.CopiesTo, want) {
		t.Fatalf("saved: %q %q %q", got.SignerAuthority, got.SignerTitle, got.CopiesTo)
	}

	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("check with a Nơi nhận of three lines: %v %v", problems, err)
	}

	id, err := s.NewCampaign(ctx, campaign.Campaign{Year: 2024, Deadline: vndate.Of(2024, 3, 29)}, 2023)
	if err != nil {
		t.Fatal(err)
	}
	c24, err := s.Campaign(ctx, 2024)
	if err != nil || c24.ID != id {
		t.Fatal(c24, err)
	}
	if c24.SignerAuthority != "KT. Giám đốc" || c24.SignerTitle != "Phó Giám đốc" || !reflect.DeepEqual(c24.CopiesTo, want) {
		t.Fatalf("copied to 2024: %q %q %q", c24.SignerAuthority, c24.SignerTitle, c24.CopiesTo)
	}
	if _, err := s.UndoLast(ctx); err != nil { // the new campaign
		t.Fatal(err)
	}
	if _, err := s.UndoLast(ctx); err != nil { // the settings
		t.Fatal(err)
	}
	back, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if back.SignerAuthority != "" || back.SignerTitle != c.SignerTitle || back.SignerName != c.SignerName || back.CopiesTo != nil {
		t.Fatalf("after undo: %q %q %q %q", back.SignerAuthority, back.SignerTitle, back.SignerName, back.CopiesTo)
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) != 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

// Every column of a table under history is in its triggers, so that undo
// and restore put the whole row back (a migration that adds a column must
// recreate the triggers).
func TestHistoryTriggersNameEveryColumn(t *testing.T) {
	sqliteOnly(t)
	s := openTemp(t)
	for tbl := range keyColumns {
		rows, err := s.db.Query(`SELECT name FROM pragma_table_info(?)`, tbl)
		if err != nil {
			t.Fatal(err)
		}
		var cols []string
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				t.Fatal(err)
			}
			cols = append(cols, c)
		}
		fatalIf(t, rows.Err())
		rows.Close()
		if len(cols) == 0 {
			t.Fatalf("table %s has no columns", tbl)
		}
		for action, row := range map[string]string{"insert": "NEW", "update": "OLD", "delete": "OLD"} {
			var sql string
			name := "history_" + tbl + "_" + action
			if err := s.db.QueryRow(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`, name).Scan(&sql); err != nil {
				t.Fatalf("trigger %s: %v", name, err)
			}
			for _, c := range cols {
				if !strings.Contains(sql, "'"+c+"', "+row+"."+c) {
					t.Errorf("trigger %s does not record %s.%s", name, tbl, c)
				}
			}
		}
	}
}
