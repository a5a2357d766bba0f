package entry

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/ui/common"
	"cchc/ui/uitest"
)

// fakeBook is the entry screen's Book: one registration kept, and the
// letters and registrations it was asked to write.
type fakeBook struct {
	row      book.RegistrationRow // the registration as the book holds it now
	conflict bool                 // the next save meets another clerk's
	letters  []campaign.Submission
	regs     []campaign.Registration
}

func (b *fakeBook) Registration(_ context.Context, id int64) (book.RegistrationRow, error) {
	if id != b.row.ID {
		return book.RegistrationRow{}, book.ErrNotFound
	}
	return b.row, nil
}
func (b *fakeBook) RecordSubmission(_ context.Context, sub campaign.Submission, regs []campaign.Registration) (int64, []int64, error) {
	b.letters, b.regs = append(b.letters, sub), append(b.regs, regs...)
	return 3, []int64{5}, nil
}
func (b *fakeBook) AddToSubmission(context.Context, int64, []campaign.Registration) ([]int64, error) {
	panic("no letter was kept for another registration")
}
func (b *fakeBook) UpdateRegistration(_ context.Context, r campaign.Registration) error {
	if b.conflict {
		b.conflict = false
		return book.ErrConflict
	}
	b.regs = append(b.regs, r)
	return nil
}
func (b *fakeBook) UpdateEntry(context.Context, campaign.Submission, campaign.Registration) error {
	panic("the letter was not changed")
}

var health = uitest.Health

func show(t *testing.T, b Book) (*Model, *uitest.Driver) {
	d := uitest.Data(t, uitest.Small())
	m := New(uitest.Context(d), b)
	return m, uitest.Show(t, m, d, 100, 30)
}

// A letter typed in for an agency is recorded with its registration.
func TestEntryRecordsTheLetter(t *testing.T) {
	b := &fakeBook{}
	_, d := show(t, b)
	d.Send(common.NewEntryMsg{AgencyID: health.ID})
	d.Keys("57/SYT-VP", "down", "20/03/2023", "down", "down", "Khám bệnh không giấy tờ", "ctrl+s")
	if len(b.letters) != 1 || b.letters[0].AgencyID != health.ID || b.letters[0].CampaignID != 7 || b.letters[0].Number != "57/SYT-VP" ||
		b.letters[0].LetterDate != vndate.Of(2023, 3, 20) || b.letters[0].Received != uitest.Today {
		t.Fatalf("recorded %+v", b.letters)
	}
	if len(b.regs) != 1 || b.regs[0].Title != "Khám bệnh không giấy tờ" {
		t.Fatalf("recorded %+v", b.regs)
	}
	if note := d.Changed(); note != "Đã lưu «Khám bệnh không giấy tờ» của Sở Y tế" {
		t.Fatalf("told %q", note)
	}
}

// A day typed with its year in two digits is that day of 20yy.
func TestEntryTakesATwoDigitYear(t *testing.T) {
	b := &fakeBook{}
	_, d := show(t, b)
	d.Send(common.NewEntryMsg{AgencyID: health.ID})
	d.Keys("57/SYT-VP", "down", "1/3/23", "down", "down", "Khám bệnh không giấy tờ", "ctrl+s")
	if len(b.letters) != 1 || b.letters[0].LetterDate != vndate.Of(2023, 3, 1) {
		t.Fatalf("recorded %+v", b.letters)
	}
}

// A registration is edited as the book holds it; a save over another
// clerk's shows theirs, read again, and o saves the clerk's over it.
func TestEntryEditsWhatTheBookHolds(t *testing.T) {
	row := book.RegistrationRow{Registration: campaign.Registration{ID: 5, SubmissionID: 3, Title: "Một cửa số",
		Kind: campaign.Kinds[0], Area: campaign.Areas[0], Timeline: "Quý II/2023", Version: 2},
		AgencyID: health.ID, AgencyName: health.Name, LetterNumber: "57/SYT-VP", LetterDate: vndate.Of(2023, 3, 20),
		Received: vndate.Of(2023, 3, 22), SubmissionVer: 1}
	b := &fakeBook{row: row, conflict: true}
	m, d := show(t, b)
	d.Send(common.EditRegistrationMsg{ID: 5})
	if v := m.View(); !strings.Contains(v, "Một cửa số") || !strings.Contains(v, "57/SYT-VP") {
		t.Fatalf("the form shows:\n%s", v)
	}
	b.row.Title, b.row.Version = "Một cửa số cấp tỉnh", 3 // another clerk saves meanwhile
	d.Keys(" liên thông", "ctrl+s")
	if v := m.View(); !strings.Contains(v, "Một cửa số cấp tỉnh") || len(b.regs) != 0 {
		t.Fatalf("a conflict shows (saved %+v):\n%s", b.regs, v)
	}
	d.Keys("o")
	if len(b.regs) != 1 || b.regs[0].Title != "Một cửa số liên thông" || b.regs[0].ID != 5 || b.regs[0].Version != 3 {
		t.Fatalf("saved %+v", b.regs)
	}
	d.Changed()
}
