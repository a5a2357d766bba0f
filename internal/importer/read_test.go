package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"

	"github.com/xuri/excelize/v2"
)

// zeroDeflate is the deflate stream and CRC of size bytes of '0' (a whole
// number of MiB), built from one compressed MiB repeated so that the test
// stays fast under the race detector. Each repeat refers only to itself and
// ends byte-aligned (a sync flush), so the pieces can follow one another.
func zeroDeflate(t *testing.T, size int64) ([]byte, uint32) {
	t.Helper()
	const chunk = 1 << 20
	block := bytes.Repeat([]byte{'0'}, chunk)
	var b bytes.Buffer
	fw, err := flate.NewWriter(&b, flate.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(block); err != nil {
		t.Fatal(err)
	}
	if err := fw.Flush(); err != nil {
		t.Fatal(err)
	}
	n := int(size / chunk)
	out := append(bytes.Repeat(b.Bytes(), n), 0x03, 0x00) // then an empty final block
	var crc uint32
	for range n {
		crc = crc32.Update(crc, crc32.IEEETable, block)
	}
	return out, crc
}

func bombEntry(t *testing.T, zw *zip.Writer, name string, size int64, declared int64) {
	t.Helper()
	comp, crc := zeroDeflate(t, size)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(comp)), UncompressedSize64: uint64(declared)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(comp); err != nil {
		t.Fatal(err)
	}
}

// allocated runs fn and returns the bytes it allocated.
func allocated(fn func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	fn()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

func TestZipBombsAreRefusedWithoutFillingMemory(t *testing.T) {
	for _, tc := range []struct {
		name     string
		declared int64 // what the zip says; a lying zip says little
	}{
		{"honest", MaxUnzipped + 1<<20},
		{"lying", 1000},
	} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		bombEntry(t, zw, "[Content_Types].xml", MaxUnzipped+1<<20, tc.declared)
		bombEntry(t, zw, "xl/worksheets/sheet1.xml", MaxUnzipped+1<<20, tc.declared)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if buf.Len() > MaxFileSize {
			t.Fatalf("bomb is %d bytes", buf.Len())
		}
		var err error
		used := allocated(func() { _, err = ReadXLSX(buf.Bytes()) })
		if err == nil {
			t.Fatalf("%s: a zip bomb was read", tc.name)
		}
		if _, ok := err.(*lang.Error); !ok {
			t.Fatalf("%s: not a message for the clerk: %v", tc.name, err)
		}
		if used > 2*MaxUnzipped {
			t.Errorf("%s: reading the bomb allocated %d MB", tc.name, used>>20)
		}
		t.Logf("%s: %s (allocated %d MB)", tc.name, lang.Message(err, lang.VI), used>>20)
	}
}

func TestHugeCSVIsRefused(t *testing.T) {
	data := bytes.Repeat([]byte("a,b\n"), MaxRows+5)
	if _, err := ReadCSV(data); err == nil || !strings.Contains(lang.Message(err, lang.VI), "quá lớn") {
		t.Fatalf("err = %v", err)
	}
	long := bytes.Repeat([]byte("x"), 3*MaxCellBytes)
	g, err := ReadCSV(long)
	if err != nil || len(g.Rows[0][0]) != MaxCellBytes {
		t.Fatalf("long cell: %v", err)
	}
}

