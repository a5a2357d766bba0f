// Package importer reads the lists agencies send (their filled-in copies of
// the Department's template, as Excel or CSV) and the official list of
// administrative units, checks every row, and hands the store what to add
// in one transaction. It also writes the blank template.
package importer

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"cchc/internal/campaign"
	"cchc/internal/lang"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
)

// Limits that keep memory bounded whatever file the clerk is sent.
const (
	MaxFileSize  = 32 << 20 // bytes of the file on disk
	MaxUnzipped  = 64 << 20 // bytes of an XLSX once unzipped (zip bombs stop here)
	maxSheetXML  = 8 << 20  // a worksheet bigger than this is streamed from a temporary file
	maxMergeXML  = 2 << 20  // merged ranges are read only from worksheets up to this size
	MaxRows      = 20000    // rows read from one sheet (the national commune list has ~10600)
	MaxCols      = 64       // columns read from one row
	MaxCellBytes = 64 << 10 // bytes in one cell
	headerWindow = 30       // the header row is looked for in the first rows
)

// Grid is one sheet (or a CSV file) as rows of cell text.
type Grid struct {
	Name string     // the sheet's name ("" for CSV)
	Rows [][]string // Rows[i] is row i+1 of the sheet, as the spreadsheet numbers it
	// merged marks cells that took their value from a merged range
	// rather than holding it themselves.
	merged map[[2]int]bool
	// first is the row where the table begins: a Word table's grid has
	// the document's title block above it (0 for a sheet or CSV).
	first int
	// fields[i] is how many cells row i had in a CSV file, empty ones at
	// its end too (nil for a sheet): a comma left unquoted in a cell
	// shifts every cell after it, which only the count betrays.
	fields []int
}

// line is row r as the clerk finds it: the sheet's row number, or the
// row of a Word table counted from its first; 0 for a title block line
// above a Word table.
func (g *Grid) line(r int) int {
	if r < g.first {
		return 0
	}
	return r - g.first + 1
}

// Cell returns the text of row r, column c (0-based), "" when absent.
func (g *Grid) Cell(r, c int) string {
	if r < 0 || r >= len(g.Rows) || c < 0 || c >= len(g.Rows[r]) {
		return ""
	}
	return g.Rows[r][c]
}

// own reports whether row r, column c holds a value of its own (not one
// copied from a merged range).
func (g *Grid) own(r, c int) bool {
	return strings.TrimSpace(g.Cell(r, c)) != "" && !g.merged[[2]int{r, c}]
}

// ReadFile reads a .xlsx, .csv, .docx or text .pdf file into its sheets (a
// Word document's tables, a PDF's table).
func ReadFile(path string) ([]*Grid, error) {
	grids, _, err := readFileData(path)
	return grids, err
}

// readFileData is ReadFile, also handing back the bytes it read (the file
// an import keeps with the letter).
func readFileData(path string) (grids []*Grid, data []byte, err error) {
	data, err = readLimited(path)
	if err != nil {
		return nil, nil, err
	}
	grids, err = readGrids(path, data)
	return grids, data, err
}

func readGrids(path string, data []byte) ([]*Grid, error) {
	if err := compoundFile(data, filepath.Base(path)); err != nil {
		return nil, err // whatever its name says
	}
	if len(bytes.Trim(data, " \t\r\n\x00\xef\xbb\xbf")) == 0 {
		return nil, lang.Errorf("%s là tệp trống (không có gì trong đó): hãy chọn tệp đã điền, hoặc mở tệp bằng Excel, kiểm tra lại và lưu lại",
			"%s is empty (there is nothing in it): choose the filled-in file, or open it in Excel, check it and save it again", filepath.Base(path))
	}
	grids, err := readByKind(path, data)
	if err != nil {
		return nil, err
	}
	if err := legacyText(grids); err != nil {
		return nil, err
	}
	return grids, nil
}

// readByKind reads data as its name says, else as what it looks like. A
// zip is a workbook or a Word file whatever its name (a list renamed
// .csv), never text to decode.
func readByKind(path string, data []byte) ([]*Grid, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) && (ext == ".csv" || ext == ".txt") {
		ext = ""
	}
	switch ext {
	case ".xlsx", ".xlsm":
		return ReadXLSX(data)
	case ".csv", ".txt":
		g, err := ReadCSV(data)
		if err != nil {
			return nil, err
		}
		return []*Grid{g}, nil
	case ".xls":
		return nil, lang.Errorf("%s là tệp Excel cũ (.xls): hãy mở bằng Excel và lưu lại thành .xlsx", "%s is an old Excel file (.xls): open it in Excel and save it as .xlsx", filepath.Base(path))
	case ".docx", ".docm":
		return ReadDOCX(data)
	case ".doc", ".rtf":
		return nil, oldWord(filepath.Base(path))
	case ".pdf":
		return ReadPDF(data)
	default:
		if bytes.HasPrefix(data, pdfMagic) {
			return ReadPDF(data)
		}
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			if isDOCX(data) {
				return ReadDOCX(data)
			}
			return ReadXLSX(data)
		}
		g, err := ReadCSV(data)
		if err != nil {
			return nil, err
		}
		return []*Grid{g}, nil
	}
}

