package campaign

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/book"
	dom "cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/ui/common"
	"cchc/ui/uitest"
)

// fakeBook is the campaign screens' Book: the writes it was asked for.
type fakeBook struct {
	readOnly bool
	fail     error
	updated  []dom.Campaign
	opened   []dom.Campaign
	from     []int
}

func (b *fakeBook) ReadOnly() bool { return b.readOnly }
func (b *fakeBook) CampaignAgencies(context.Context, int64) ([]dom.Agency, error) {
	return nil, nil
}
func (b *fakeBook) NewCampaign(_ context.Context, c dom.Campaign, from int) (int64, error) {
	b.opened, b.from = append(b.opened, c), append(b.from, from)
	return 2, b.fail
}
func (b *fakeBook) NewCampaignOnMap(context.Context, dom.Campaign, int, book.MapChange) (int64, error) {
	panic("a 2024 campaign is not offered the map of 2025")
}
func (b *fakeBook) UpdateCampaign(_ context.Context, c dom.Campaign) error {
	if b.fail == nil {
		b.updated = append(b.updated, c)
	}
	return b.fail
}

func ctx2023(t *testing.T) *common.Context {
	return uitest.Context(uitest.Data(t, &uitest.Source{Camp: dom.Campaign{ID: 1, Year: 2023, Title: "Đợt 2023", Issuer: "Sở Nội vụ",
		Deadline: vndate.Of(2023, 3, 24), Quotas: map[dom.Group]dom.Quota{dom.Department: {Required: 1, Target: 2}}}}))
}

// The settings form saves the campaign edited through the book, and a
// failed save is told on the form, nothing else changed.
func TestSettingsSaveTheCampaign(t *testing.T) {
	b := &fakeBook{}
	s := NewSettings(ctx2023(t), b)
	d := uitest.Drive(t, s.Update)
	d.Keys("down", "down", "down", "ctrl+u", "15/04/2023", "ctrl+s")
	if len(b.updated) != 1 || b.updated[0].Deadline != vndate.Of(2023, 4, 15) || b.updated[0].Title != "Đợt 2023" {
		t.Fatalf("saved %+v:\n%s", b.updated, s.View(80, 40))
	}
	if note := d.Changed(); note != "Đã lưu thiết lập đợt đăng ký năm 2023" {
		t.Fatalf("told %q", note)
	}

	b = &fakeBook{fail: lang.Errorf("Tệp dữ liệu chỉ cho phép đọc", "Read-only database")}
	s = NewSettings(ctx2023(t), b)
	d = uitest.Drive(t, s.Update)
	d.Keys("ctrl+s")
	if _, ok := uitest.Last[common.ChangedMsg](d); ok || !strings.Contains(s.View(80, 30), "! Tệp dữ liệu chỉ cho phép đọc") {
		t.Fatalf("a failed save told %v and shows:\n%s", d.Seen, s.View(80, 30))
	}
}

// The picker opens next year's campaign, copied from the one shown, and
// shows it; on a book that cannot be written it offers no new year.
func TestPickerOpensTheNextYear(t *testing.T) {
	b := &fakeBook{readOnly: true}
	p := NewPicker(ctx2023(t), b)
	d := uitest.Drive(t, p.Update)
	d.Keys("n")
	if v := p.View(80, 20); !strings.Contains(v, "Chọn đợt đăng ký") {
		t.Fatalf("a read-only book opened the form:\n%s", v)
	}

	b.readOnly = false
	d.Keys("n")
	if v := p.View(80, 20); !strings.Contains(v, "Mở đợt đăng ký năm mới") || !strings.Contains(v, "2024") {
		t.Fatalf("n shows:\n%s", v)
	}
	d.Keys("ctrl+s", "ctrl+s")
	if len(b.opened) != 1 || b.opened[0].Year != 2024 || b.opened[0].Deadline != vndate.Of(2024, 3, 24) || b.from[0] != 2023 {
		t.Fatalf("opened %+v from %v", b.opened, b.from)
	}
	if sw, ok := uitest.Last[common.SwitchCampaignMsg](d); !ok || sw.Year != 2024 {
		t.Fatalf("the root was sent %v", d.Seen)
	}
}