func TestNonUTF8AndOldFormats(t *testing.T) {
	if _, err := ReadCSV([]byte("T\xean m\xf4 h\xecnh,Lo\xe1i\n")); err == nil || !strings.Contains(lang.Message(err, lang.VI), "UTF-8") {
		t.Fatalf("latin-1: %v", err)
	}
	// UTF-16 with BOM, as Excel's "Unicode text".
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range "Tên\tLoại\r\n" {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	g, err := ReadCSV(utf16)
	if err != nil || g.Cell(0, 0) != "Tên" || g.Cell(0, 1) != "Loại" {
		t.Fatalf("utf-16: %v %+v", err, g)
	}
}

// A workbook that is not an .xlsx inside, whatever its name, is told for
// what it is, with what to do: an old .xls (made by LibreOffice, in
// testdata), an .xlsx saved with a password.
func TestOldAndLockedWorkbooksAreNamed(t *testing.T) {
	dir := t.TempDir()
	xls, err := os.ReadFile("testdata/old-excel.xls")
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	if err := f.SetCellValue("Sheet1", "A1", "Tên mô hình"); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked.xlsx")
	if err := f.SaveAs(locked, excelize.Options{Password: "bí mật"}); err != nil {
		t.Fatal(err)
	}
	renamed := filepath.Join(dir, "renamed.xlsx")
	if err := os.WriteFile(renamed, xls, 0o600); err != nil {
		t.Fatal(err)
	}
	noExt := filepath.Join(dir, "danh-sach")
	if err := os.WriteFile(noExt, xls, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		locked:                   "locked.xlsx được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu",
		renamed:                  "renamed.xlsx là tệp Excel cũ (.xls, Excel 97–2003): hãy mở bằng Excel và lưu lại thành .xlsx",
		noExt:                    "danh-sach là tệp Excel cũ (.xls",
		"testdata/old-excel.xls": "old-excel.xls là tệp Excel cũ (.xls",
	} {
		_, err := ReadFile(path)
		if err == nil || !strings.HasPrefix(lang.Message(err, lang.VI), want) || !strings.Contains(lang.Message(err, lang.EN), ".xlsx") {
			t.Errorf("%s: %v, want %q", filepath.Base(path), err, want)
		}
	}
}

// A CSV saved with old-Mac line ends (CR only) is read row by row.
func TestCSVWithCarriageReturnsOnly(t *testing.T) {
	g, err := ReadCSV([]byte("Tên mô hình;Loại\rMột cửa;Mô hình\r\"a\rb\";Sáng kiến\r"))
	if err != nil || len(g.Rows) != 3 || g.Cell(1, 0) != "Một cửa" || g.Cell(2, 1) != "Sáng kiến" {
		t.Fatalf("CR-only CSV: %v %q", err, g.Rows)
	}
}

func templateBytes(t testing.TB) []byte {
	var buf bytes.Buffer
	c := campaign.Campaign{Year: 2023, Issuer: "Sở Nội vụ", LetterNumber: "/SNV-CCHC&VTLT"}
	if err := WriteTemplate(&buf, c, "xlsx", lang.VI); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("\uFEFFSTT;Tên mô hình;Loại\r\n1;A;Mô hình\r\n"))
	f.Add([]byte("a,\"b\nc\",d\n\"unterminated"))
	f.Add([]byte{0xFF, 0xFE, 'a', 0, ',', 0})
	f.Add([]byte("Tên cơ quan, đơn vị:,UBND huyện Đức Thọ\n\nTên sáng kiến,Lĩnh vực\nX,TTHC\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ReadCSV(data)
		if err != nil {
			return
		}
		if len(g.Rows) > MaxRows {
			t.Fatalf("%d rows", len(g.Rows))
		}
		for _, r := range g.Rows {
			if len(r) > MaxCols {
				t.Fatalf("%d columns", len(r))
			}
		}
		// Whatever was read can be planned without panicking.
		planRegistrations([]*Grid{g}, campaign.Campaign{ID: 1, Year: 2023}, nil, RegistrationOptions{Today: vndate.Of(2023, 4, 5)})
		planAgencies([]*Grid{g}, campaign.Campaign{ID: 1, Year: 2023}, nil)
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(templateBytes(f))
	small := excelize.NewFile()
	if err := small.SetCellValue("Sheet1", "A1", "Tên mô hình"); err != nil {
		f.Fatal(err)
	}
	if err := small.MergeCell("Sheet1", "A1", "C3"); err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := small.WriteTo(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		grids, err := ReadXLSX(data)
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

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"20/03/2023", "5/3/2023", "2023-03-20", "44985", "44985.5", "Hà Tĩnh, ngày 20 tháng 3 năm 2023",
		"31/02/2023", "", "20/03/2023 08:00", "2023-03-20T00:00:00", "99999999999", "-1", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil || d.IsZero() {
			return
		}
		if d.Year() < vndate.MinYear || d.Year() > vndate.MaxYear {
			t.Fatalf("%q → %s out of range", s, d)
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("%q → %s does not read back (%v)", s, d, err)
		}
	})
}
