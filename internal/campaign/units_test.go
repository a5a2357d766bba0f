package campaign

import (
	"testing"

	"cchc/internal/lang"
)

func TestAWardIsAPhuong(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a               Agency
		word, short, en string
	}{
		{Agency{Name: "Phường Thành Sen", Group: Commune}, "Phường", "Phường", "Ward"},
		{Agency{Name: "Xã Hương Sơn", Group: Commune}, "Xã", "Cấp xã", "Commune"},
		{Agency{Name: "Thị trấn Đức Thọ", Group: Commune}, "TT", "Thị trấn", "Town"},
		{Agency{Name: "Phường Nam Hồng Lĩnh hợp nhất", Group: District}, "Huyện", "Cấp huyện", "District"},
	} {
		if w, s, en := UnitWord(c.a, lang.VI), UnitShort(c.a, lang.VI), UnitWord(c.a, lang.EN); w != c.word || s != c.short || en != c.en {
			t.Errorf("%s: %q %q %q", c.a.Name, w, s, en)
		}
	}
}
