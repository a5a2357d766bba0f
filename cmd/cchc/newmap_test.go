package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/store"
)

// campaign new --map 2025 opens the year on Hà Tĩnh's map since 2025 in
// one change that undo takes back; for a campaign of another province, or
// a year before the map, it is refused (exit 2), changing nothing.
func TestCampaignNewOnTheMap(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cchc.db")
	must := mustOn(t, db)
	out := must("campaign", "new", "--year", "2027", "--deadline", "31/03/2027", "--from", "2023", "--map", "2025")
	if !strings.Contains(out, "14 sở, ban, ngành; 8 cơ quan Trung ương; 69 xã, phường (chỉ tiêu 02/03); không còn cấp huyện") {
		t.Fatalf("campaign new --map: %q", out)
	}
	list := must("agency", "list", "--campaign", "2027", "--format", "csv")
	if !strings.Contains(list, "Phường Thành Sen,") || !strings.Contains(list, "18073") {
		t.Errorf("2027 lacks Phường Thành Sen 18073:\n%s", list)
	}
	hist := must("history", "--limit", "1")
	if !strings.HasPrefix(hist, "#1 ") {
		t.Fatalf("one change expected: %q", hist)
	}
	must("undo", "1")
	if code, _, _ := cchc(t, "--db", db, "campaign", "list"); code != 0 || strings.Contains(must("campaign", "list"), "2027") {
		t.Fatal("2027 still there after undo")
	}
	// a year before the map
	code, _, errs := cchc(t, "--db", db, "campaign", "new", "--year", "2025", "--deadline", "31/03/2025", "--map", "2025")
	if code != 2 || !strings.Contains(errs, "dùng cho các đợt từ năm 2026") {
		t.Errorf("2025 --map 2025: exit %d %q", code, errs)
	}
	// another province
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.Campaign(context.Background(), 2023)
	if err == nil {
		c.Place, c.IssuerParent = "Nghệ An", "UBND tỉnh Nghệ An"
		err = st.UpdateCampaign(context.Background(), c)
	}
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	before := must("history", "--limit", "0")
	for _, l := range []struct{ lang, want string }{
		{"vi", "không có của Nghệ An: mở đợt không kèm bản đồ, rồi nhập danh sách đơn vị hành chính chính thức của tỉnh"},
		{"en", "not that of Nghệ An: open the year without a map, then import the province's official list"},
	} {
		code, _, errs := cchc(t, "--db", db, "--lang", l.lang, "campaign", "new", "--year", "2027", "--deadline", "31/03/2027", "--map", "2025")
		if code != 2 || !strings.Contains(errs, l.want) {
			t.Errorf("%s: exit %d %q, want 2 and %q", l.lang, code, errs, l.want)
		}
	}
	if after := must("history", "--limit", "0"); after != before {
		t.Fatal("a refused --map changed the book")
	}
}
