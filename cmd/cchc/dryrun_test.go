package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The dry run of the official list after July 2025 names each unit's
// parent, "Tỉnh" for one directly under the province, and a ward as a
// Phường.
func TestAgencyDryRunNamesTheParent(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	list := filepath.Join(dir, "dvhc-2025.csv")
	if err := os.WriteFile(list, []byte("Mã,Tên,Cấp,Mã TP,Tỉnh / Thành Phố\r\n"+
		"18073,Phường Thành Sen,Phường,42,Tỉnh Hà Tĩnh\r\n18133,Xã Hương Sơn,Xã,42,Tỉnh Hà Tĩnh\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := output(t, "--db", db, "import", "agencies", list, "--dry-run")
	for _, want := range []string{"Phường Thành Sen  18073  Phường  Tỉnh", "Xã Hương Sơn      18133  Cấp xã  Tỉnh"} {
		if !strings.Contains(out, want) {
			t.Errorf("the dry run lacks %q:\n%s", want, out)
		}
	}
	out = output(t, "--db", db, "--lang", "en", "import", "agencies", list, "--dry-run")
	if !strings.Contains(out, "Phường Thành Sen  18073  Ward     Province") {
		t.Errorf("in English:\n%s", out)
	}
}
