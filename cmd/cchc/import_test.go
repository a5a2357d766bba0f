package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func registeredBy(t *testing.T, db, name string) int {
	t.Helper()
	code, out, errs := cchc(t, "--db", db, "status", "--format", "json", "--as-of", "25/03/2023")
	if code != 0 {
		t.Fatalf("status: %s", errs)
	}
	var st statusJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	for _, a := range st.Agencies {
		if a.Name == name {
			return a.Registered
		}
	}
	t.Fatalf("no %q in status", name)
	return 0
}

func TestTemplateFillImportStatus(t *testing.T) {
	eachBackend(t, func(t *testing.T, db string) {
		t.Setenv("CCHC_TODAY", "25/03/2023")
		dir := t.TempDir()
		tmpl := filepath.Join(dir, "mau-dang-ky.xlsx")
		if code, out, errs := cchc(t, "--db", db, "template", "-o", tmpl); code != 0 || !strings.Contains(out, "Đã ghi mẫu") {
			t.Fatalf("template: %d %s %s", code, out, errs)
		}

		// The agency fills it in.
		f, err := excelize.OpenFile(tmpl)
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetName(0)
		for cell, v := range map[string]string{
			"C4": "Sở TT&TT", "C5": "57/STTTT-VP", "F5": "22/03/2023",
			"B8": "Nền tảng Hà Tĩnh số", "C8": "Giải pháp", "D8": "Chính phủ số",
			"B9": "Một cửa điện tử", "C9": "Mô hình", "D9": "TTHC",
		} {
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
		filled := filepath.Join(dir, "stttt.xlsx")
		if err := f.SaveAs(filled); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}

		code, out, errs := cchc(t, "--db", db, "import", "registrations", filled, "--dry-run")
		if code != 0 || !strings.Contains(out, "Nền tảng Hà Tĩnh số") || !strings.Contains(out, "57/STTTT-VP") ||
			!strings.HasSuffix(out, "Sẽ thêm 2 mô hình của Sở Thông tin và Truyền thông; bỏ qua 0 trùng; 0 lỗi (chạy thử: chưa ghi gì)\n") {
			t.Fatalf("dry run: %d\n%s\n%s", code, out, errs)
		}
		if n := registeredBy(t, db, "Sở Thông tin và Truyền thông"); n != 0 {
			t.Fatalf("dry run registered %d", n)
		}
		code, out, errs = cchc(t, "--db", db, "import", "registrations", "--received", "23/03/2023", filled)
		if code != 0 || out != "Đã thêm 2 mô hình của Sở Thông tin và Truyền thông; bỏ qua 0 trùng; 0 lỗi\n" {
			t.Fatalf("import: %d\n%s\n%s", code, out, errs)
		}
		if n := registeredBy(t, db, "Sở Thông tin và Truyền thông"); n != 2 {
			t.Fatalf("registered %d", n)
		}
		code, out, _ = cchc(t, "--db", db, "--lang", "en", "import", "registrations", filled)
		if code != 0 || !strings.HasSuffix(out, "Added 0 registrations from Sở Thông tin và Truyền thông; skipped 2 duplicates; 0 errors\n") {
			t.Fatalf("re-import: %d\n%s", code, out)
		}
		if n := registeredBy(t, db, "Sở Thông tin và Truyền thông"); n != 2 {
			t.Fatalf("re-import registered %d", n)
		}
	})
}

