package dossier_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/dossier"
	"cchc/internal/files"
	"cchc/internal/lang"
	"cchc/internal/pgtest"
	"cchc/internal/report"
	"cchc/internal/store"
	"cchc/internal/vndate"
	"cchc/internal/xlsxcheck"
)

var now = func() time.Time { return time.Date(2023, 4, 5, 9, 0, 0, 0, time.UTC) }

func open(t testing.TB, loc string) *store.Store {
	t.Helper()
	s, err := store.Open(loc, store.Options{Now: now, Today: func() vndate.Date { return vndate.Of(2023, 4, 5) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// letter records one letter of agency with a registration; it returns
// the letter's and the registration's ids.
func letter(t testing.TB, s *store.Store, c campaign.Campaign, agency, title string) (int64, int64) {
	t.Helper()
	ctx := context.Background()
	list, err := s.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Name == agency {
			sub, ids, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: a.ID, Number: "12/UBND",
				LetterDate: vndate.Of(2023, 3, 10), Received: vndate.Of(2023, 3, 15)},
				[]campaign.Registration{{Title: title, Kind: campaign.Model, Area: campaign.Procedures}})
			if err != nil {
				t.Fatal(err)
			}
			return sub, ids[0]
		}
	}
	t.Fatalf("no agency %s", agency)
	return 0, 0
}

func pdf(s string) []byte { return append([]byte("%PDF-1.7\n"), s...) }

func TestDossierPlacesEveryFileSafely(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testDossier(t, filepath.Join(t.TempDir(), "cchc.db")) })
	t.Run("postgres", func(t *testing.T) { testDossier(t, pgtest.Fresh(t)) })
}

