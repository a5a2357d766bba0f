package status

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/ui/common"
	"cchc/ui/uitest"
)

// The screen judges the snapshot, the units still missing first, and w
// writes the report cchc status --format md would print, read from the
// screen's book, into the clerk's folder.
func TestStatusWritesItsReport(t *testing.T) {
	justice := campaign.Agency{ID: 2, Name: "Sở Tư pháp", Group: campaign.Department, Active: true}
	src := uitest.Small(uitest.Row(5, "Khám bệnh không giấy tờ", uitest.Health, "57/SYT-VP", vndate.Of(2023, 3, 22)))
	src.Units = append(src.Units, justice)
	d := uitest.Data(t, src)
	c := uitest.Context(d)
	c.Folder = t.TempDir()
	m := New(c, src)
	drive := uitest.Show(t, m, d, 100, 20)
	v := m.View()
	if i, j := strings.Index(v, "Sở Tư pháp"), strings.Index(v, "Sở Y tế"); i < 0 || j < i {
		t.Fatalf("the missing unit is not first:\n%s", v)
	}
	drive.Keys("w")
	path := filepath.Join(c.Folder, "tinh-hinh-2023.md")
	note, ok := uitest.Last[common.NoteMsg](drive)
	if !ok || note.Note != "Đã ghi báo cáo: "+path {
		t.Fatalf("the root was sent %v", drive.Seen)
	}
	md, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "Sở Tư pháp") || !strings.Contains(string(md), "Sở Y tế") {
		t.Fatalf("the report reads:\n%s", md)
	}
	// of another day, named as screen 6 names it: the day in it
	drive.Keys("[", "w")
	if _, err := os.Stat(filepath.Join(c.Folder, "tinh-hinh-2023-den-26-03-2023.md")); err != nil {
		t.Fatalf("as of the day before: %v (the root was sent %v)", err, drive.Seen)
	}
	drive.Keys("]", "w") // today's again: beside the first, never over it
	if _, err := os.Stat(filepath.Join(c.Folder, "tinh-hinh-2023-2.md")); err != nil {
		t.Fatalf("today's again: %v (the root was sent %v)", err, drive.Seen)
	}
}
