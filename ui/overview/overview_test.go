package overview

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
	uicampaign "cchc/ui/campaign"
	"cchc/ui/uitest"
)

// fakeBook is the overview's Book: a book that can be written or not.
type fakeBook struct {
	readOnly bool
	updated  []campaign.Campaign
}

func (b *fakeBook) ReadOnly() bool { return b.readOnly }
func (b *fakeBook) CampaignAgencies(context.Context, int64) ([]campaign.Agency, error) {
	return nil, nil
}
func (b *fakeBook) NewCampaign(context.Context, campaign.Campaign, int) (int64, error) { return 0, nil }
func (b *fakeBook) NewCampaignOnMap(context.Context, campaign.Campaign, int, book.MapChange) (int64, error) {
	return 0, nil
}
func (b *fakeBook) UpdateCampaign(_ context.Context, c campaign.Campaign) error {
	b.updated = append(b.updated, c)
	return nil
}

var _ uicampaign.Book = (*fakeBook)(nil)

// show opens the overview of a book whose latest campaign is 2021's, two
// years before the day shown, with one letter received.
func show(t *testing.T, b Book) (*Model, *uitest.Driver) {
	health := campaign.Agency{ID: 1, Name: "Sở Y tế", Group: campaign.Department, Active: true}
	d := uitest.Data(t, &uitest.Source{
		Camp: campaign.Campaign{ID: 1, Year: 2021, Title: "Đợt 2021", Issuer: "Sở Nội vụ", Deadline: vndate.Of(2021, 3, 24),
			Quotas: map[campaign.Group]campaign.Quota{campaign.Department: {Required: 1, Target: 2}}},
		Units: []campaign.Agency{health},
		Rows:  []book.ListRow{uitest.Row(1, "Khám bệnh không giấy tờ", health, "57/SYT-VP", vndate.Of(2021, 3, 22))},
	})
	m := New(uitest.Context(d), b)
	return m, uitest.Show(t, m, d, 120, 40)
}

// A campaign long past is told how to open this year's, on a book that
// can be written only; the figures are the snapshot's.
func TestOverviewOffersANewYearOnlyWhenWritable(t *testing.T) {
	hint := "Mở đợt năm nay: y (chọn năm) rồi n."
	m, _ := show(t, &fakeBook{})
	if v := m.View(); !strings.Contains(v, hint) || !strings.Contains(v, "Đợt 2021") || !strings.Contains(v, "1/1 đạt") {
		t.Fatalf("the overview shows:\n%s", v)
	}
	m, _ = show(t, &fakeBook{readOnly: true})
	if v := m.View(); strings.Contains(v, hint) {
		t.Fatalf("a read-only book is offered a new year:\n%s", v)
	}
}

// c opens the campaign's settings over the overview, saved through the
// overview's book; the form closes once saved.
func TestOverviewSettingsSaveThroughItsBook(t *testing.T) {
	b := &fakeBook{}
	m, d := show(t, b)
	d.Keys("c")
	if !m.Capturing() || !strings.Contains(m.View(), "Thiết lập đợt đăng ký năm 2021") {
		t.Fatalf("c shows:\n%s", m.View())
	}
	d.Keys("ctrl+u", "Đợt đăng ký 2021", "ctrl+s")
	if len(b.updated) != 1 || b.updated[0].Title != "Đợt đăng ký 2021" || d.Changed() == "" || m.Capturing() {
		t.Fatalf("saved %+v, settings open: %v", b.updated, m.Capturing())
	}
}
