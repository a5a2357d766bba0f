package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The CSV template says what goes in the lead-unit column as the xlsx and
// docx do, in a campaign that judges communes and wards (a line under the
// table, in the clerk's language); filled in, with a row added under that
// line, it is read back whole: the line is neither a registration nor the
// table's end. A campaign of the old map keeps its template as it was.
func TestCSVTemplateLeadNoteRoundTrip(t *testing.T) {
	eachBackend(t, func(t *testing.T, db string) {
		t.Setenv("CCHC_TODAY", "25/03/2023")
		dir := t.TempDir()
		old := filepath.Join(dir, "old.csv")
		output(t, "--db", db, "template", "--format", "csv", "-o", old)
		if text := readFile(t, old); strings.Contains(text, "chủ trì:") {
			t.Errorf("the old map's template has the note:\n%s", text)
		}
		output(t, "--db", db, "campaign", "quota", "commune", "2", "3")
		notes := map[string]string{
			"vi": "Cơ quan/đơn vị chủ trì: Ghi cơ quan, đơn vị hoặc UBND xã, phường chủ trì thực hiện (để trống: chính cơ quan, đơn vị gửi văn bản)",
			"en": "Lead unit: The agency, commune or ward that leads the work (empty: the sender itself)",
		}
		for l, note := range notes {
			tmpl := filepath.Join(dir, "mau-"+l+".csv")
			output(t, "--db", db, "--lang", l, "template", "--format", "csv", "-o", tmpl)
			text, bom := strings.CutPrefix(readFile(t, tmpl), "\uFEFF")
			rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
			if err != nil || !bom {
				t.Fatalf("%s: %v (BOM: %v)", tmpl, err, bom)
			}
			last := rows[len(rows)-1]
			if last[0] != note || rows[len(rows)-2][0] != "" || rows[len(rows)-3][0] != "10" {
				t.Fatalf("%s: the template ends %q, want the note %q under the table", l, rows[len(rows)-3:], note)
			}
			// the agency fills it in, and adds an eleventh row under the note
			rows[2][1] = "Sở Y tế"
			head := len(rows) - 13
			rows[head+1] = []string{"1", "Khám bệnh không chờ " + l, "Mô hình", "TTHC", "", "", "2023", "", ""}
			rows[head+2] = []string{"2", "Bệnh án điện tử " + l, "Sáng kiến", "Chính quyền số", "Sở Y tế", "", "2023", "", ""}
			rows = append(rows, []string{"11", "Đặt lịch khám qua mạng " + l, "Giải pháp", "TTHC", "", "", "2023", "", ""})
			filled := filepath.Join(dir, "so-y-te-"+l+".csv")
			out, err := os.Create(filled)
			if err != nil {
				t.Fatal(err)
			}
			w := csv.NewWriter(out)
			w.UseCRLF = true
			if err := w.WriteAll(rows); err != nil {
				t.Fatal(err)
			}
			if err := out.Close(); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{
				"vi": "Đã thêm 3 mô hình của Sở Y tế; bỏ qua 0 trùng; 0 lỗi\n",
				"en": "Added 3 registrations from Sở Y tế; skipped 0 duplicates; 0 errors\n",
			}[l]
			if got := output(t, "--db", db, "--lang", l, "import", "registrations", filled); got != want {
				t.Errorf("%s: import said %q, want %q", l, got, want)
			}
		}
		if n := registeredBy(t, db, "Sở Y tế"); n != 6 {
			t.Errorf("Sở Y tế registered %d, want 6", n)
		}
	})
}
