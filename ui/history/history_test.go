package history

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/ui/common"
	"cchc/ui/uitest"
)

// fakeBook is the history screen's Book: a change, a deleted
// registration, and what the screen asked to restore.
type fakeBook struct {
	path     string
	campaign int64 // the campaign whose trash was read
	restored []int64
	backups  []string
}

var at = time.Date(2023, 3, 27, 9, 30, 0, 0, time.Local)

func (b *fakeBook) History(_ context.Context, q book.HistoryQuery) ([]book.Change, error) {
	if q.Limit != Limit {
		panic("the history is read whole, up to Limit")
	}
	return []book.Change{{ID: 12, At: at, Who: "lan", Op: book.OpDelete}}, nil
}
func (b *fakeBook) Trash(_ context.Context, campaignID int64) ([]book.TrashEntry, error) {
	b.campaign = campaignID
	return []book.TrashEntry{{ItemID: 40, DeletedAt: at, Who: "lan", AgencyName: "Sở Y tế",
		Registration: campaign.Registration{Title: "Khám bệnh không giấy tờ", Summary: "Người bệnh khám bằng căn cước"}}}, nil
}
func (b *fakeBook) Restore(_ context.Context, itemID int64) (string, error) {
	b.restored = append(b.restored, itemID)
	return "Khám bệnh không giấy tờ", nil
}
func (b *fakeBook) RestoreBackup(_ context.Context, path string) (book.Restored, error) {
	b.backups = append(b.backups, path)
	return book.Restored{From: path, Saved: path + ".truoc"}, nil
}
func (b *fakeBook) Path() string { return b.path }

func show(t *testing.T, b Book) (*Model, *uitest.Driver) {
	c := uitest.Context(uitest.Data(t, uitest.Small()))
	m := New(c, b)
	m.SetSize(100, 24)
	d := uitest.Screen(t, m)
	d.Send(m.Load()()) // as the root runs it on opening the screen
	return m, d
}

// The screen lists the book's changes; t shows the trash of the campaign
// shown, and r restores the deleted registration selected.
func TestTrashRestoredThroughTheBook(t *testing.T) {
	b := &fakeBook{path: filepath.Join(t.TempDir(), "cchc.db")}
	m, d := show(t, b)
	if v := m.View(); !strings.Contains(v, "lan") || !strings.Contains(v, "12") {
		t.Fatalf("the history shows:\n%s", v)
	}
	d.Keys("t")
	if v := m.View(); !strings.Contains(v, "Khám bệnh không giấy tờ") || !strings.Contains(v, "Người bệnh khám bằng căn cước") || b.campaign != 7 {
		t.Fatalf("the trash of campaign %d shows:\n%s", b.campaign, v)
	}
	d.Keys("r")
	if len(b.restored) != 1 || b.restored[0] != 40 {
		t.Fatalf("restored %v", b.restored)
	}
	if note := d.Changed(); note != "Đã khôi phục «Khám bệnh không giấy tờ» của Sở Y tế từ thùng rác" {
		t.Fatalf("told %q", note)
	}
}

// b offers the book's own folder for the backup, asks, then restores the
// whole book from the file named.
func TestBackupRestoredAfterTheQuestion(t *testing.T) {
	dir := t.TempDir()
	b := &fakeBook{path: filepath.Join(dir, "cchc.db")}
	m, d := show(t, b)
	d.Keys("b")
	if !m.Capturing() || m.backup.Value() != dir+string(filepath.Separator) {
		t.Fatalf("b offers %q:\n%s", m.backup.Value(), m.View())
	}
	d.Keys("sao-luu.db", "enter")
	q, ok := uitest.Last[common.ConfirmMsg](d)
	if !ok || !strings.Contains(q.Question, "sao-luu.db") || len(b.backups) != 0 {
		t.Fatalf("asked %q, restored %v", q.Question, b.backups)
	}
	d.Yes()
	if want := filepath.Join(dir, "sao-luu.db"); len(b.backups) != 1 || b.backups[0] != want {
		t.Fatalf("restored %v, not %s", b.backups, want)
	}
	d.Changed()
}
