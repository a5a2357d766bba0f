package entry

import (
	"strings"
	"testing"

	"cchc/internal/vntext"
)

// Two long values that differ at the end are shown from where they differ,
// not cut alike at the start.
func TestDifferingShowsWhereValuesDiffer(t *testing.T) {
	a := "Chuyển đổi số trong giải quyết thủ tục hành chính tại bộ phận một cửa"
	b := "Chuyển đổi số trong giải quyết thủ tục hành chính tại bộ phận một cửa cấp xã"
	x, y := differing(a, b, 40)
	if x == y || !strings.HasSuffix(y, "cấp xã") || !strings.HasPrefix(x, "…") || vntext.Width(x) > 40 || vntext.Width(y) > 40 {
		t.Fatalf("shown %q and %q", x, y)
	}
	// values that fit are shown whole
	if x, y := differing("Quý II/2023", "Quý III/2023", 40); x != "Quý II/2023" || y != "Quý III/2023" {
		t.Fatalf("short values: %q %q", x, y)
	}
}
