package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// campaign quota sets a quota only for a group the campaign follows, as the
// settings screen does: the demo's 2026 campaign has no districts, so a
// district quota is refused there, changing nothing, and 0 clears the one
// carried over; 2023 still takes one.
func TestCampaignQuotaOnlyForGroupsFollowed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errs := cchc(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	must := mustOn(t, db)
	before := must("history", "--limit", "0")
	for _, l := range []struct{ lang, want string }{
		{"vi", "Đợt đăng ký năm 2026 không theo dõi cơ quan, đơn vị nào thuộc nhóm UBND cấp huyện; chỉ đặt được chỉ tiêu cho: department, central, commune"},
		{"en", "The 2026 campaign follows no agency in the group Districts; quotas can be set only for: department, central, commune"},
	} {
		code, _, errs := cchc(t, "--db", db, "--lang", l.lang, "campaign", "quota", "district", "4", "--campaign", "2026")
		if code != 2 || !strings.Contains(errs, l.want) {
			t.Errorf("%s: exit %d %q, want 2 and %q", l.lang, code, errs, l.want)
		}
	}
	if after := must("history", "--limit", "0"); after != before {
		t.Fatal("a refused quota changed the book")
	}
	if out := must("campaign", "quota", "district", "0", "--campaign", "2026"); !strings.Contains(out, "tối thiểu 00, phấn đấu 00") {
		t.Errorf("clearing the district quota of 2026: %q", out)
	}
	if out := must("campaign", "quota", "district", "4", "--campaign", "2023"); !strings.Contains(out, "Đợt đăng ký 2023: chỉ tiêu UBND cấp huyện tối thiểu 04, phấn đấu 04.") {
		t.Errorf("2023's district quota: %q", out)
	}
}
