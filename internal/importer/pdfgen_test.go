package importer

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/doc"
	"cchc/internal/lang"

	"github.com/xuri/excelize/v2"
)

// The PDFs under testdata/pdf are LibreOffice's exports of the Word
// replies made here. CI reads the committed PDFs and needs no soffice;
// remake them after changing a reply:
//
//	CCHC_MAKE_PDF=1 go test ./internal/importer/ -run TestMakePDFFixtures

// longTitle is a title that wraps over five lines and more in its column.
const longTitle = "Mô hình “Chính quyền thân thiện, lắng nghe và đồng hành cùng người dân, doanh nghiệp” " +
	"tại Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính cấp xã, kết hợp với " +
	"hướng dẫn trực tuyến qua Zalo, thí điểm trong năm 2023 ở các thôn xa trung tâm"

// communeDOCX is a commune's reply: the title block laid out in a
// borderless table, a numbering row, titles wrapping over five lines, a
// band row, and a signature table; its registrations table with borders
// or, as some communes print it, without.
func communeDOCX(borders bool) string {
	table := gridTable
	if !borders {
		table = func(widths []int, rows ...string) string { return grid(widths, "", rows) }
	}
	return gridTableNoBorders(wr(
		wc("", "UBND HUYỆN ĐỨC THỌ", "UBND XÃ TÙNG ẢNH", "Số: 27/UBND-VP", "V/v đăng ký mô hình, sáng kiến CCHC năm 2023"),
		wc("", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Tùng Ảnh, ngày 24 tháng 3 năm 2023"),
	), 7000, 7000) +
		wp("DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN NĂM 2023") +
		wp("(Kèm theo Công văn số 27/UBND-VP ngày 24/3/2023 của UBND xã Tùng Ảnh)") +
		table([]int{700, 4200, 1300, 2000, 2000, 1700, 2200},
			wr("STT", "Tên mô hình, sáng kiến, cách làm hay", "Loại", "Lĩnh vực CCHC", "Đơn vị chủ trì", "Thời gian thực hiện", "Ghi chú"),
			wr("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"),
			wr(wc(`<w:gridSpan w:val="7"/>`, "I. Cải cách thủ tục hành chính")),
			wr("1", longTitle, "Mô hình", "Cải cách thủ tục hành chính", "UBND xã Tùng Ảnh", "Tháng 4 - tháng 12/2023", "Phối hợp Đoàn Thanh niên xã và Hội Phụ nữ"),
			wr("2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính về hộ tịch từ năm 1990 đến năm 2015 để tra cứu, cấp bản sao trích lục nhanh cho người dân ở xa quê hương", "Sáng kiến", "TTHC", "", "Quý II/2023", ""),
			wr(wc(`<w:gridSpan w:val="7"/>`, "II. Chuyển đổi số")),
			wr("3", "Tổ công nghệ số cộng đồng hướng dẫn người cao tuổi cài đặt, sử dụng ứng dụng định danh điện tử VNeID, thanh toán không dùng tiền mặt và dịch vụ công trực tuyến toàn trình tại nhà", "Cách làm hay", "Chuyển đổi số", "", "Năm 2023", "Mở rộng ra các thôn"),
		) +
		wp("") +
		gridTableNoBorders(wr(wc("", "Nơi nhận:", "- Như trên;", "- Lưu: VT."), wc("", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Nguyễn Văn C")), 7000, 7000)
}

// mergedDOCX is a commune's reply whose "Lĩnh vực" cells are merged down
// over the rows of one area, as clerks lay a table out: once with the text
// at the top of the merged cell, once centred in it (LibreOffice draws it
// once, in the first row or in a middle one).
func mergedDOCX() string {
	top, cont := `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	centre := top + `<w:vAlign w:val="center"/>`
	return gridTableNoBorders(wr(
		wc("", "UBND HUYỆN CAN LỘC", "UBND XÃ THIÊN LỘC", "Số: 41/UBND", "V/v đăng ký mô hình CCHC năm 2023"),
		wc("", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Thiên Lộc, ngày 20 tháng 3 năm 2023"),
	), 7000, 7000) +
		wp("DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN NĂM 2023") +
		gridTable([]int{700, 2600, 4200, 1500, 2200, 2200},
			wr("STT", "Lĩnh vực CCHC", "Tên mô hình, sáng kiến, cách làm hay", "Loại", "Thời gian thực hiện", "Ghi chú"),
			wr("1", wc(top, "Cải cách thủ tục hành chính"), "Một cửa liên thông cấp xã", "Mô hình", "Năm 2023", ""),
			wr("2", wc(cont), longTitle, "Sáng kiến", "Quý II/2023", "Thí điểm"),
			wr("3", wc(cont), "Trả kết quả tại nhà qua bưu điện", "Cách làm hay", "Quý III/2023", ""),
			wr("4", wc(centre, "Chuyển đổi số"), "Tổ công nghệ số cộng đồng", "Mô hình", "Năm 2023", ""),
			wr("5", wc(cont), "Thanh toán không dùng tiền mặt tại chợ", "Cách làm hay", "Năm 2023", ""),
			wr("6", wc(cont), "Số hóa hồ sơ hộ tịch", "Sáng kiến", "Quý IV/2023", ""),
			wr("7", "Cải cách tổ chức bộ máy", "Sắp xếp thôn, tổ dân phố", "Giải pháp", "Năm 2023", ""),
		) +
		wp("") +
		gridTableNoBorders(wr(wc("", "Nơi nhận:", "- Lưu: VT."), wc("", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Trần Văn D")), 7000, 7000)
}

// gridTable is wt with the grid Word writes (w:tblGrid, widths in
// twentieths of a point) and borders: LibreOffice lays a table out by it.
func gridTable(widths []int, rows ...string) string {
	return grid(widths, `<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>`, rows)
}

func gridTableNoBorders(row string, widths ...int) string { return grid(widths, "", []string{row}) }

func grid(widths []int, borders string, rows []string) string {
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>` + borders + `</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range rows {
		b.WriteString(r)
	}
	return b.String() + `</w:tbl>`
}

// departmentDocument is the Department's own docx template filled in by
// Sở Y tế: its title block lines, the long titles, and the rows running
// onto a second page.
func departmentDocument(c campaign.Campaign) *doc.Document {
	d := templateDocument(c, lang.VI)
	titles := []string{
		longTitle,
		"Khám bệnh không giấy tờ: người bệnh dùng căn cước gắn chip thay thẻ bảo hiểm y tế, kết quả xét nghiệm trả qua ứng dụng, liên thông đơn thuốc điện tử giữa các bệnh viện tuyến huyện và tuyến tỉnh trên địa bàn",
		"Một cửa điện tử ngành y tế",
		"Hồ sơ sức khỏe điện tử cho mọi người dân, cập nhật từ trạm y tế xã, phường, thị trấn và liên thông với hệ thống quản lý khám chữa bệnh của các bệnh viện, trung tâm y tế trong tỉnh",
		"Cấp phép hành nghề dược trực tuyến toàn trình",
		"Số hóa hồ sơ thanh tra, kiểm tra an toàn thực phẩm; tra cứu công khai kết quả kiểm tra cơ sở sản xuất, kinh doanh thực phẩm theo mã QR dán tại cơ sở, người dân phản ánh qua ứng dụng",
	}
	kinds := []string{"Mô hình", "Sáng kiến", "Giải pháp", "Mô hình", "Cách làm hay", "Sáng kiến"}
	areas := []string{"Cải cách thủ tục hành chính", "Cải cách thủ tục hành chính", "TTHC", "Chuyển đổi số", "Chuyển đổi số", "Cải cách tổ chức bộ máy"}
	var rows []doc.Row
	for i, title := range titles {
		rows = append(rows, doc.Row{Cells: []string{fmt.Sprint(i + 1), title, kinds[i], areas[i],
			"Bệnh viện Đa khoa tỉnh", "Sở Thông tin và Truyền thông; Bảo hiểm xã hội tỉnh", "Quý II - IV/2023", "Giảm 30% thời gian chờ của người bệnh", ""}})
	}
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *doc.Table:
			b.Rows = doc.HeldRows(rows)
		case *doc.Paragraph:
			if len(b.Runs) > 0 && b.Runs[0].Text == agencyLine(lang.VI) {
				b.Runs = []doc.Run{b.Runs[0], {Text: " Sở Y tế"}}
			}
			if len(b.Runs) > 0 && b.Runs[0].Text == numberLine(lang.VI) {
				b.Runs = []doc.Run{b.Runs[0], {Text: " 15/SYT-VP    "}, b.Runs[3], {Text: " 20/3/2023"}}
			}
		}
	}
	return d
}

// departmentXLSX is the Department's xlsx template filled in by Sở Tư
// pháp, as it prints from Calc: wrapped cells, the header filled in.
func departmentXLSX(t *testing.T, c campaign.Campaign, path string) {
	var b bytes.Buffer
	if err := WriteTemplate(&b, c, "xlsx", lang.VI); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	cells := map[string]string{"C4": "Sở Tư pháp", "C5": "52/STP-VP", "F5": "17/3/2023"}
	rows := [][]string{
		{longTitle, "Mô hình", "Cải cách thủ tục hành chính", "", "Phòng Hành chính tư pháp các huyện", "Năm 2023", "Rút ngắn thời gian giải quyết", ""},
		{"Phổ biến pháp luật qua mạng xã hội Zalo, Facebook và hệ thống loa truyền thanh cơ sở cho người dân vùng sâu, vùng xa, đồng bào dân tộc thiểu số, kèm hỏi đáp trực tuyến hằng tuần với luật sư, công chức tư pháp", "Sáng kiến", "Thể chế", "", "", "Quý II/2023", "", "Thí điểm"},
		{"Liên thông điện tử đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi", "Giải pháp", "Chuyển đổi số", "", "Công an tỉnh; Bảo hiểm xã hội tỉnh", "Cả năm", "", ""},
	}
	for k, v := range cells {
		if err := f.SetCellValue(sheet, k, v); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range rows {
		// as Excel makes a row grow when its wrapped cell is typed into
		if err := f.SetRowHeight(sheet, templateHeaderRow+1+i, 135); err != nil {
			t.Fatal(err)
		}
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+2, templateHeaderRow+1+i)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestMakePDFFixtures(t *testing.T) {
	if os.Getenv("CCHC_MAKE_PDF") == "" {
		t.Skip("CCHC_MAKE_PDF not set: the committed PDFs are used")
	}
	_, c := newBook(t)
	dir := filepath.Join("testdata", "pdf")
	writeDOCX(t, filepath.Join(dir, "xa-tung-anh.docx"), communeDOCX(true))
	writeDOCX(t, filepath.Join(dir, "xa-tung-anh-khong-ke.docx"), communeDOCX(false))
	writeDOCX(t, filepath.Join(dir, "xa-thien-loc-o-gop.docx"), mergedDOCX())
	var b bytes.Buffer
	if err := departmentDocument(c).WriteDOCX(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "so-y-te.docx"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	departmentXLSX(t, c, filepath.Join(dir, "so-tu-phap.xlsx"))
	for _, name := range []string{"xa-tung-anh.docx", "xa-tung-anh-khong-ke.docx", "xa-thien-loc-o-gop.docx", "so-y-te.docx", "so-tu-phap.xlsx"} {
		out, err := exec.Command("soffice", "--headless", "--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, name)).CombinedOutput()
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
	}
}