// oldWord refuses a Word 97–2003 file (or one saved as RTF under .doc).
func oldWord(name string) error {
	return lang.Errorf("%s là tệp Word cũ (.doc, Word 97–2003): hãy mở bằng Word và lưu lại thành .docx (Tệp > Lưu thành > Tài liệu Word)",
		"%s is an old Word file (.doc, Word 97–2003): open it in Word and save it as .docx (File > Save As > Word Document)", name)
}

// oleMagic opens an OLE2 compound file: the old .xls and .doc, and also
// an .xlsx saved with a password (Office then wraps the encrypted workbook
// in one), which excelize would only call damaged.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// compoundFile says what an OLE2 file is and what to do with it, or nil
// for any other file. The streams are named in UTF-16 in the directory.
func compoundFile(data []byte, name string) error {
	if !bytes.HasPrefix(data, oleMagic) {
		return nil
	}
	stream := func(s string) bool {
		u := make([]byte, 0, 2*len(s))
		for i := 0; i < len(s); i++ {
			u = append(u, s[i], 0)
		}
		return bytes.Contains(data, u)
	}
	switch {
	case stream("EncryptedPackage"):
		return lang.Errorf("%s được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại thành .xlsx",
			"%s is protected with a password: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it as .xlsx", name)
	case stream("WordDocument"), strings.EqualFold(filepath.Ext(name), ".doc"):
		return oldWord(name)
	}
	return lang.Errorf("%s là tệp Excel cũ (.xls, Excel 97–2003): hãy mở bằng Excel và lưu lại thành .xlsx (Tệp > Lưu thành > Sổ làm việc Excel)",
		"%s is an old Excel file (.xls, Excel 97–2003): open it in Excel and save it as .xlsx (File > Save As > Excel Workbook)", name)
}

func readLimited(path string) ([]byte, error) {
	// Looked at before it is opened: opening a named pipe waits for a
	// writer, and reading a device never ends.
	if info, err := os.Stat(path); err == nil {
		if err := regular(path, info); err != nil {
			return nil, err
		}
	}
	f, err := os.Open(path)
	// Windows refuses a name with control characters or <>:"|?* outright
	// (ERROR_INVALID_NAME): no such file can exist there either.
	if errors.Is(err, fs.ErrNotExist) || invalidName(err) {
		return nil, lang.Errorf("Không có tệp %s: kiểm tra lại tên tệp và thư mục (tên có dấu cách thì đặt trong ngoặc kép)",
			"There is no file %s: check the file's name and folder (put a name with spaces in quotes)", path)
	}
	if err != nil {
		return nil, lang.Wrap(err, "Không mở được tệp %s", "Cannot open the file %s", path)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if err := regular(path, info); err != nil { // replaced meanwhile
			return nil, err
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, lang.Wrap(err, "Không đọc được tệp %s", "Cannot read the file %s", path)
	}
	if len(data) > MaxFileSize {
		return nil, tooBig()
	}
	return data, nil
}

// regular refuses what is not a plain file: a folder, a named pipe, a
// device, a socket.
func regular(path string, info os.FileInfo) error {
	switch {
	case info.IsDir():
		return lang.Errorf("%s là một thư mục, không phải tệp: hãy chọn một tệp trong đó (.xlsx, .docx, .pdf hoặc .csv)", "%s is a folder, not a file: choose a file in it (.xlsx, .docx, .pdf or .csv)", path)
	case !info.Mode().IsRegular():
		return lang.Errorf("%s không phải tệp thông thường (có thể là ống dẫn, thiết bị hay socket): hãy chọn tệp Excel (.xlsx) hoặc CSV đã lưu trên máy",
			"%s is not a regular file (a pipe, a device or a socket): choose an Excel (.xlsx) or CSV file saved on the computer", path)
	}
	return nil
}

func tooBig() error {
	return lang.Errorf("Tệp quá lớn (tối đa %d MB, %d dòng): danh sách đăng ký thường chỉ vài chục dòng; hãy kiểm tra lại tệp",
		"The file is too big (at most %d MB, %d rows): a registration list is usually a few dozen rows; check the file",
		MaxFileSize>>20, MaxRows)
}

// ReadCSV reads CSV text: UTF-8 with or without BOM (or UTF-16 with BOM, as
// Excel's "Unicode text"), separated by commas, semicolons or tabs,
// whichever makes the widest rows.
func ReadCSV(data []byte) (*Grid, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, lang.Wrap(err, "Tệp văn bản UTF-16 bị hỏng", "The UTF-16 text file is damaged")
		}
		data = dec
	case utf16WithoutBOM(data):
		dec, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, lang.Wrap(err, "Tệp văn bản UTF-16 bị hỏng", "The UTF-16 text file is damaged")
		}
		data = dec
	}
	if bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0 {
		// old Mac line ends (CR only), which encoding/csv reads as one row
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
	}
	if !utf8.Valid(data) {
		return nil, lang.Errorf("Tệp không phải văn bản UTF-8 (có lẽ lưu bằng bảng mã cũ: Windows-1258, TCVN3, VNI): chữ Việt sẽ sai, nên không nhập gì. Hãy mở bằng Excel, Tệp > Lưu thành > kiểu \"CSV UTF-8 (Comma delimited)\"; chữ gõ bằng phông .VnTime hay VNI-Times thì trước hết chuyển sang Unicode bằng Unikey (Công cụ chuyển mã)",
			"The file is not UTF-8 text (probably saved in an old encoding: Windows-1258, TCVN3, VNI): its Vietnamese would be wrong, so nothing is imported. Open it in Excel, File > Save As > type \"CSV UTF-8 (Comma delimited)\"; text typed in a .VnTime or VNI-Times font is first converted to Unicode with Unikey (its converter)")
	}
	rows, fields, err := readCSV(data, separator(data), MaxRows+1)
	if err != nil {
		return nil, err
	}
	if len(rows) > MaxRows {
		return nil, tooBig()
	}
	return &Grid{Rows: rows, fields: fields}, nil
}

