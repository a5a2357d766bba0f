package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoProvince(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, _, errs := cchc(t, "demo", "--db", db, "--seed", "3")
	if code != 0 || !strings.Contains(errs, "326 cơ quan, đơn vị; 4 đợt đăng ký") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, out, errs := cchc(t, "--db", db, "status", "--campaign", "2023", "--format", "json", "--as-of", "30/04/2023")
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, errs)
	}
	var got statusJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Campaign.Year != 2023 || len(got.Groups) != 3 || len(got.Agencies) != 40 {
		t.Fatalf("status of the demo: %+v", got)
	}

	// a second run does not write over the first
	code, _, errs = cchc(t, "demo", "--db", db)
	if code != 1 || !strings.Contains(errs, "dữ liệu mẫu chỉ được ghi vào một tệp mới") {
		t.Fatalf("second run: exit %d: %s", code, errs)
	}
}

func TestDemoUsage(t *testing.T) {
	t.Setenv("CCHC_DB", filepath.Join(t.TempDir(), "clerk.db"))
	for _, args := range [][]string{
		{"demo"}, // --db is required, $CCHC_DB is not taken
		{"demo", "--scale", "city", "--db", "x.db"},
		{"demo", "--seed", "-1", "--db", "x.db"},
		{"demo", "--times", "2", "--db", "x.db"}, // only the national book grows
		{"demo", "--scale", "national", "--times", "0", "--db", "x.db"},
	} {
		if code, _, errs := cchc(t, args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
	}
}
