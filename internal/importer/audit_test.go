package importer

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/lang"

	"golang.org/x/text/encoding/unicode"
)

// The files a clerk really receives that cannot be read are refused before
// anything is planned, each saying in both languages what to do.
func TestUnreadableFilesSayWhatToDo(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// Windows-1258: ê, ô, ì are one byte each
	cp1258 := "STT,T\xean m\xf4 h\xecnh,Lo\xe0i\n1,M\xf4 h\xecnh m\xf4\xec,M\xf4 h\xecnh\n"
	var noTable strings.Builder
	z := zip.NewWriter(&noTable)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kính gửi Sở Nội vụ</w:t></w:r></w:p></w:body></w:document>`,
	} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "thu-muc"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, path, vi, en string }{
		{"empty", write("trong.csv", nil), "trong.csv là tệp trống", "trong.csv is empty"},
		{"blank lines and a BOM", write("trong.xlsx", []byte("\xef\xbb\xbf\r\n\r\n")), "là tệp trống", "is empty"},
		{"Windows-1258", write("cp1258.csv", []byte(cp1258)), "Tệp không phải văn bản UTF-8 (có lẽ lưu bằng bảng mã cũ: Windows-1258, TCVN3, VNI)",
			`Open it in Excel, File > Save As > type "CSV UTF-8 (Comma delimited)"`},
		{"TCVN3 bytes", write("tcvn3.csv", []byte("T\xaan m\xab h\xd7nh,Lo\xb9i\n")), "bảng mã cũ", "old encoding"},
		{"TCVN3 typed, saved as Unicode", write("tcvn3-unicode.csv", []byte("STT,Tên mô hình,Loại,Lĩnh vực CCHC\n1,C¶i c¸ch hµnh chÝnh,Mô hình,Thể chế\n")),
			`dòng 2, cột 2 ghi "C¶i c¸ch hµnh chÝnh"; nhập vào sẽ thành chữ sai, nên không nhập gì. Hãy chuyển tệp sang Unicode bằng Unikey`,
			`row 2, column 2 reads "C¶i c¸ch hµnh chÝnh"; imported it would be garbled, so nothing is imported. Convert the file to Unicode with Unikey`},
		{"VNI typed, saved as Unicode", write("vni.csv", []byte("STT,Tên mô hình,Loại,Lĩnh vực CCHC\n1,Caûi caùch haønh chính,Mô hình,Thể chế\n")),
			"bảng mã cũ (TCVN3 hay VNI", "an old encoding (TCVN3 or VNI"},
		{"not really a zip", write("hong.xlsx", []byte("đây không phải tệp Excel")), "hãy mở bằng Excel và lưu lại thành .xlsx", "open it in Excel and save it as .xlsx"},
		{"Word without a table", write("thu.docx", []byte(noTable.String())), "Tệp Word không có bảng nào: danh sách phải là một bảng (mỗi mô hình hay mỗi đơn vị một dòng), như mẫu đăng ký (trong ứng dụng: màn 6 Báo cáo", "copy the list into the template's table"},
		{"no such file", filepath.Join(dir, "khong-co.csv"), "Không có tệp " + filepath.Join(dir, "khong-co.csv") + ": kiểm tra lại tên tệp và thư mục",
			"There is no file " + filepath.Join(dir, "khong-co.csv") + ": check the file's name and folder"},
		{"folder", filepath.Join(dir, "thu-muc"), "là một thư mục, không phải tệp: hãy chọn một tệp trong đó", "is a folder, not a file: choose a file in it"},
	} {
		_, err := ReadFile(c.path)
		if vi := lang.Message(err, lang.VI); !strings.Contains(vi, c.vi) {
			t.Errorf("%s: %q, want …%s…", c.name, vi, c.vi)
		}
		if en := lang.Message(err, lang.EN); !strings.Contains(en, c.en) {
			t.Errorf("%s in English: %q, want …%s…", c.name, en, c.en)
		}
	}
}

// Vietnamese written in Unicode is never taken for an old encoding.
func TestUnicodeVietnameseIsNotAnOldEncoding(t *testing.T) {
	for _, s := range []string{
		"Tên mô hình, sáng kiến, giải pháp, cách làm hay", "Hoá đơn điện tử, thuế quá hạn, khoá sổ, hoà giải", "Mùa xuân, tuần lễ, muốn, Huế",
		"Khổ giấy 72×20 · nhiệt độ 25°C", "ĐĂNG KÝ MÔ HÌNH NĂM 2023", "Xã Kỳ Ninh", "Thị xã Kỳ Anh", "Ứng dụng CNTT",
	} {
		if oldEncoding(s) {
			t.Errorf("%q taken for TCVN3 or VNI", s)
		}
	}
}

// Excel's "Unicode text" is UTF-16 with a BOM and tabs; some programs
// leave the BOM out. Both read as the same rows.
func TestUTF16TextWithAndWithoutBOM(t *testing.T) {
	text := "Tên\tNhóm\tĐơn vị cấp trên\r\nXã Mới Tinh\tcommune\tHuyện Đức Thọ\r\n"
	for _, bom := range []unicode.BOMPolicy{unicode.UseBOM, unicode.IgnoreBOM} {
		data, err := unicode.UTF16(unicode.LittleEndian, bom).NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		g, err := ReadCSV([]byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Rows) != 2 || g.Cell(1, 0) != "Xã Mới Tinh" || g.Cell(1, 2) != "Huyện Đức Thọ" {
			t.Errorf("BOM %v: rows %q", bom, g.Rows)
		}
	}
}

// A header with nothing under it says to fill rows in; columns the
// template does not have are said to be ignored (a note, not an error).
func TestHeaderOnlyAndUnknownColumns(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	plan, err := PlanRegistrations(ctx, st, c, writeFile(t, "dk.csv", "STT,Tên mô hình,Loại,Lĩnh vực CCHC\n"), RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if text := problems(plan.Problems); plan.Errors() != 1 || !strings.Contains(text, "dưới dòng tiêu đề (dòng 1): hãy điền mỗi mô hình, sáng kiến một dòng") {
		t.Errorf("header only:\n%s", text)
	}
	ag, err := PlanAgencies(ctx, st, c, writeFile(t, "ds.csv", "Tên,Nhóm,Đơn vị cấp trên\n"))
	if err != nil {
		t.Fatal(err)
	}
	if en := ag.Problems[0].Text(lang.EN); ag.Errors() != 1 || !strings.Contains(en, "no rows under its header (row 1): write one agency a row") {
		t.Errorf("agency header only: %s", en)
	}
	plan, err = PlanRegistrations(ctx, st, c, writeFile(t, "dk.csv", "Tên cơ quan, đơn vị: Huyện Đức Thọ\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC,Kinh phí,Số điện thoại\n"+
		"1,Số hóa hồ sơ,Sáng kiến,Chính quyền số,5 triệu,0912\n"), RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if text := problems(plan.Problems); plan.Errors() != 0 || len(plan.Rows) != 1 ||
		!strings.Contains(text, `Lưu ý — Dòng 2: cột "Kinh phí", "Số điện thoại" không có trong mẫu nên không được nhập (bỏ qua)`) {
		t.Errorf("unknown columns:\n%s", text)
	}
	ag, err = PlanAgencies(ctx, st, c, writeFile(t, "ds.csv", "Name,Group,Parent,Population\nXã Mới Tinh,commune,Huyện Đức Thọ,1000\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ag.Errors() != 0 || len(ag.Rows) != 1 || ag.Rows[0].Parent != "Huyện Đức Thọ" ||
		!strings.Contains(ag.Problems[0].Text(lang.EN), `Note — Row 1: the column(s) "Population" are not in the template`) {
		t.Errorf("English header, unknown column: %+v\n%s", ag.Rows, problems(ag.Problems))
	}
}

// Control characters, NUL and terminal escapes in cells never reach the
// book, and a NUL between words leaves them apart.
func TestControlCharactersInCells(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	plan, err := PlanRegistrations(ctx, st, c, writeFile(t, "dk.csv", "Tên cơ quan, đơn vị: Huyện Đức Thọ\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC\n"+
		"1,Một\x00cửa\a số\x1b[31m điện tử\u202e,Mô hình,Thủ tục hành chính\n"), RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || len(plan.Rows) != 1 || plan.Rows[0].Registration.Title != "Một cửa số điện tử" {
		t.Fatalf("rows %+v\n%s", plan.Rows, problems(plan.Problems))
	}
	ag, err := PlanAgencies(ctx, st, c, writeFile(t, "ds.csv", "Tên,Nhóm,Đơn vị cấp trên\nXã Mới\x00Tinh\x07,commune,Huyện Đức Thọ\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ag.Errors() != 0 || len(ag.Rows) != 1 || ag.Rows[0].Agency.Name != "Xã Mới Tinh" {
		t.Fatalf("rows %+v\n%s", ag.Rows, problems(ag.Problems))
	}
}

// A day that does not exist, in the title block or as a timeline, is an
// error of its row: nothing is written.
func TestDaysThatDoNotExist(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	for _, c2 := range []struct{ name, file, want string }{
		{"letter", "Tên cơ quan, đơn vị: Huyện Đức Thọ\nSố: 12/UBND ngày 31/02/2023\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC\n1,Số hóa hồ sơ,Sáng kiến,Chính quyền số\n",
			`Dòng 2: Ngày văn bản "31/02/2023": không phải ngày có thật`},
		{"timeline", "Tên cơ quan, đơn vị: Huyện Đức Thọ\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC,Thời gian thực hiện\n1,Số hóa hồ sơ,Sáng kiến,Chính quyền số,31/02/2023\n",
			`Dòng 3, cột "Thời gian thực hiện": "31/02/2023": không phải ngày có thật (dd/mm/yyyy); hãy sửa ngày trong tệp`},
	} {
		plan, err := PlanRegistrations(ctx, st, c, writeFile(t, "dk.csv", c2.file), RegistrationOptions{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if text := problems(plan.Problems); plan.Errors() != 1 || !strings.Contains(text, c2.want) {
			t.Errorf("%s:\n%s", c2.name, text)
		}
		if err := plan.Apply(ctx, st); err == nil {
			t.Errorf("%s: applied", c2.name)
		}
	}
}

// An Excel workbook renamed .csv is read as the workbook it is, not
// refused as text in an old encoding.
func TestWorkbookNamedCSV(t *testing.T) {
	dir := t.TempDir()
	st, c := newBook(t)
	data, err := os.ReadFile(ducThoXLSX(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "duc-tho.csv")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	plan, err := PlanRegistrations(context.Background(), st, c, path, RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || len(plan.Rows) == 0 {
		t.Fatalf("rows %+v\n%s", plan.Rows, problems(plan.Problems))
	}
}