// utf16WithoutBOM reports text written as UTF-16 little-endian with no
// BOM (some programs' "Unicode text"): a zero byte after most others.
func utf16WithoutBOM(data []byte) bool {
	n := min(len(data), 4096) &^ 1
	zeros := 0
	for i := 1; i < n; i += 2 {
		if data[i] == 0 {
			zeros++
		}
	}
	return n >= 4 && zeros*4 >= n
}

// separator is the CSV's separator, judged from its header row: the one
// that splits a row into the header of a table cchc reads (registrations,
// agencies, communes) with the most columns recognised, the earliest such
// row on a tie. A separator inside quotes never counts: a row split there
// (a cell left with an odd number of quotes, as a data row's "Dự kiến kết
// quả" full of semicolons is in a comma file) is never taken for the
// header. A file with no header recognised is split where its rows are
// widest.
func separator(data []byte) rune {
	best, bestCols, bestRow, bestWidth := ',', 0, 0, -1
	for _, sep := range []rune{',', ';', '\t'} {
		rows, _, err := readCSV(data, sep, headerWindow)
		if err != nil {
			continue
		}
		for i, r := range rows {
			for _, c := range r {
				if strings.Count(c, `"`)%2 == 1 { // split inside quotes: no header
					rows[i] = nil
					break
				}
			}
		}
		g := &Grid{Rows: rows}
		cols, row := 0, 0
		for _, h := range []struct {
			rules    []headerRule
			required campaign.Column
		}{{registrationRules, campaign.ColTitle}, {agencyRules, acName}} {
			if hh, ok := findHeader(g, h.rules, h.required, 1); ok && len(hh.cols) > cols {
				cols, row = len(hh.cols), hh.row
			}
		}
		width := widestRow(rows)
		if cols > bestCols || cols == bestCols && cols > 0 && row < bestRow || cols == bestCols && (cols == 0 || row == bestRow) && width > bestWidth {
			best, bestCols, bestRow, bestWidth = sep, cols, row, width
		}
	}
	return best
}

// widestRow is the largest number of non-empty cells in one of rows.
func widestRow(rows [][]string) int {
	widest := 0
	for _, r := range rows {
		n := 0
		for _, c := range r {
			if strings.TrimSpace(c) != "" {
				n++
			}
		}
		widest = max(widest, n)
	}
	return widest
}

func readCSV(data []byte, sep rune, limit int) ([][]string, []int, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	var rows [][]string
	var fields []int
	for len(rows) < limit {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := r.FieldPos(0)
			return nil, nil, lang.Wrap(err, "Tệp CSV bị lỗi gần dòng %d", "The CSV file is broken near line %d", line)
		}
		fields = append(fields, len(rec))
		rows = append(rows, clip(rec))
	}
	return rows, fields, nil
}

