package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/store"
	"cchc/internal/vndate"
	"cchc/ui/common"
)

// fresh is a new book, as the first run makes it (the 2023 campaign only),
// seen on day.
func fresh(t *testing.T, l lang.Lang, day vndate.Date, w, h int) (book.Book, *harness) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "cchc.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	hs := &harness{t: t, m: New(st, Options{Lang: l, Today: day})}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return st, hs
}

// On 07/12/2026, a fresh book reaches 2027 on today's map with y, n,
// ctrl+s, ctrl+s: the year proposed is next year's, the map is offered
// with what it changes, the signer is asked about, and u takes it all back.
func TestANewYearFromTodayOnTheCurrentMap(t *testing.T) {
	st, h := fresh(t, lang.VI, vndate.Of(2026, 12, 7), 80, 24)
	h.keys("y", "n")
	v := oneSpaced(h.view())
	for _, want := range []string{"Năm 2027", "Hạn đăng ký 24/03/2027", "Bản đồ hành chính theo bản đồ hiện nay",
		"hợp nhất 6 sở thành 5", "thêm 69 xã, phường", "14 sở, ban, ngành; 8 cơ quan Trung ương; 69 xã, phường (chỉ tiêu 02/03); không còn cấp huyện"} {
		if !strings.Contains(v, want) {
			t.Errorf("the new year's form lacks %q:\n%s", want, h.view())
		}
	}
	h.keys("ctrl+s")
	v = oneSpaced(h.view())
	for _, want := range []string{"Người ký Lê Minh Đạo", "Chức vụ người ký Giám đốc", "Cơ quan ban hành Sở Nội vụ", "Số công văn /SNV-CCHC&VTLT"} {
		if !strings.Contains(v, want) {
			t.Errorf("the confirmation lacks %q:\n%s", want, h.view())
		}
	}
	if cs, _ := st.Campaigns(context.Background()); len(cs) != 1 {
		t.Fatal("the first step opened the year")
	}
	// the signer changed since 2023
	h.keys("tab", "tab", "tab", "tab", "tab", "tab", "ctrl+u", "Nguyễn Văn An", "ctrl+s")
	c := h.m.ctx.Data.Campaign
	if c.Year != 2027 || c.SignerName != "Nguyễn Văn An" || c.Quotas[campaign.Commune] != (campaign.Quota{Required: 2, Target: 3}) {
		t.Fatalf("2027 = %+v\n%s", c, h.view())
	}
	count := map[campaign.Group]int{}
	for _, a := range h.m.ctx.Data.Judged {
		count[a.Group]++
	}
	if count[campaign.Department] != 14 || count[campaign.Central] != 8 || count[campaign.Commune] != 69 || count[campaign.District] != 0 {
		t.Fatalf("2027 follows %v", count)
	}
	if v := h.view(); !strings.Contains(v, "0/69 đạt") || !strings.Contains(v, "Đã mở đợt đăng ký năm 2027") {
		t.Fatalf("overview of 2027:\n%s", v)
	}
	// a ward is a Phường, of the group the campaign names
	h.keys("2", "/", "thanh sen")
	if row := lineWith(h.view(), "Phường Thành Sen"); !strings.Contains(row, "Phường Thành Sen") || !strings.Contains(strings.TrimPrefix(strings.TrimSpace(row), "› Phường Thành Sen"), "Phường") {
		t.Errorf("the ward's row: %q\n%s", row, h.view())
	}
	if v := h.view(); !strings.Contains(v, "UBND các xã, phường") || strings.Contains(v, "UBND cấp xã") {
		t.Errorf("the ward's group:\n%s", v)
	}
	h.keys("esc", "esc", "1", "u", "y")
	if _, err := st.Campaign(context.Background(), 2027); !errors.Is(err, book.ErrNotFound) {
		t.Fatalf("2027 after u: %v\n%s", err, h.view())
	}
}

// In English, and keeping the old map when the clerk says so.
func TestANewYearKeepsTheOldMapWhenAsked(t *testing.T) {
	st, h := fresh(t, lang.EN, vndate.Of(2026, 6, 1), 80, 24)
	h.keys("y", "n")
	v := oneSpaced(h.view())
	for _, want := range []string{"Year 2026", "Deadline 01/07/2026", "today's map (since 2025)", "Then: 14 departments; 8 central agencies; 69 communes and wards (quota 02/03); no districts."} {
		if !strings.Contains(v, want) {
			t.Errorf("the form lacks %q:\n%s", want, h.view())
		}
	}
	h.keys("tab", "tab", "right")
	if v := oneSpaced(h.view()); !strings.Contains(v, "as the year copied") || !strings.Contains(v, "on the map before 2025") {
		t.Fatalf("keeping the old map:\n%s", h.view())
	}
	h.keys("ctrl+s", "ctrl+s")
	c, err := st.Campaign(context.Background(), 2026)
	if err != nil {
		t.Fatalf("2026: %v\n%s", err, h.view())
	}
	list, err := st.CampaignAgencies(context.Background(), c.ID)
	if err != nil || len(list) != 40 {
		t.Fatalf("2026 has %d agencies (%v), want the 40 of 2023", len(list), err)
	}
}

// Another province: no map is offered, the form says to import its list.
func TestANewYearOfAnotherProvinceSaysToImportItsList(t *testing.T) {
	st, h := fresh(t, lang.VI, vndate.Of(2026, 12, 7), 80, 24)
	c, err := st.Campaign(context.Background(), 2023)
	if err == nil {
		c.Place, c.IssuerParent = "Nghệ An", "UBND tỉnh Nghệ An"
		err = st.UpdateCampaign(context.Background(), c)
	}
	if err != nil {
		t.Fatal(err)
	}
	h.m.Update(common.ReloadMsg{})
	h.run(h.m.load())
	h.keys("y", "n")
	v := oneSpaced(h.view())
	if strings.Contains(v, "Bản đồ hành chính") || !strings.Contains(v, "không có của Nghệ An: mở đợt không kèm bản đồ, rồi nhập danh sách đơn vị hành chính chính thức") {
		t.Fatalf("another province's new year:\n%s", h.view())
	}
}

// The overview of a book whose latest campaign is more than a year old
// says how to open this year's; once it is open, it does not.
func TestTheOverviewTellsHowToOpenThisYear(t *testing.T) {
	for _, l := range []struct {
		lang lang.Lang
		want string
	}{
		{lang.VI, "Đợt mới nhất là năm 2023. Mở đợt năm nay: y (chọn năm) rồi n."},
		{lang.EN, "The latest campaign is 2023's. To open this year's: y (campaigns), then n."},
	} {
		_, h := fresh(t, l.lang, vndate.Of(2026, 12, 7), 72, 20)
		if v := oneSpaced(h.view()); !strings.Contains(v, l.want) {
			t.Fatalf("%s: no hint:\n%s", l.lang, h.view())
		}
		h.keys("y", "n", "ctrl+s", "ctrl+s")
		if v := oneSpaced(h.view()); strings.Contains(v, l.want) || h.m.ctx.Data.Campaign.Year != 2027 {
			t.Fatalf("%s: after opening 2027:\n%s", l.lang, h.view())
		}
	}
	// a campaign within its year: no hint
	_, h := fresh(t, lang.VI, vndate.Of(2023, 12, 7), 80, 24)
	if strings.Contains(oneSpaced(h.view()), "Đợt mới nhất") {
		t.Fatalf("a hint in 2023:\n%s", h.view())
	}
}
