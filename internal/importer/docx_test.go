package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"

	"github.com/xuri/excelize/v2"
)

// A tiny WordprocessingML writer for fixtures: w:p, w:tbl, w:tr, w:tc.

func wEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// wp is a paragraph; "\n" in it is a line break (w:br), "\t" a tab stop.
func wp(text string) string {
	var b strings.Builder
	b.WriteString("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("<w:r><w:br/></w:r>")
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString("<w:r><w:tab/></w:r>")
			}
			if part != "" {
				// two runs, as Word splits text where its formatting changes
				half := len(part) / 2
				for half > 0 && !strings.HasPrefix(part[half:], " ") && half < len(part) {
					half++
				}
				b.WriteString("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + wEscape(part[:half]) + "</w:t></w:r>")
				b.WriteString("<w:r><w:t xml:space=\"preserve\">" + wEscape(part[half:]) + "</w:t></w:r>")
			}
		}
	}
	return b.String() + "</w:p>"
}

// wc is a cell of paragraphs; props go into w:tcPr (gridSpan, vMerge).
func wc(props string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>" + props + "</w:tcPr>")
	if len(paras) == 0 {
		paras = []string{""}
	}
	for _, p := range paras {
		b.WriteString(wp(p))
	}
	return b.String() + "</w:tc>"
}

// wr is a row of plain cells ("" for an empty one).
func wr(cells ...string) string {
	var b strings.Builder
	b.WriteString("<w:tr>")
	for _, c := range cells {
		if strings.HasPrefix(c, "<w:tc>") {
			b.WriteString(c)
		} else {
			b.WriteString(wc("", c))
		}
	}
	return b.String() + "</w:tr>"
}

func wt(rows ...string) string {
	return "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>" + strings.Join(rows, "") + "</w:tbl>"
}