// clip bounds a row: at most MaxCols cells of at most MaxCellBytes each.
// A NUL (a damaged file's) stands between words as a space, so that
// dropping it later does not join them ("Xã Mới\x00Tinh").
func clip(row []string) []string {
	if len(row) > MaxCols {
		row = row[:MaxCols]
	}
	for i, c := range row {
		if len(c) > MaxCellBytes {
			c = strings.ToValidUTF8(c[:MaxCellBytes], "")
		}
		row[i] = strings.ReplaceAll(c, "\x00", " ")
	}
	return row
}

// ReadXLSX reads every sheet of an Excel workbook, raw values (numbers as
// typed, dates as Excel serial numbers), with merged cells filled in from
// their top-left cell. Unzipped size is capped so that a zip bomb fails
// quickly with a message instead of filling memory.
func ReadXLSX(data []byte) ([]*Grid, error) {
	bigSheet, err := largestSheet(data)
	if err != nil {
		return nil, err
	}
	if err := scanXLSX(data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: maxSheetXML, RawCellValue: true,
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, excelTooBig()
		}
		return nil, notExcel(err)
	}
	defer f.Close()
	var grids []*Grid
	total := 0
	for _, name := range f.GetSheetList() {
		g, err := readSheet(f, name, MaxRows-total)
		if err != nil {
			return nil, err
		}
		total += len(g.Rows)
		if bigSheet <= maxMergeXML {
			if err := fillMerged(f, g); err != nil {
				return nil, notExcel(err)
			}
		}
		grids = append(grids, g)
	}
	if len(grids) == 0 {
		return nil, lang.Errorf("Tệp Excel không có trang tính nào", "The Excel file has no sheet")
	}
	return grids, nil
}

func excelTooBig() error {
	return lang.Errorf("Tệp Excel khi giải nén quá lớn (hơn %d MB): danh sách đăng ký thường chỉ vài chục dòng; hãy kiểm tra lại tệp",
		"The Excel file is too big once unzipped (over %d MB): a registration list is usually a few dozen rows; check the file", MaxUnzipped>>20)
}

func notExcel(err error) error {
	return lang.Wrap(err, "Không đọc được tệp Excel: tệp hỏng hoặc không thật là .xlsx (có thể là tệp khác mang tên .xlsx); hãy mở bằng Excel và lưu lại thành .xlsx (Tệp > Lưu thành > Sổ làm việc Excel), hoặc xin đơn vị gửi lại",
		"Cannot read the Excel file: it is damaged or not really .xlsx (another kind of file named .xlsx?); open it in Excel and save it as .xlsx (File > Save As > Excel Workbook), or ask the agency to send it again")
}

// largestSheet is the unzipped size of the biggest worksheet, read from the
// zip directory without unzipping anything.
func largestSheet(data []byte) (int64, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return 0, notExcel(err)
	}
	var biggest int64
	for _, f := range z.File {
		if strings.HasPrefix(strings.ToLower(f.Name), "xl/worksheets/") {
			biggest = max(biggest, int64(min(f.UncompressedSize64, 1<<62)))
		}
	}
	return biggest, nil
}

func readSheet(f *excelize.File, name string, limit int) (*Grid, error) {
	g := &Grid{Name: name, merged: map[[2]int]bool{}}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, notExcel(err)
	}
	defer rows.Close()
	for rows.Next() {
		if len(g.Rows) >= limit {
			return nil, tooBig()
		}
		cells, err := rows.Columns()
		if err != nil {
			return nil, notExcel(err)
		}
		g.Rows = append(g.Rows, clip(cells))
	}
	if err := rows.Error(); err != nil {
		return nil, notExcel(err)
	}
	// Trailing empty rows (formatted but blank) carry nothing.
	for len(g.Rows) > 0 && blank(g.Rows[len(g.Rows)-1]) {
		g.Rows = g.Rows[:len(g.Rows)-1]
	}
	return g, nil
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// fillMerged copies each merged range's value into the range's other cells
// (within what was read), so that a "Lĩnh vực" merged down several rows
// applies to each of them.
func fillMerged(f *excelize.File, g *Grid) error {
	merges, err := f.GetMergeCells(g.Name, true)
	if err != nil {
		return err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > len(g.Rows) {
			continue
		}
		val := g.Cell(r1-1, c1-1)
		if strings.TrimSpace(val) == "" {
			continue
		}
		for r := r1; r <= min(r2, len(g.Rows)); r++ {
			for c := c1; c <= min(c2, MaxCols); c++ {
				if r == r1 && c == c1 {
					continue
				}
				row := g.Rows[r-1]
				for len(row) < c {
					row = append(row, "")
				}
				if row[c-1] == "" {
					row[c-1] = val
					g.merged[[2]int{r - 1, c - 1}] = true
				}
				g.Rows[r-1] = row
			}
		}
	}
	return nil
}
