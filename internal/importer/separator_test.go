package importer

import (
	"strings"
	"testing"
)

// The separator is judged from the header row: semicolons inside a quoted
// cell of a comma file (a "Dự kiến kết quả" of prose) do not make it a
// semicolon file, nor do commas in the titles of a semicolon file.
func TestCSVSeparatorFromTheHeader(t *testing.T) {
	prose := `"` + strings.Repeat("Giảm thời gian; giảm chi phí; tăng hài lòng; ", 20) + `"`
	for _, c := range []struct {
		name, csv string
		row, col  int
		want      string
	}{
		{"comma, quoted semicolons", "STT,Tên mô hình,Loại,Lĩnh vực CCHC,Dự kiến kết quả\n" +
			"1,Một cửa,Mô hình,Thủ tục hành chính," + prose + "\n2,Số hóa,Sáng kiến,Chính quyền số," + prose + "\n",
			0, 4, "Dự kiến kết quả"},
		{"comma, title block above", "DANH SÁCH ĐĂNG KÝ\n\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC,Dự kiến kết quả\n" +
			"1,Một cửa,Mô hình,Thủ tục hành chính," + prose + "\n",
			1, 4, "Dự kiến kết quả"}, // the empty line is skipped
		{"semicolon, commas in the titles", "STT;Tên mô hình, sáng kiến;Loại;Lĩnh vực CCHC;Dự kiến kết quả, hiệu quả\n" +
			"1;Một cửa, liên thông;Mô hình;Thủ tục hành chính;Giảm 30%, nhanh hơn\n",
			1, 1, "Một cửa, liên thông"},
		{"agency list, quoted semicolons", "Tên cơ quan, đơn vị,Nhóm,Ghi chú\n" +
			`Xã Mới,commune,"sáp nhập; đổi tên; chuyển cấp; tách; nhập; đổi mã"` + "\n",
			1, 1, "commune"},
		{"tab", "Tên mô hình\tLoại\tGhi chú\nMột cửa\tMô hình\t" + prose + "\n", 1, 1, "Mô hình"},
	} {
		g, err := ReadCSV([]byte(c.csv))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := g.Cell(c.row, c.col); got != c.want {
			t.Errorf("%s: cell (%d, %d) is %q, want %q; rows %q", c.name, c.row, c.col, got, c.want, g.Rows)
		}
	}
}
