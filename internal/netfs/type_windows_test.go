package netfs

import "testing"

func TestUNCPaths(t *testing.T) {
	for _, p := range []string{`\\server\share\cchc.db`, `//server/share/cchc.db`, `\\?\UNC\server\share\cchc.db`} {
		if typ, err := fsType(p); err != nil || typ != "unc" {
			t.Errorf("%s: %q %v", p, typ, err)
		}
	}
}
