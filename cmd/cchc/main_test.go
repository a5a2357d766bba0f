package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"cchc/internal/location"
)

func cchc(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// output runs cchc, which must succeed, and gives what it printed: a
// failed run would otherwise pass for an empty or short answer.
func output(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := cchc(t, args...)
	if code != 0 {
		t.Fatalf("cchc %q: exit %d\n%s", args, code, errs)
	}
	return out
}

// readFile is the text of the file at path.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

type statusJSON struct {
	Campaign struct {
		Year     int    `json:"year"`
		Deadline string `json:"deadline"`
	} `json:"campaign"`
	Groups []struct {
		Group         string `json:"group"`
		Agencies      int    `json:"agencies"`
		Met           int    `json:"met"`
		Short         int    `json:"short"`
		Missing       int    `json:"missing"`
		Registrations int    `json:"registrations"`
	} `json:"groups"`
	Agencies []struct {
		Name       string  `json:"name"`
		Group      string  `json:"group"`
		Required   int     `json:"required"`
		Target     int     `json:"target"`
		Registered int     `json:"registered"`
		Status     string  `json:"status"`
		TargetMet  bool    `json:"target_met"`
		MetOn      *string `json:"met_on"`
		Late       bool    `json:"late"`
		Overdue    bool    `json:"overdue"`
	} `json:"agencies"`
}

func TestStatusJSONOnAFreshDatabase(t *testing.T) {
	eachBackend(t, func(t *testing.T, db string) {
		code, out, errs := cchc(t, "--db", db, "status", "--format", "json", "--as-of", "25/03/2023")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var got statusJSON
		dec := json.NewDecoder(strings.NewReader(out))
		dec.DisallowUnknownFields()
		var raw map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &raw); err != nil || len(raw) != 3 {
			t.Fatalf("not one object with three keys: %v %s", err, out)
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if got.Campaign.Year != 2023 || got.Campaign.Deadline != "2023-03-24" {
			t.Fatalf("campaign = %+v", got.Campaign)
		}
		wantGroups := []string{"department", "central", "district"}
		if len(got.Groups) != 3 {
			t.Fatalf("groups = %+v", got.Groups)
		}
		wantCount := map[string]int{"department": 19, "central": 8, "district": 13}
		for i, g := range got.Groups {
			if g.Group != wantGroups[i] || g.Agencies != wantCount[g.Group] || g.Missing != g.Agencies || g.Registrations != 0 {
				t.Fatalf("group %d = %+v", i, g)
			}
		}
		if len(got.Agencies) != 40 {
			t.Fatalf("agencies = %d", len(got.Agencies))
		}
		for _, a := range got.Agencies {
			if a.Name == "Sở Y tế" {
				if a.Group != "department" || a.Required != 1 || a.Target != 1 || a.Status != "missing" || a.MetOn != nil || !a.Overdue || a.Late || a.TargetMet {
					t.Fatalf("Sở Y tế = %+v", a)
				}
			}
			if a.Name == "Huyện Đức Thọ" && (a.Required != 2 || a.Target != 3) {
				t.Fatalf("Đức Thọ = %+v", a)
			}
		}
		if got.Agencies[0].Group != "department" || got.Agencies[39].Group != "district" {
			t.Fatal("agencies not sorted by group")
		}
		// Within a group, Vietnamese order: Cẩm after Can, Đức after Cẩm.
		var d []string
		for _, a := range got.Agencies {
			if a.Group == "district" {
				d = append(d, a.Name)
			}
		}
		if d[0] != "Huyện Can Lộc" || d[1] != "Huyện Cẩm Xuyên" || d[2] != "Huyện Đức Thọ" {
			t.Fatalf("district order = %v", d)
		}
		if location.IsPostgres(db) {
			return
		}
		info, err := os.Stat(db)
		// Windows has no mode bits (Go shows 0666): its owner-only rule is a DACL
		if err != nil || runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
			t.Fatalf("db file: %v %v", err, info)
		}
	})
}

