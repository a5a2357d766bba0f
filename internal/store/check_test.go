package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

// problemsText runs Check and joins its Vietnamese messages.
func problemsText(t *testing.T, s *Store) string {
	t.Helper()
	p, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, x := range p {
		msgs = append(msgs, x.VI)
	}
	return strings.Join(msgs, "\n")
}

// fullBook is a book with a row in every table: a letter, a registration
// with a step of progress and a file, a change in the history.
func fullBook(t *testing.T) *Store {
	t.Helper()
	s := openTemp(t)
	ctx := context.Background()
	c, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	id := recordOne(t, s, c, "Sở Y tế", "Một cửa thân thiện")
	if err := s.AdvanceProgress(ctx, campaign.Step{RegistrationID: id, Stage: campaign.InProgress, On: vndate.Of(2023, 4, 1), Note: "bắt đầu"}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Attach(ctx, 0, id, book.NewFile{Name: "kế hoạch.pdf", Content: samplePDF}); err != nil {
		t.Fatal(err)
	}
	if got := problemsText(t, s); got != "" {
		t.Fatalf("a sound book: %s", got)
	}
	return s
}

// cchc check finds a control or a bidi character in any text column of
// any table, the list of columns coming from the schema: a column a
// migration adds is covered without anyone listing it.
func TestCheckCoversEveryTextColumn(t *testing.T) {
	s := fullBook(t)
	tables, err := s.textColumns(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	checked := map[string]bool{}
	for _, tt := range tables {
		for _, col := range tt.cols {
			checked[tt.name+"."+col] = true
		}
	}
	// the columns the last round found unchecked, and the schema's own count
	for _, c := range []string{"campaign.title", "campaign.signer_name", "campaign_agency.name", "history.who", "registration.summary", "submission.number"} {
		if !checked[c] {
			t.Errorf("%s is not checked", c)
		}
	}
	all := 0
	if err := eachColumn(context.Background(), s.db, s.d, func(_, _, typ string, _ int) {
		if strings.EqualFold(typ, "text") {
			all++
		}
	}); err != nil {
		t.Fatal(err)
	}
	if len(checked) != all-len(notChecked) {
		t.Errorf("%d text columns checked, the schema has %d (%d left out on purpose)", len(checked), all, len(notChecked))
	}
	for _, tt := range tables {
		for _, col := range tt.cols {
			for _, bad := range []string{"\x1b[2J", "\u202e"} {
				tx, err := s.db.Begin()
				if err != nil {
					t.Fatal(err)
				}
				res, err := tx.Exec(fmt.Sprintf(`UPDATE %s SET %s = coalesce(%[2]s, '') || ? WHERE %s = (SELECT min(%[3]s) FROM %[1]s)`, quote(tt.name), quote(col), tt.key), bad)
				if err != nil {
					tx.Rollback()
					t.Logf("%s.%s cannot hold %q: %v", tt.name, col, bad, err) // a CHECK constraint: it cannot be stored at all
					continue
				}
				if n, err := res.RowsAffected(); err != nil || n != 1 {
					tx.Rollback()
					t.Fatalf("%s.%s: %d rows changed: %v", tt.name, col, n, err)
				}
				if err := tx.Commit(); err != nil {
					t.Fatal(err)
				}
				got := problemsText(t, s)
				if want := fmt.Sprintf("Bảng %s, cột %s, dòng ", tt.name, col); !strings.Contains(got, want) || !strings.Contains(got, "ký tự điều khiển hoặc ký tự ẩn") {
					t.Errorf("%q in %s.%s not found; check said:\n%s", bad, tt.name, col, got)
				}
				if strings.ContainsAny(got, "\x1b\u202e") {
					t.Errorf("check printed the character itself: %q", got)
				}
				if _, err := s.db.Exec(fmt.Sprintf(`UPDATE %s SET %s = substr(%[2]s, 1, length(%[2]s) - length(?)) WHERE %s = (SELECT min(%[3]s) FROM %[1]s)`, quote(tt.name), quote(col), tt.key), bad); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if got := problemsText(t, s); got != "" {
		t.Fatalf("after putting every column back: %s", got)
	}
}

// A letter received in the future (a slip made behind cchc's back) and a
// deadline outside its campaign's year are found.
func TestCheckFindsFutureLettersAndStrayDeadlines(t *testing.T) {
	s := fullBook(t)
	for _, q := range []string{
		`UPDATE submission SET received_on = '2031-03-01'`,
		`UPDATE campaign SET deadline = '2030-03-24'`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	got := problemsText(t, s)
	for _, want := range []string{"Văn bản 12/SYT: ngày nhận 01/03/2031 còn ở tương lai", "Đợt đăng ký 2023 (24/03/2030): hạn nộp không thuộc năm của đợt"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}
