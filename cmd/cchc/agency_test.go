package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

type agencyListJSON struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Group    string   `json:"group"`
	Parent   *string  `json:"parent"`
	Code     *string  `json:"code"`
	Active   bool     `json:"active"`
	Required int      `json:"required"`
	Target   int      `json:"target"`
	Succeeds []string `json:"succeeds"`
}

// The 2026 reorganisation from the command line: merge, rename, stop,
// follow, quota, each in the history and undone by number; names matched
// as import matches them; bad names refused, changing nothing.
func TestAgencyCommands(t *testing.T) {
	t.Setenv("CCHC_TODAY", "01/12/2026")
	db := filepath.Join(t.TempDir(), "cchc.db")
	must := func(args ...string) string {
		t.Helper()
		code, out, errs := cchc(t, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("cchc %s: exit %d: %s", strings.Join(args, " "), code, errs)
		}
		return out
	}
	list := func(args ...string) []agencyListJSON {
		t.Helper()
		var out []agencyListJSON
		raw := must(append([]string{"agency", "list", "--format", "json"}, args...)...)
		if err := json.Unmarshal([]byte(raw), &out); err != nil {
			t.Fatalf("%v: %s", err, raw)
		}
		return out
	}
	must("campaign", "new", "--year", "2026", "--deadline", "31/03/2026", "--from", "2023")
	must("agency", "merge", "Sở TN&MT", "sở nông nghiệp và ptnt", "--into", "Sở Nông nghiệp và Môi trường")
	must("agency", "rename", "Sở TT&TT", "--to", "Sở Khoa học, Công nghệ và Truyền thông")
	must("agency", "stop", "--group", "district")
	must("campaign", "quota", "commune", "2", "3")
	var nnmt *agencyListJSON
	for _, a := range list("--group", "department") {
		if a.Name == "Sở Nông nghiệp và Môi trường" {
			nnmt = &a
		}
		if a.Name == "Sở Tài nguyên và Môi trường" && a.Active {
			t.Error("Sở TN&MT is still followed after the merge")
		}
	}
	if nnmt == nil || !nnmt.Active || nnmt.Parent != nil || nnmt.Group != "department" || strings.Join(nnmt.Succeeds, ", ") != "Sở NN&PTNT, Sở TN&MT" {
		t.Fatalf("the merged department: %+v", nnmt)
	}
	for _, a := range list("--group", "district") {
		if a.Active {
			t.Errorf("%s still followed", a.Name)
		}
	}
	// 2023 keeps its names and districts
	for _, a := range list("--campaign", "2023", "--group", "department") {
		if a.Name == "Sở Khoa học, Công nghệ và Truyền thông" || !a.Active {
			t.Errorf("2023 changed: %+v", a)
		}
	}
	hist := must("history", "--limit", "4")
	for _, want := range []string{"Hợp nhất Sở Tài nguyên và Môi trường, Sở Nông nghiệp và Phát triển nông thôn vào Sở Nông nghiệp và Môi trường",
		"Đổi tên «Sở Thông tin và Truyền thông» thành «Sở Khoa học, Công nghệ và Truyền thông»", "Ngừng theo dõi Huyện", "chỉ tiêu Cấp xã"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %q:\n%s", want, hist)
		}
	}
	// refused, nothing changed
	for _, bad := range [][]string{
		{"agency", "merge", "Sở Không Có", "--into", "Sở X"},
		{"agency", "merge", "Sở Y tế", "so y te", "--into", "Sở X"},
		{"agency", "merge", "Sở Y tế", "--into", "Sở Y tế"},
		{"agency", "merge", "Sở Y tế", "--into", "Sở X", "--code", "440"},
		{"agency", "rename", "Huyện", "--to", "X"},
		{"agency", "stop", "Sở TN&MT"},
	} {
		before := must("history", "--limit", "0")
		code, _, errs := cchc(t, append([]string{"--db", db}, bad...)...)
		if code != 1 || errs == "" {
			t.Errorf("cchc %s: exit %d %q, want a refusal", strings.Join(bad, " "), code, errs)
		}
		if after := must("history", "--limit", "0"); after != before {
			t.Errorf("cchc %s changed the book", strings.Join(bad, " "))
		}
	}
	// undo by number: the districts are followed again
	must("undo", "4")
	for _, a := range list("--group", "district") {
		if !a.Active {
			t.Errorf("%s not followed after undo", a.Name)
		}
	}
	if code, out, errs := cchc(t, "--db", db, "check"); code != 0 {
		t.Fatalf("check: %s %s", out, errs)
	}
	if code, _, _ := cchc(t, "--db", db, "campaign", "quota", "commune", "3", "2"); code != 2 {
		t.Errorf("a target below the minimum: exit %d, want 2", code)
	}
}