func testDossier(t *testing.T, loc string) {
	s := open(t, loc)
	ctx := context.Background()
	c, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	ducTho, r1 := letter(t, s, c, "Huyện Đức Thọ", "Một cửa liên thông")
	yte, r2 := letter(t, s, c, "Sở Y tế", "Khám bệnh từ xa")
	attach := func(l, r int64, name string, content []byte) {
		t.Helper()
		if _, err := s.Attach(ctx, l, r, book.NewFile{Name: name, Content: content}); err != nil {
			t.Fatal(err)
		}
	}
	attach(ducTho, 0, "../../../etc/Công văn 312.pdf", pdf("a"))
	attach(0, r1, "CON.pdf", pdf("b"))
	attach(0, r1, `Quyết định: số 1?.pdf`, pdf("c"))
	attach(yte, 0, "ds.pdf", pdf("d"))
	attach(0, r2, "DS.pdf", pdf("e")) // the same name to Windows
	out := filepath.Join(t.TempDir(), "HO-SO.zip")
	n, err := dossier.Save(ctx, s, 2023, lang.VI, vndate.Of(2023, 4, 5), out, false)
	if err != nil || n != 5 {
		t.Fatalf("Save = %d, %v", n, err)
	}
	if _, err := dossier.Save(ctx, s, 2023, lang.VI, vndate.Of(2023, 4, 5), out, false); err == nil {
		t.Error("an existing dossier was written over without --force")
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	got := map[string][]byte{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		if strings.Contains(f.Name, "..") || strings.HasPrefix(f.Name, "/") || strings.ContainsAny(f.Name, `\:*?"<>|`) {
			t.Errorf("unsafe name %q", f.Name)
		}
		if f.NonUTF8 || (f.Flags&0x800 == 0 && strings.ContainsFunc(f.Name, func(r rune) bool { return r > 127 })) {
			t.Errorf("%q is not flagged UTF-8", f.Name)
		}
		got[f.Name] = readEntry(t, f)
	}
	// departments (group I) before districts (group III)
	want := []string{
		"001 Sở Y tế/", "001 Sở Y tế/ds.pdf", "001 Sở Y tế/DS (2).pdf",
		"002 Huyện Đức Thọ/", "002 Huyện Đức Thọ/Công văn 312.pdf", "002 Huyện Đức Thọ/_CON.pdf", "002 Huyện Đức Thọ/Quyết định_ số 1_.pdf",
		dossier.RegistrationsName, dossier.ResultsName, dossier.IndexName,
	}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		t.Errorf("names\n got %q\nwant %q", names, want)
	}
	if !bytes.Equal(got["002 Huyện Đức Thọ/Công văn 312.pdf"], pdf("a")) || !bytes.Equal(got["001 Sở Y tế/DS (2).pdf"], pdf("e")) {
		t.Error("a file's content differs from what was kept")
	}
	x, err := excelize.OpenReader(bytes.NewReader(got[dossier.IndexName]))
	if err != nil {
		t.Fatal(err)
	}
	sheet := x.GetSheetName(0)
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	// under the letterhead, the title and the campaign: the header, then a row a file
	head := 0
	for i, r := range rows {
		if len(r) > 0 && r[0] == "STT" {
			head = i
			break
		}
	}
	if head == 0 || rows[0][0] != "UBND TỈNH HÀ TĨNH" || len(rows) != head+1+5 {
		t.Fatalf("index rows = %q", rows)
	}
	first := rows[head+1]
	if first[1] != "Sở Y tế" || first[2] != "12/UBND" || first[3] != "10/03/2023" ||
		first[5] != "001 Sở Y tế/ds.pdf" || rows[head+2][7] != "Khám bệnh từ xa" || first[7] != "Văn bản đăng ký" {
		t.Errorf("index rows = %q", rows)
	}
	row := strconv.Itoa(head + 2) // the first file, as Excel numbers rows
	// the dates are real dates, shown dd/mm/yyyy
	for _, ref := range []string{"D" + row, "E" + row} {
		typ, err := x.GetCellType(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := x.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || raw == "" || strings.Contains(raw, "/") {
			t.Errorf("%s is stored as text %q (type %v), want a date", ref, raw, typ)
		}
	}
	if raw, _ := x.GetCellValue(sheet, "D"+row, excelize.Options{RawCellValue: true}); raw != "44995" { // 10/03/2023
		t.Errorf("D%s raw = %q, want the serial 44995", row, raw)
	}
	if v, _ := x.GetCellValue(sheet, "E"+row); v != "15/03/2023" {
		t.Errorf("E%s shown as %q, want 15/03/2023", row, v)
	}
	checkIndexPrints(t, x, sheet, head+1, got[dossier.IndexName])
	if _, err := excelize.OpenReader(bytes.NewReader(got[dossier.RegistrationsName])); err != nil {
		t.Errorf("registrations list: %v", err)
	}
	if _, err := zip.NewReader(bytes.NewReader(got[dossier.ResultsName]), int64(len(got[dossier.ResultsName]))); err != nil {
		t.Errorf("results report: %v", err)
	}
}

// checkIndexPrints checks the index prints as the reports do (issue 26
// point 2): A4 landscape one page wide within the reports' margins, its
// header (row header, Excel's numbering) repeated, tall enough for its
// wrapped titles, in Times New Roman with borders; sizes #,##0; its
// columns listed in ascending order.
func checkIndexPrints(t *testing.T, x *excelize.File, sheet string, header int, data []byte) {
	t.Helper()
	layout, err := x.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 || layout.FitToHeight == nil || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v: want A4 landscape, one page wide", layout)
	}
	if props, err := x.GetSheetProps(sheet); err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("fit to page off (%v)", err)
	}
	margins, err := x.GetPageMargins(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if err := xlsxcheck.Margins(margins); err != nil {
		t.Error(err)
	}
	titles := ""
	for _, n := range x.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == sheet {
			titles = n.RefersTo
		}
	}
	if want := fmt.Sprintf("$%d:$%d", header, header); !strings.HasSuffix(titles, want) {
		t.Errorf("print titles %q, want rows %s", titles, want)
	}
	if h, err := x.GetRowHeight(sheet, header); err != nil || h < 2*12 {
		t.Errorf("header row %.1f pt high (%v): \"Dung lượng (byte)\" is clipped", h, err)
	}
	style := func(ref string) *excelize.Style {
		id, err := x.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		s, err := x.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	row := strconv.Itoa(header + 1)
	if s := style("G" + row); s.NumFmt != report.CountFormat || s.Font == nil || s.Font.Family != "Times New Roman" || len(s.Border) != 4 {
		t.Errorf("size cell: format %d, font %+v, %d borders; want #,##0 in Times New Roman, bordered", s.NumFmt, s.Font, len(s.Border))
	}
	if s := style(fmt.Sprintf("G%d", header)); !s.Alignment.WrapText {
		t.Error("header not wrapped")
	}
	if err := xlsxcheck.Cols(data); err != nil {
		t.Error(err)
	}
}

