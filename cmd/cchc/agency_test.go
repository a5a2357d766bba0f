package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type agencyListJSON struct {
	ID     int64   `json:"id"`
	Name   string  `json:"name"`
	Group  string  `json:"group"`
	Parent *string `json:"parent"`
	// beside a parent: whether the campaign follows it
	ParentFollowed *bool    `json:"parent_followed"`
	Code           *string  `json:"code"`
	Active         bool     `json:"active"`
	Required       int      `json:"required"`
	Target         int      `json:"target"`
	Succeeds       []string `json:"succeeds"`
}

// mustOn runs cchc on the book db and gives its output, failing the test
// unless it succeeds.
func mustOn(t *testing.T, db string) func(args ...string) string {
	return func(args ...string) string {
		t.Helper()
		code, out, errs := cchc(t, append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("cchc %s: exit %d: %s", strings.Join(args, " "), code, errs)
		}
		return out
	}
}

// The 2026 reorganisation from the command line: merge, rename, stop,
// follow, quota, each in the history and undone by number; names matched
// as import matches them; bad names refused, changing nothing.
func TestAgencyCommands(t *testing.T) {
	t.Setenv("CCHC_TODAY", "01/12/2026")
	db := filepath.Join(t.TempDir(), "cchc.db")
	must := mustOn(t, db)
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

// agency follow finds a unit the campaign does not list, in the whole
// book (one of another year, not copied into this one), and lists it
// there, in the history and undone by number; a name that is several
// units of the book is refused naming each with its district, and one of
// them written so is found; the other campaigns are left as they were.
func TestFollowFindsUnitsOfOtherCampaigns(t *testing.T) {
	t.Setenv("CCHC_TODAY", "01/12/2024")
	eachBackend(t, func(t *testing.T, db string) {
		run := func(args ...string) (int, string, string) {
			t.Helper()
			return cchc(t, append([]string{"--db", db}, args...)...)
		}
		must := func(args ...string) string {
			t.Helper()
			code, out, errs := run(args...)
			if code != 0 {
				t.Fatalf("cchc %s: exit %d: %s", strings.Join(args, " "), code, errs)
			}
			return out
		}
		listed := func(year string) map[string]bool {
			t.Helper()
			var list []agencyListJSON
			if err := json.Unmarshal([]byte(must("agency", "list", "--campaign", year, "--format", "json")), &list); err != nil {
				t.Fatal(err)
			}
			out := map[string]bool{}
			for _, a := range list {
				parent := ""
				if a.Parent != nil {
					parent = " (" + *a.Parent + ")"
				}
				out[a.Name+parent] = a.Active
			}
			return out
		}
		communes := filepath.Join(t.TempDir(), "xa.csv")
		if err := os.WriteFile(communes, []byte("\"Tên cơ quan, đơn vị\",Nhóm,Đơn vị cấp trên\nXã Vĩnh Tân,Cấp xã,Huyện Hương Sơn\nXã Vĩnh Tân,Cấp xã,Huyện Hương Khê\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		must("import", "agencies", communes)
		must("agency", "stop", "Sở Y tế", "--campaign", "2023")
		must("agency", "stop", "--group", "commune", "--campaign", "2023")
		must("campaign", "new", "--year", "2024", "--deadline", "29/03/2024", "--from", "2023")
		before := listed("2023")
		if _, ok := listed("2024")["Sở Y tế"]; ok || len(before) != 42 {
			t.Fatalf("2024 lists Sở Y tế, or 2023 has %d units", len(before))
		}
		if out := must("agency", "follow", "so y te"); out != "Đã theo dõi lại 1 cơ quan, đơn vị trong đợt đăng ký 2024.\n" {
			t.Errorf("follow Sở Y tế: %q", out)
		}
		if active, ok := listed("2024")["Sở Y tế"]; !ok || !active {
			t.Errorf("Sở Y tế in 2024: listed %v, followed %v", ok, active)
		}
		for _, c := range []struct{ lang, name, want string }{
			{"vi", "Xã Vĩnh Tân", `"Xã Vĩnh Tân" có thể là nhiều cơ quan, đơn vị: Xã Vĩnh Tân (Huyện Hương Sơn); Xã Vĩnh Tân (Huyện Hương Khê); hãy ghi một tên đúng như trên, kèm đơn vị cấp trên trong ngoặc`},
			{"en", "Xã Vĩnh Tân", `"Xã Vĩnh Tân" could be several agencies: Xã Vĩnh Tân (Huyện Hương Sơn); Xã Vĩnh Tân (Huyện Hương Khê); write one of them as above, with its parent in brackets`},
			{"vi", "Sở Y tế", "Sở Y tế đang được theo dõi trong đợt đăng ký 2024"},
			{"en", "Sở Y tế", "Sở Y tế is already followed in the 2024 campaign"},
			{"vi", "Xã Không Có", `không tìm thấy "Xã Không Có" trong sổ dữ liệu (cơ quan, đơn vị của mọi đợt đăng ký); gần nhất: `},
			{"en", "Xã Không Có", `"Xã Không Có" is not in the book (the agencies of every campaign); closest: `},
		} {
			code, out, errs := run("--lang", c.lang, "agency", "follow", c.name)
			if code != exitFailure || out != "" || !strings.Contains(errs, c.want) {
				t.Errorf("follow %s (%s): exit %d\n%s%s, want …%s…", c.name, c.lang, code, out, errs, c.want)
			}
		}
		must("agency", "follow", "xa vinh tan (huong son)")
		now := listed("2024")
		if !now["Xã Vĩnh Tân (Huyện Hương Sơn)"] || len(now) != 41 {
			t.Errorf("2024 after following: %v", now)
		}
		if after := listed("2023"); len(after) != len(before) || after["Sở Y tế"] || after["Xã Vĩnh Tân (Huyện Hương Sơn)"] {
			t.Errorf("2023 changed: %v", after)
		}
		// each is one change, undone by number
		hist := must("history", "--limit", "2")
		if !strings.Contains(hist, "Theo dõi lại Xã Vĩnh Tân") || !strings.Contains(hist, "Theo dõi lại Sở Y tế") {
			t.Fatalf("history:\n%s", hist)
		}
		number := strings.Fields(strings.TrimPrefix(hist, "#"))[0]
		must("undo", number)
		if _, ok := listed("2024")["Xã Vĩnh Tân (Huyện Hương Sơn)"]; ok {
			t.Error("undone, Xã Vĩnh Tân is still in 2024")
		}
		// a commune whose district this campaign does not follow: said how it counts
		must("agency", "stop", "Huyện Hương Khê")
		want := "Đã theo dõi lại 1 cơ quan, đơn vị trong đợt đăng ký 2024.\n" +
			"Lưu ý — Xã Vĩnh Tân thuộc Huyện Hương Khê, đơn vị không được theo dõi trong đợt đăng ký 2024: mô hình của Xã Vĩnh Tân không được tính cho đơn vị nào (theo dõi cả Huyện Hương Khê để tính cho đơn vị đó).\n"
		if out := must("agency", "follow", "Xã Vĩnh Tân (Huyện Hương Khê)"); out != want {
			t.Errorf("follow under a district not followed:\n%s\nwant\n%s", out, want)
		}
		must("campaign", "quota", "commune", "2", "3")
		must("agency", "stop", "Xã Vĩnh Tân (Huyện Hương Khê)")
		want = "Following 1 more agency in the 2024 campaign.\n" +
			"Note — Xã Vĩnh Tân is under Huyện Hương Khê, which the 2024 campaign does not follow: Xã Vĩnh Tân is judged on its own, by its group's quota.\n"
		if out := must("--lang", "en", "agency", "follow", "Xã Vĩnh Tân (Huyện Hương Khê)"); out != want {
			t.Errorf("follow, judged on its own:\n%s\nwant\n%s", out, want)
		}
	})
}

// A commune of the old map followed in a campaign that does not follow
// its district is listed under that district, said not followed, not
// under the province (JSON: its parent, and parent_followed false); a
// commune under a district followed says nothing more.
func TestAgencyListSaysAParentIsNotFollowed(t *testing.T) {
	t.Setenv("CCHC_TODAY", "01/12/2024")
	eachBackend(t, func(t *testing.T, db string) {
		must := mustOn(t, db)
		communes := filepath.Join(t.TempDir(), "xa.csv")
		if err := os.WriteFile(communes, []byte("\"Tên cơ quan, đơn vị\",Nhóm,Đơn vị cấp trên\nXã Sơn Tây,Cấp xã,Huyện Hương Sơn\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		must("import", "agencies", communes)
		must("agency", "stop", "--group", "district", "--campaign", "2023")
		must("agency", "stop", "--group", "commune", "--campaign", "2023")
		must("campaign", "new", "--year", "2024", "--deadline", "29/03/2024", "--from", "2023")
		must("agency", "follow", "Xã Sơn Tây")
		for lang, want := range map[string]string{"vi": "Huyện Hương Sơn (không theo dõi)", "en": "Huyện Hương Sơn (not followed)"} {
			out := must("--lang", lang, "agency", "list", "--group", "commune")
			if !strings.Contains(out, want) || strings.Contains(out, "Tỉnh") || strings.Contains(out, "Province") {
				t.Errorf("%s:\n%s", lang, out)
			}
			if csv := must("--lang", lang, "agency", "list", "--format", "csv"); !strings.Contains(csv, ","+want+",") {
				t.Errorf("%s csv:\n%s", lang, csv)
			}
		}
		parentOf := func(year string) agencyListJSON {
			t.Helper()
			var list []agencyListJSON
			if err := json.Unmarshal([]byte(must("agency", "list", "--campaign", year, "--format", "json")), &list); err != nil {
				t.Fatal(err)
			}
			for _, a := range list {
				if a.Name == "Xã Sơn Tây" {
					return a
				}
			}
			t.Fatalf("%s does not list Xã Sơn Tây", year)
			return agencyListJSON{}
		}
		if a := parentOf("2024"); a.Parent == nil || *a.Parent != "Huyện Hương Sơn" || a.ParentFollowed == nil || *a.ParentFollowed || !a.Active {
			t.Errorf("2024: %+v", a)
		}
		must("agency", "follow", "Huyện Hương Sơn")
		if out := must("agency", "list", "--group", "commune"); strings.Contains(out, "không theo dõi") || !strings.Contains(out, "Huyện Hương Sơn") {
			t.Errorf("district followed:\n%s", out)
		}
		if a := parentOf("2024"); a.ParentFollowed == nil || !*a.ParentFollowed {
			t.Errorf("2024, district followed: %+v", a)
		}
	})
}
