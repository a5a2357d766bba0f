package provmap

import (
	"strings"
	"testing"

	"cchc/internal/campaign"
)

func TestHaTinh2025(t *testing.T) {
	m := HaTinh2025()
	wards, codes := 0, map[string]bool{}
	for _, u := range m.Units {
		if strings.HasPrefix(u.Name, "Phường ") {
			wards++
		}
		if len(u.Code) != 5 || codes[u.Code] {
			t.Errorf("%s: code %q missing or twice", u.Name, u.Code)
		}
		codes[u.Code] = true
	}
	if len(m.Units) != 69 || wards != 9 || len(m.Merges) != 5 || m.FirstYear() != 2026 {
		t.Fatalf("%d units, %d wards, %d merges", len(m.Units), wards, len(m.Merges))
	}
	for _, c := range []struct {
		c  campaign.Campaign
		ok bool
	}{
		{campaign.Campaign{Place: "Hà Tĩnh", IssuerParent: "UBND tỉnh Hà Tĩnh"}, true},
		{campaign.Campaign{IssuerParent: "UBND TỈNH HÀ TĨNH"}, true},
		{campaign.Campaign{Place: "Nghệ An", IssuerParent: "UBND tỉnh Hà Tĩnh"}, false},
		{campaign.Campaign{}, false},
	} {
		if _, ok := For(c.c); ok != c.ok {
			t.Errorf("For(%q, %q) = %v", c.c.Place, c.c.IssuerParent, ok)
		}
	}
}