// readEntry is an entry's content, its CRC checked.
func readEntry(t *testing.T, f *zip.File) []byte {
	t.Helper()
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("%q: %v", f.Name, err)
	}
	return b
}

func TestSafeNames(t *testing.T) {
	for in, want := range map[string]string{
		"Sở Y tế":            "Sở Y tế",
		`a<b>c:d"e/f\g|h?i*`: "a_b_c_d_e_f_g_h_i_",
		"tên. ":              "tên",
		"..":                 "_",
		"nul.txt":            "_nul.txt",
		"COM1":               "_COM1",
		"Tờ\x00trình\u202e":  "Tờtrình",
	} {
		if got := files.SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkDossier1000Files writes the dossier of a campaign with 1,000
// kept files of 64 KB each (64 MB in all), on SQLite and on PostgreSQL.
func BenchmarkDossier1000Files(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchDossier(b, filepath.Join(b.TempDir(), "cchc.db")) })
	b.Run("postgres", func(b *testing.B) { benchDossier(b, pgtest.Fresh(b)) })
}

func benchDossier(b *testing.B, loc string) {
	s := open(b, loc)
	ctx := context.Background()
	c, err := s.Campaign(ctx, 2023)
	if err != nil {
		b.Fatal(err)
	}
	sub, _ := letter(b, s, c, "Sở Y tế", "Một")
	body := bytes.Repeat([]byte("0123456789abcdef"), 4096)
	for i := range 1000 {
		content := pdf(fmt.Sprintf("%d\n%s", i, body))
		if _, err := s.Attach(ctx, sub, 0, book.NewFile{Name: fmt.Sprintf("tệp %04d.pdf", i), Content: content}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(1000 * int64(len(body)))
	for b.Loop() {
		if n, err := dossier.Write(ctx, s, 2023, lang.VI, vndate.Of(2023, 4, 5), io.Discard); err != nil || n != 1000 {
			b.Fatal(n, err)
		}
	}
}

// SaveProgress tells how far it got, files then the list's rows, and
// ends at its total: the application draws its bar from it.
func TestDossierTellsItsProgress(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "cchc.db"))
	ctx := context.Background()
	c, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	l, _ := letter(t, s, c, "Huyện Đức Thọ", "Một cửa liên thông")
	letter(t, s, c, "Sở Y tế", "Khám bệnh từ xa")
	if _, err := s.Attach(ctx, l, 0, book.NewFile{Name: "cv.pdf", Content: pdf("a")}); err != nil {
		t.Fatal(err)
	}
	var seen [][2]int
	out := filepath.Join(t.TempDir(), "HO-SO.zip")
	if _, err := dossier.SaveProgress(ctx, s, 2023, lang.VI, vndate.Of(2023, 4, 5), out, false, func(done, total int) {
		seen = append(seen, [2]int{done, total})
	}); err != nil {
		t.Fatal(err)
	}
	// one file, two rows of the list, one for the rest
	if len(seen) < 3 || seen[len(seen)-1] != [2]int{4, 4} {
		t.Fatalf("progress told: %v", seen)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i][0] < seen[i-1][0] || seen[i][0] > seen[i][1] {
			t.Fatalf("progress goes back or past its total: %v", seen)
		}
	}
}
