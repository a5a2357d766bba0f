package importui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/ui/uitest"
)

// fakeBook is the import's Book: one campaign following the Sở Y tế, and
// the letters it was asked to write, rehearsed or not.
type fakeBook struct {
	camp      campaign.Campaign
	rehearsed [][]book.ImportLetter
	written   [][]book.ImportLetter
}

func (b *fakeBook) CampaignAgencies(context.Context, int64) ([]campaign.Agency, error) {
	return []campaign.Agency{uitest.Health}, nil
}
func (b *fakeBook) Campaigns(context.Context) ([]campaign.Campaign, error) {
	return []campaign.Campaign{b.camp}, nil
}
func (b *fakeBook) Successions(context.Context, int64) (compliance.Succession, error) {
	return compliance.Succession{}, nil
}
func (b *fakeBook) Agency(_ context.Context, id int64) (campaign.Agency, error) {
	if id != uitest.Health.ID {
		return campaign.Agency{}, book.ErrNotFound
	}
	return uitest.Health, nil
}
func (b *fakeBook) ImportRegistrations(_ context.Context, letters []book.ImportLetter, rehearse bool) ([]book.ImportedLetter, error) {
	if rehearse {
		b.rehearsed = append(b.rehearsed, letters)
	} else {
		b.written = append(b.written, letters)
	}
	out := make([]book.ImportedLetter, len(letters))
	for i, l := range letters {
		for j := range l.Items {
			out[i].Added = append(out[i].Added, j)
		}
	}
	return out, nil
}
func (b *fakeBook) ImportDuplicates(context.Context, []book.ImportLetter) ([][]int, error) {
	panic("a file without errors is rehearsed instead")
}
func (b *fakeBook) ImportAgencies(context.Context, int64, []book.AgencyImport, bool) ([]book.ImportedAgency, error) {
	panic("no list of agencies was imported")
}

// A filled-in template is read, rehearsed against the book (nothing
// written), shown, and written on ctrl+s in one import.
func TestImportRehearsedThenWritten(t *testing.T) {
	src := uitest.Small()
	b := &fakeBook{camp: src.Camp}
	path := filepath.Join(t.TempDir(), "dk.csv")
	csv := "Tên cơ quan, đơn vị: Sở Y tế\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC,Ghi chú\n" +
		"1,Khám bệnh không giấy tờ,Mô hình,Thủ tục hành chính,\n2,Số hóa hồ sơ bệnh án,Sáng kiến,Chính quyền số,\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	m := New(uitest.Context(uitest.Data(t, src)), b)
	m.SetSize(120, 30)
	d := uitest.Screen(t, m)
	d.Keys(path, "enter")
	v := m.View()
	if len(b.rehearsed) != 1 || len(b.written) != 0 || !strings.Contains(v, "Số hóa hồ sơ bệnh án") {
		t.Fatalf("rehearsed %d, written %d; shows:\n%s", len(b.rehearsed), len(b.written), v)
	}
	d.Keys("ctrl+s")
	if len(b.written) != 1 || len(b.written[0]) != 1 || len(b.written[0][0].Items) != 2 ||
		b.written[0][0].AgencyID != uitest.Health.ID || b.written[0][0].CampaignID != 7 {
		t.Fatalf("wrote %+v", b.written)
	}
	if _, ok := uitest.Last[Close](d); !ok {
		t.Fatalf("the import did not close: %v", d.Seen)
	}
	if note := d.Changed(); !strings.Contains(note, "2 mô hình") {
		t.Fatalf("told %q", note)
	}
}

// A file with no table still tells the letter's received day the form
// holds, above the problem it has.
func TestPreviewTellsTheReceivedDay(t *testing.T) {
	src := uitest.Small()
	b := &fakeBook{camp: src.Camp}
	path := filepath.Join(t.TempDir(), "ket-qua.csv")
	if err := os.WriteFile(path, []byte("Báo cáo kết quả\nNăm 2023,đã xong\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := New(uitest.Context(uitest.Data(t, src)), b)
	m.SetSize(120, 30)
	d := uitest.Screen(t, m)
	d.Keys(path, "enter")
	if v := m.View(); !strings.Contains(v, "ngày nhận "+uitest.Today.String()) || !strings.Contains(v, "Không tìm thấy dòng tiêu đề") {
		t.Fatalf("the preview shows:\n%s", v)
	}
}