func TestStatusTextFiltersAndDeadline(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cchc.db")
	code, out, errs := cchc(t, "status", "--db", db, "--as-of", "21/03/2023", "--group", "district", "--only", "unmet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Hạn đăng ký: 24/03/2023", "còn 3 ngày", "Huyện Đức Thọ", "✗ Chưa đăng ký", "2/3"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Sở Y tế") {
		t.Error("department listed under --group district")
	}
	out = output(t, "--lang", "en", "--db", db, "status", "--as-of", "05/04/2023", "--format", "md")
	for _, want := range []string{"# CAMPAIGN 2023", "12 days overdue", "| Agency |", "Missing"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	out = output(t, "--db", db, "status", "--format", "csv")
	if !strings.HasPrefix(out, "\ufeffSTT,") || !strings.Contains(out, "\r\n") {
		t.Errorf("csv lacks BOM or CRLF: %q", out[:40])
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	notDB := filepath.Join(dir, "notes.txt")
	write(t, notDB, []byte("ghi chú"))
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db, "status", "--format", "pdf"}, 2, "--format"},
		{[]string{"--db", db, "status", "--as-of", "31/02/2023"}, 2, "không phải ngày có thật"},
		{[]string{"--db", db, "status", "--group", "tinh"}, 2, "--group"},
		{[]string{"--db", db, "status", "--only", "late"}, 2, "--only"},
		{[]string{"--db", db, "status", "--campaign", "20x3"}, 2, "--campaign"},
		{[]string{"--db", db, "status", "--bogus"}, 2, "Không có tùy chọn --bogus"},
		{[]string{"--db", db, "status", "extra"}, 2, "Thừa tham số"},
		{[]string{"--lang", "fr", "status"}, 2, "Giá trị"},
		{[]string{"--db", db, "frobnicate"}, 2, "Không có lệnh"},
		{[]string{"--db", "", "status"}, 2, "--db"},
		{[]string{"status", "--db", " "}, 2, "--db"},
		{[]string{"--db", db, "status", "--campaign", "2019"}, 1, "Không có đợt đăng ký năm 2019"},
		{[]string{"--db", dir, "status"}, 1, "là một thư mục"},
		{[]string{"--db", notDB, "status"}, 1, "không phải tệp dữ liệu cchc"},
	}
	for _, tc := range cases {
		code, _, errs := cchc(t, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: more than one line on stderr: %q", tc.args, errs)
		}
	}
	if readFile(t, notDB) != "ghi chú" {
		t.Fatal("non-database file was changed")
	}
}

// An empty --db (a shell variable that was not set) is refused: falling
// back to $CCHC_DB or the default book would put the work in another book.
func TestEmptyDBIsNotTheDefaultBook(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	other := filepath.Join(home, "other.db")
	t.Setenv("CCHC_DB", other)
	for _, args := range [][]string{{"--db", "", "status"}, {"campaign", "new", "--db", "", "--year", "2027", "--deadline", "31/03/2027"}} {
		if code, _, errs := cchc(t, args...); code != 2 || !strings.Contains(errs, "--db") {
			t.Errorf("%q: exit %d, %q; want exit 2 naming --db", args, code, errs)
		}
	}
	for _, p := range []string{other, filepath.Join(home, "config", "cchc", "cchc.db")} {
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %v; want no book made", p, err)
		}
	}
}

func TestHelpIsVietnameseByDefault(t *testing.T) {
	code, out, _ := cchc(t, "--help")
	if code != 0 || !strings.Contains(out, "Cách dùng") || !strings.Contains(out, "status") {
		t.Fatalf("help: %d %q", code, out)
	}
	code, out, _ = cchc(t, "status", "--help")
	if code != 0 || !strings.Contains(out, "--as-of NGÀY") {
		t.Fatalf("status help: %d %q", code, out)
	}
	code, out, _ = cchc(t, "--lang", "en", "help", "status")
	if code != 0 || !strings.Contains(out, "Usage: cchc status") {
		t.Fatalf("english help: %d %q", code, out)
	}
	code, out, _ = cchc(t, "version")
	if code != 0 || !strings.HasPrefix(out, "cchc ") {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestCampaignNew(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cchc.db")
	code, out, errs := cchc(t, "--db", db, "campaign", "new", "--year", "2024", "--deadline", "29/03/2024", "--letter", "215/SNV-CCHC&VTLT")
	if code != 0 || !strings.Contains(out, "Đã mở đợt đăng ký năm 2024: hạn 29/03/2024, 40 cơ quan") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	// status now defaults to the latest campaign
	out = output(t, "--db", db, "status", "--format", "json", "--as-of", "01/03/2024")
	if !strings.Contains(out, `"year": 2024`) || !strings.Contains(out, `"deadline": "2024-03-29"`) {
		t.Fatalf("status after new campaign: %s", out)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"campaign", "new", "--year", "2024", "--deadline", "29/03/2024"}, 1, "Đã có đợt đăng ký năm 2024"},
		{[]string{"campaign", "new", "--year", "2025"}, 2, "Cần --year và --deadline"},
		{[]string{"campaign", "new", "--year", "2025", "--deadline", "30/02/2025"}, 2, "không phải ngày có thật"},
		{[]string{"campaign", "new", "--year", "2025", "--deadline", "28/02/2025", "--from", "2019"}, 1, "Không có đợt đăng ký năm 2019"},
		{[]string{"campaign", "renew"}, 2, "Không có lệnh con"},
		// a deadline outside the campaign's own year is a slip of the keyboard
		{[]string{"campaign", "new", "--year", "2025", "--deadline", "29/03/2030"}, 2, "hạn đăng ký phải thuộc năm 2025"},
		{[]string{"campaign", "new", "--year", "2025", "--deadline", "31/12/2024"}, 2, "hạn đăng ký phải thuộc năm 2025"},
	}
	for _, tc := range cases {
		code, _, errs := cchc(t, append([]string{"--db", db}, tc.args...)...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d %q; want %d %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
	out = output(t, "--db", db, "campaign", "list")
	if strings.Contains(out, "2025") || strings.Contains(out, "2030") {
		t.Fatalf("a refused campaign was opened: %s", out)
	}
	if !strings.HasPrefix(out, "2024") || !strings.Contains(out, "\n2023") {
		t.Fatalf("list: %s", out)
	}
}