// writeDOCX writes a minimal .docx holding body.
func writeDOCX(t *testing.T, path, body string) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(f)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>` +
			body + `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>`,
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// syte is what Sở Y tế sends in Word: the title block laid out in a
// borderless table (issuer and number on the left, motto and date on the
// right), a contact table, then the registrations table in its own
// column order with a numbering row, a band row across it ("I. …"), a
// title over two lines, Lĩnh vực
// merged down two rows (vMerge), Ghi chú spanning two grid columns
// (gridSpan), and a signature table after it.
func syteDOCX(t *testing.T, dir string) string {
	body := wt(wr(
		wc("", "UBND TỈNH HÀ TĨNH", "SỞ Y TẾ", "Số: 15/SYT-VP", "V/v đăng ký mô hình, sáng kiến CCHC năm 2023"),
		wc("", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Hà Tĩnh, ngày 20 tháng 3 năm 2023"),
	)) +
		wp("DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN, CÁCH LÀM HAY TRONG CẢI CÁCH HÀNH CHÍNH NĂM 2023") +
		wp("Người liên hệ:") +
		wt(wr("Tên người liên hệ", "Đơn vị", "Điện thoại"), wr("Trần Thị B", "Văn phòng Sở", "0912 345 678")) +
		wp("") +
		wt(
			wr("Lĩnh vực CCHC", "STT", "Tên mô hình,\nsáng kiến", "Loại", wc(`<w:gridSpan w:val="2"/>`, "Ghi chú")),
			wr("(1)", "(2)", "(3)", "(4)", wc(`<w:gridSpan w:val="2"/>`, "(5)")),
			wr(wc(`<w:gridSpan w:val="6"/>`, "I. Các mô hình của Sở")),
			wr(wc(`<w:vMerge w:val="restart"/>`, "Cải cách thủ tục hành chính"), "1", "Khám bệnh\nkhông giấy tờ", "Mô hình", "Bệnh viện tỉnh", ""),
			wr(wc(`<w:vMerge/>`), "2", "Một cửa điện tử ngành y tế", "Sáng kiến", "", ""),
			wr("Chuyển đổi số", "3", "Hồ sơ sức khỏe điện tử", "Giải pháp", wc(`<w:gridSpan w:val="2"/>`, "Thí điểm")),
		) +
		wt(wr(wc("", "Nơi nhận:", "- Như trên;", "- Lưu: VT."), wc("", "GIÁM ĐỐC", "", "Nguyễn Văn A")))
	return writeDOCX(t, filepath.Join(dir, "so-y-te.docx"), body)
}

func TestImportDOCXTitleBlockInATable(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	path := syteDOCX(t, t.TempDir())
	opt := RegistrationOptions{Received: vndate.Of(2023, 3, 22), Today: today}
	plan, err := PlanRegistrations(ctx, st, c, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 {
		t.Fatalf("problems:\n%s", problems(plan.Problems))
	}
	if plan.LetterNumber != "15/SYT-VP" || plan.LetterDate != vndate.Of(2023, 3, 20) || plan.Sheet != "3" {
		t.Fatalf("letter %q %s, table %q", plan.LetterNumber, plan.LetterDate, plan.Sheet)
	}
	var got []string
	for _, r := range plan.Rows {
		got = append(got, r.Agency.Name+"|"+r.Registration.Title+"|"+string(r.Registration.Kind)+"|"+string(r.Registration.Area)+"|"+r.Registration.Note)
	}
	want := []string{
		"Sở Y tế|Khám bệnh không giấy tờ|model|procedures|Bệnh viện tỉnh",
		"Sở Y tế|Một cửa điện tử ngành y tế|initiative|procedures|",
		"Sở Y tế|Hồ sơ sức khỏe điện tử|solution|" + string(campaign.DigitalGovt) + "|Thí điểm",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if plan.Rows[0].Line != 4 {
		t.Errorf("the first registration is row %d of its table, want 4 (after the header, the numbering and the band)", plan.Rows[0].Line)
	}
	// a dry run writes nothing; applying writes all three, once
	if err := plan.Apply(ctx, st); err != nil {
		t.Fatal(err)
	}
	if tally := plan.Tally(lang.VI); !strings.HasPrefix(tally, "Đã thêm 3 mô hình của Sở Y tế; bỏ qua 0 trùng; 0 lỗi") {
		t.Errorf("tally = %q", tally)
	}
	again, err := PlanRegistrations(ctx, st, c, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if again.Errors() != 0 || !strings.HasPrefix(again.Tally(lang.VI), "Sẽ thêm 0 mô hình của Sở Y tế; bỏ qua 3 trùng") {
		t.Errorf("imported twice: %s\n%s", again.Tally(lang.VI), problems(again.Problems))
	}
}

// The title block written as paragraphs, the number and the date on one
// line separated by tab stops; the sender is the issuer line under its
// parent body. A wrong area stops the whole file, naming the table's row.
func TestImportDOCXTitleBlockInParagraphs(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	dir := t.TempDir()
	head := wp("UBND TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") +
		wp("UBND HUYỆN ĐỨC THỌ\tĐộc lập - Tự do - Hạnh phúc") + wp("________") +
		wp("Số: 21/UBND-NV\t\tĐức Thọ, ngày 21 tháng 3 năm 2023") +
		wp("DANH SÁCH ĐĂNG KÝ")
	good := writeDOCX(t, filepath.Join(dir, "duc-tho.docx"), head+wt(
		wr("STT", "Tên sáng kiến/giải pháp", "Loại", "Lĩnh vực", "Đơn vị chủ trì"),
		wr("1", "Bộ phận một cửa thân thiện", "Mô hình", "TTHC", "UBND xã Tùng Ảnh"),
	))
	plan, err := PlanRegistrations(ctx, st, c, good, RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || len(plan.Rows) != 1 || plan.LetterNumber != "21/UBND-NV" || plan.LetterDate != vndate.Of(2023, 3, 21) {
		t.Fatalf("letter %q %s, %d rows:\n%s", plan.LetterNumber, plan.LetterDate, len(plan.Rows), problems(plan.Problems))
	}
	if r := plan.Rows[0]; r.Agency.Name != "Huyện Đức Thọ" || r.Lead != "Xã Tùng Ảnh" {
		t.Fatalf("row = %+v", r)
	}

	bad := writeDOCX(t, filepath.Join(dir, "sai.docx"), head+wt(
		wr("STT", "Tên sáng kiến/giải pháp", "Loại", "Lĩnh vực"),
		wr("1", "Một", "Mô hình", "TTHC"),
		wr("2", "Hai", "Mô hình", "Thơ ca"),
	))
	plan, err = PlanRegistrations(ctx, st, c, bad, RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 1 || !strings.Contains(problems(plan.Problems), `Dòng 3, cột "Lĩnh vực": "Thơ ca" không khớp`) {
		t.Fatalf("problems:\n%s", problems(plan.Problems))
	}
	if err := plan.Apply(ctx, st); err == nil {
		t.Fatal("a file with an error was written")
	}
	if n := len(registrationTitles(t, st, c)); n != 0 {
		t.Fatalf("%d registrations written", n)
	}
}

func registrationTitles(t *testing.T, st book.Book, c campaign.Campaign) []string {
	t.Helper()
	rows, err := st.Registrations(context.Background(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r.AgencyName+"|"+r.Title+"|"+r.LetterNumber+"|"+r.LetterDate.String())
	}
	return out
}

// "(Kèm theo Công văn số … ngày … của …)" gives the letter's number, date
// and sender, in Word, xlsx and csv alike.
func TestImportAttachedLine(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	dir := t.TempDir()
	line := "(Kèm theo Công văn số 312/UBND-NV ngày 20/3/2023 của UBND huyện Đức Thọ)"
	docx := writeDOCX(t, filepath.Join(dir, "a.docx"), wp("DANH SÁCH ĐĂNG KÝ")+wp(line)+wt(
		wr("STT", "Tên mô hình", "Loại", "Lĩnh vực"), wr("1", "Một cửa từ xa", "Mô hình", "TTHC")))
	csv := filepath.Join(dir, "a.csv")
	if err := os.WriteFile(csv, []byte("DANH SÁCH ĐĂNG KÝ\n\""+line+"\"\nSTT,Tên mô hình,Loại,Lĩnh vực\n1,Một cửa từ xa,Mô hình,TTHC\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	for cell, v := range map[string]string{"A1": "DANH SÁCH ĐĂNG KÝ", "A2": line, "A4": "STT", "B4": "Tên mô hình", "C4": "Loại", "D4": "Lĩnh vực",
		"A5": "1", "B5": "Một cửa từ xa", "C5": "Mô hình", "D5": "TTHC"} {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	xlsx := filepath.Join(dir, "a.xlsx")
	if err := f.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{docx, csv, xlsx} {
		plan, err := PlanRegistrations(ctx, st, c, path, RegistrationOptions{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if plan.Errors() != 0 || len(plan.Rows) != 1 || plan.LetterNumber != "312/UBND-NV" || plan.LetterDate != vndate.Of(2023, 3, 20) ||
			plan.Rows[0].Agency.Name != "Huyện Đức Thọ" {
			t.Errorf("%s: letter %q %s, %d rows:\n%s", filepath.Base(path), plan.LetterNumber, plan.LetterDate, len(plan.Rows), problems(plan.Problems))
		}
	}
	// the written form of the date, and a labelled number wins over the line
	tb := titleBlock{number: "15/UBND-VP"}
	tb.attached("(Kèm theo Văn bản số 40/UBND ngày 02 tháng 3 năm 2023 của UBND thị xã Kỳ Anh)", 2)
	tb.useAttachment(c)
	if tb.number != "15/UBND-VP" || tb.date != vndate.Of(2023, 3, 2) || tb.senders[0] != "UBND thị xã Kỳ Anh" {
		t.Errorf("title block = %+v", tb)
	}
	// a day that does not exist is said, not skipped
	tb = titleBlock{}
	tb.attached("(Kèm theo Công văn số 312/UBND-NV ngày 31/02/2023 của UBND huyện Đức Thọ)", 2)
	tb.useAttachment(c)
	if len(tb.problems) != 1 || !strings.Contains(tb.problems[0].Text(lang.VI), `Dòng 2: Ngày văn bản "31/02/2023" trong dòng "Kèm theo": không phải ngày có thật`) {
		t.Errorf("an impossible date: %+v", tb.problems)
	}
	// the blank template's line names the Department's own letter: not the sender's
	tb = titleBlock{}
	tb.attached("(Kèm theo văn bản số …/SNV-CCHC&VTLT ngày 22/02/2023 của Sở Nội vụ)", 2)
	tb.useAttachment(c)
	if tb.number != "" || !tb.date.IsZero() || len(tb.senders) != 0 {
		t.Errorf("the request letter taken for the reply: %+v", tb)
	}
}

// Word 97 and Excel 97 files are refused with what to do; so are a Word
// file without a table and one that is not a Word file at all.
func TestImportRefusesOldAndBrokenFiles(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	dir := t.TempDir()
	ole := append(append([]byte{}, oleMagic...), make([]byte, 512)...)
	cases := map[string]struct {
		data []byte
		want string
	}{
		"cu.doc":    {ole, "hãy mở bằng Word và lưu lại thành .docx"},
		"rtf.doc":   {[]byte(`{\rtf1\ansi hello}`), "lưu lại thành .docx"},
		"cu.xls":    {ole, "lưu lại thành .xlsx"},
		"hong.docx": {[]byte("PK\x03\x04 not really"), "Không đọc được tệp Word"},
	}
	for name, tc := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, tc.data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := PlanRegistrations(ctx, st, c, path, RegistrationOptions{Today: today})
		if msg := lang.Message(err, lang.VI); !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %q, want %q", name, msg, tc.want)
		}
	}
	noTable := writeDOCX(t, filepath.Join(dir, "thu.docx"), wp("Kính gửi: Sở Nội vụ"))
	_, err := PlanRegistrations(ctx, st, c, noTable, RegistrationOptions{Today: today})
	if msg := lang.Message(err, lang.EN); !strings.Contains(msg, "The Word file has no table") {
		t.Errorf("no table: %q", msg)
	}
}

// A Word file that unzips to more than MaxUnzipped is refused without
// being read into memory, whatever size its zip says.
func TestDOCXZipBombIsRefused(t *testing.T) {
	for _, declared := range []int64{MaxUnzipped + 1<<20, 1000} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		bombEntry(t, zw, "word/document.xml", MaxUnzipped+1<<20, declared)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		var err error
		used := allocated(func() { _, err = ReadDOCX(buf.Bytes()) })
		if _, ok := err.(*lang.Error); !ok {
			t.Fatalf("declared %d: %v", declared, err)
		}
		if used > 2*MaxUnzipped {
			t.Errorf("declared %d: reading the bomb allocated %d MB", declared, used>>20)
		}
	}
}

// A text box's fallback copy is not read twice, a table inside a cell is
// read into it, and strict OOXML is read like transitional.
func TestDOCXStructures(t *testing.T) {
	dir := t.TempDir()
	box := `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + wp("SỞ Y TẾ") +
		`</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + wp("SỞ Y TẾ") +
		`</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`
	inner := wt(wr("Số: 15/SYT-VP", "ngày 20/3/2023"))
	body := box + wt(wr(`<w:tc>`+wp("trái")+inner+`</w:tc>`, "phải")) + wt(wr("STT", "Tên mô hình", "Loại", "Lĩnh vực"), wr("1", "Một", "Mô hình", "TTHC"))
	data, err := os.ReadFile(writeDOCX(t, filepath.Join(dir, "a.docx"), body))
	if err != nil {
		t.Fatal(err)
	}
	grids, err := ReadDOCX(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(grids) != 2 {
		t.Fatalf("%d grids", len(grids))
	}
	g := grids[1]
	var above []string
	for _, r := range g.Rows[:g.first] {
		above = append(above, strings.Join(r, "|"))
	}
	if got := strings.Join(above, " / "); got != "SỞ Y TẾ / trái|phải / Số: 15/SYT-VP|ngày 20/3/2023" {
		t.Errorf("above the table: %q", got)
	}
	if got := strings.Join(g.Rows[g.first+1], "|"); got != "1|Một|Mô hình|TTHC" {
		t.Errorf("row: %q", got)
	}
	hyphen := `<w:document xmlns:w="` + wordNS + `"><w:body><w:p><w:r><w:t>15/UBND</w:t><w:noBreakHyphen/><w:t>VP</w:t><w:delText>xoá</w:delText></w:r></w:p></w:body></w:document>`
	if blocks, err := parseDocument(strings.NewReader(hyphen)); err != nil || len(blocks) != 1 || blocks[0].para != "15/UBND-VP" {
		t.Errorf("a non-breaking hyphen, deleted text: %+v %v", blocks, err)
	}
	strict := `<w:document xmlns:w="` + wordStrictNS + `"><w:body>` + wp("Số: 1/A") + `</w:body></w:document>`
	blocks, err := parseDocument(strings.NewReader(strict))
	if err != nil || len(blocks) != 1 || blocks[0].para != "Số: 1/A" {
		t.Errorf("strict OOXML: %+v %v", blocks, err)
	}
}

func FuzzReadDOCX(f *testing.F) {
	for _, body := range []string{
		wt(wr("STT", "Tên mô hình", "Loại", "Lĩnh vực"), wr(wc(`<w:vMerge w:val="restart"/><w:gridSpan w:val="3"/>`, "x"), "1")),
		wp("Số: 1/A\tngày 1/1/2023") + wt(wr(wc(`<w:vMerge/>`), "a\nb")),
	} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.Create("word/document.xml")
		if err != nil {
			f.Fatal(err)
		}
		if _, err := w.Write([]byte(`<w:document xmlns:w="` + wordNS + `"><w:body>` + body + `</w:body></w:document>`)); err != nil {
			f.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		grids, err := ReadDOCX(data)
		if err != nil {
			return
		}
		for _, g := range grids {
			for _, r := range g.Rows {
				if len(r) > MaxCols {
					t.Fatalf("%d columns", len(r))
				}
			}
		}
		planRegistrations(grids, campaign.Campaign{ID: 1, Year: 2023}, nil, RegistrationOptions{Today: vndate.Of(2023, 4, 5)})
	})
}

// A heading row merged across an xlsx table is not a registration either,
// while a Lĩnh vực merged down from the row above still counts.
func TestImportBandRowInXLSX(t *testing.T) {
	st, c := newBook(t)
	f := excelize.NewFile()
	for cell, v := range map[string]string{"A1": "Tên cơ quan, đơn vị: Sở Y tế", "A3": "STT", "B3": "Tên mô hình", "C3": "Loại", "D3": "Lĩnh vực",
		"A4": "I. Mô hình", "A5": "1", "B5": "Một", "C5": "Mô hình", "D5": "TTHC", "A6": "2", "B6": "Hai", "C6": "Sáng kiến"} {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"A4", "D4"}, {"D5", "D6"}} {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "band.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	plan, err := PlanRegistrations(context.Background(), st, c, path, RegistrationOptions{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 || len(plan.Rows) != 2 || plan.Rows[1].Registration.Area != plan.Rows[0].Registration.Area {
		t.Fatalf("%d rows:\n%s", len(plan.Rows), problems(plan.Problems))
	}
}