func TestImportErrorsExitOneAndWriteNothing(t *testing.T) {
	eachBackend(t, func(t *testing.T, db string) {
		t.Setenv("CCHC_TODAY", "25/03/2023")
		dir := t.TempDir()
		bad := filepath.Join(dir, "bad.csv")
		if err := os.WriteFile(bad, []byte("\uFEFFSTT;Tên mô hình;Loại;Lĩnh vực\r\n1;Tốt;Mô hình;Thể chế\r\n2;Xấu;Dự án;Thể chế\r\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, errs := cchc(t, "--db", db, "import", "registrations", bad, "--agency", "UBND huyện Đức Thọ")
		if code != 1 || !strings.Contains(errs, `Dòng 3, cột "Loại": "Dự án" không phải loại nào`) ||
			!strings.HasSuffix(errs, "cchc: Sẽ thêm 0 mô hình của Huyện Đức Thọ; bỏ qua 0 trùng; 1 lỗi — không ghi gì vào sổ dữ liệu\n") {
			t.Fatalf("exit %d\n%s", code, errs)
		}
		if n := registeredBy(t, db, "Huyện Đức Thọ"); n != 0 {
			t.Fatalf("registered %d", n)
		}
	})
}

// --received reads the ISO yyyy-mm-dd as docs/dac-ta.md says, as the same day
// as dd/mm/yyyy.
func TestReceivedISO(t *testing.T) {
	t.Setenv("CCHC_TODAY", "25/03/2023")
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	file := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(file, []byte("Tên mô hình,Loại,Lĩnh vực\nMột cửa số,Mô hình,TTHC\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, recv := range []string{"2023-03-20", "20/03/2023"} {
		code, out, errs := cchc(t, "--db", db, "import", "registrations", file, "--agency", "Đức Thọ", "--received", recv, "--dry-run")
		if code != 0 || !strings.Contains(out, "20/03/2023") {
			t.Fatalf("--received %s: exit %d %s %s", recv, code, out, errs)
		}
	}
	spec, err := os.ReadFile("../../docs/dac-ta.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(spec), "ISO `yyyy-mm-dd` is read too") {
		t.Fatal("docs/dac-ta.md does not say that ISO dates are read")
	}
}

func TestImportUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cchc.db")
	for _, args := range [][]string{
		{"import"},
		{"import", "people", "x.csv"},
		{"import", "registrations"},
		{"import", "registrations", "x.csv", "--received", "31/02/2023"},
		{"import", "registrations", "x.csv", "--received", ""}, // not "today": the day was left out
		{"import", "registrations", "x.csv", "--received= "},
		{"status", "--as-of", ""},
		{"import", "registrations", "x.csv", "--campaign", "abc"},
		{"template", "--format", "pdf"},
	} {
		if code, _, errs := cchc(t, append([]string{"--db", db}, args...)...); code != 2 || !strings.HasPrefix(errs, "cchc: ") {
			t.Errorf("%v: exit %d %s", args, code, errs)
		}
	}
	code, out, _ := cchc(t, "import", "registrations", "--help")
	if code != 0 || !strings.HasPrefix(out, "Cách dùng: cchc import registrations TỆP") {
		t.Fatalf("help: %d %s", code, out)
	}
	if code, _, errs := cchc(t, "--db", db, "import", "registrations", filepath.Join(t.TempDir(), "none.xlsx")); code != 1 || !strings.Contains(errs, "Không có tệp") {
		t.Fatalf("missing file: %d %s", code, errs)
	}
}

// A reply written in Word (this one by LibreOffice Writer from
// testdata/so-y-te-writer.html: the title block in a borderless table, a
// contact table, the list, a signature table) is read like a sheet; a
// Word 97 file is refused with what to do.
func TestImportWordReply(t *testing.T) {
	t.Setenv("CCHC_TODAY", "25/03/2023")
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	docx := filepath.Join("testdata", "so-y-te-writer.docx")
	code, out, errs := cchc(t, "--db", db, "import", "registrations", docx, "--received", "22/03/2023", "--dry-run")
	if code != 0 || !strings.Contains(out, "Văn bản số: 15/SYT-VP · Ngày văn bản: 20/03/2023") || !strings.Contains(out, "Khám bệnh không giấy tờ") ||
		!strings.Contains(out, "Sẽ thêm 2 mô hình của Sở Y tế; bỏ qua 0 trùng; 0 lỗi") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errs)
	}
	if n := registeredBy(t, db, "Sở Y tế"); n != 0 {
		t.Fatalf("the dry run wrote %d", n)
	}
	if code, out, errs = cchc(t, "--db", db, "import", "registrations", docx, "--received", "22/03/2023"); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	if n := registeredBy(t, db, "Sở Y tế"); n != 2 {
		t.Fatalf("registered %d, want 2", n)
	}
	old := filepath.Join(dir, "cu.doc")
	if err := os.WriteFile(old, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs = cchc(t, "--db", db, "import", "registrations", old); code != 1 || !strings.Contains(errs, "lưu lại thành .docx") {
		t.Errorf(".doc: exit %d, %q", code, errs)
	}
}

// A reply that came only as a PDF printed from Word imports like the
// Word file: dry run, import, and again only duplicates.
func TestImportPDFReply(t *testing.T) {
	t.Setenv("CCHC_TODAY", "25/03/2023")
	db := filepath.Join(t.TempDir(), "cchc.db")
	reply := filepath.Join("..", "..", "internal", "importer", "testdata", "pdf", "so-y-te.pdf")
	code, out, errs := cchc(t, "--db", db, "import", "registrations", reply, "--received", "22/03/2023", "--dry-run")
	if code != 0 || !strings.Contains(out, "Văn bản số: 15/SYT-VP · Ngày văn bản: 20/03/2023") || !strings.Contains(out, "Một cửa điện tử ngành y tế") ||
		!strings.Contains(out, "Sẽ thêm 6 mô hình của Sở Y tế; bỏ qua 0 trùng; 0 lỗi") {
		t.Fatalf("dry run: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs = cchc(t, "--db", db, "import", "registrations", reply, "--received", "22/03/2023"); code != 0 || registeredBy(t, db, "Sở Y tế") != 6 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	if code, out, errs = cchc(t, "--db", db, "--lang", "en", "import", "registrations", reply, "--dry-run"); code != 0 ||
		!strings.Contains(out, "Would add 0 registrations from Sở Y tế; skipped 6 duplicates; 0 errors") {
		t.Fatalf("again: exit %d\n%s%s", code, out, errs)
	}
}

// What a clerk may be sent that cannot be imported fails with exit 1 and
// a message saying what to do, in either language, writing nothing; a
// huge cell is cut in the dry-run table instead of filling the terminal.
func TestImportRefusalsFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	must := mustOn(t, db)
	before := must("history", "--limit", "0")
	empty := filepath.Join(dir, "trong.csv")
	huge := filepath.Join(dir, "dai.csv")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(huge, []byte("Tên cơ quan, đơn vị: Huyện Đức Thọ\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC\n1,"+strings.Repeat("A", 100000)+",Mô hình,Thể chế\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args     []string
		want     string
		maxBytes int
	}{
		{[]string{"import", "registrations", empty}, "trong.csv là tệp trống", 0},
		{[]string{"--lang", "en", "import", "agencies", empty}, "trong.csv is empty (there is nothing in it): choose the filled-in file", 0},
		{[]string{"import", "registrations", huge, "--dry-run"}, "quá dài", 2000},
	} {
		code, out, errs := cchc(t, append([]string{"--db", db}, c.args...)...)
		if code != exitFailure || !strings.Contains(errs, c.want) || (c.maxBytes > 0 && len(out)+len(errs) > c.maxBytes) {
			t.Errorf("%v: exit %d, %d bytes\n%.600s\n%.600s", c.args, code, len(out)+len(errs), out, errs)
		}
	}
	if after := must("history", "--limit", "0"); after != before {
		t.Errorf("the history changed:\n%s", after)
	}
}

// cchc's own list of every agency's registrations bears the Department's
// letterhead, "SỞ NỘI VỤ", which is also an agency of the campaign: taken
// for its letter, the list went into the book as Sở Nội vụ's 99 models.
// Its lead-unit column names other agencies of the campaign: refused.
func TestImportRefusesACompiledList(t *testing.T) {
	dir := t.TempDir()
	db, list := filepath.Join(dir, "demo.db"), filepath.Join(dir, "danh-sach.xlsx")
	if code, _, errs := cchc(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	output(t, "--db", db, "report", "registrations", "-o", list)
	before := output(t, "--db", db, "status", "--format", "json")
	code, _, errs := cchc(t, "--db", db, "import", "registrations", list)
	if code != exitFailure || !strings.Contains(errs, "danh sách tổng hợp đăng ký của nhiều cơ quan, đơn vị, không phải văn bản của Sở Nội vụ") ||
		!strings.Contains(errs, "không ghi gì") {
		t.Fatalf("import of the compiled list: exit %d\n%s", code, errs)
	}
	if after := output(t, "--db", db, "status", "--format", "json"); after != before {
		t.Error("the refused import changed the book")
	}
}
