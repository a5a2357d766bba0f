// Package dossier writes a campaign's evidence in one zip: a folder per
// agency (report order) with its letters' and registrations' files, the
// list of registrations (xlsx), the results report (docx) and an index of
// every file (MUC-LUC.xlsx). It streams: each file is read from the book
// as it is written into the zip, one at a time.
package dossier

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/files"
	"cchc/internal/lang"
	"cchc/internal/report"
	"cchc/internal/safefile"
	"cchc/internal/vndate"
)

// Book is what a dossier reads.
type Book interface {
	report.Book
	Files(ctx context.Context, q book.FilesQuery) ([]book.FileRow, error)
	FileContent(ctx context.Context, id int64, w io.Writer) (book.FileRow, error)
}

// The names of the zip's own documents.
const (
	IndexName         = "MUC-LUC.xlsx"
	RegistrationsName = "DANH-SACH-MO-HINH.xlsx"
	ResultsName       = "BAO-CAO-KET-QUA.docx"
)

// Entry is one kept file as the dossier places it.
type Entry struct {
	Path string // in the zip: folder/name
	File book.FileRow
}

// Plan places every file of a campaign: one folder per agency, numbered
// in report order ("001 Sở Y tế"), each name made safe on Windows and
// unique in its folder, each path at most MaxPath characters. No path can
// leave the zip's root: every element is files.SafeName, never "", "."
// or "..".
func Plan(list []book.FileRow) []Entry {
	var out []Entry
	folder, n := "", 0
	last := int64(-1)
	used := map[string]bool{}
	for _, f := range list {
		if f.AgencyID != last {
			last, n = f.AgencyID, n+1
			folder = fit(files.SafeName(fmt.Sprintf("%03d %s", n, f.Agency)), "", maxFolder)
		}
		name := files.SafeName(f.Name)
		ext := path.Ext(name)
		if utf8.RuneCountInString(ext) > 10 {
			ext = ""
		}
		stem := strings.TrimSuffix(name, ext)
		room := MaxPath - utf8.RuneCountInString(folder) - 1
		p := folder + "/" + fit(stem, ext, room)
		for i := 2; used[strings.ToLower(p)]; i++ { // Windows: case does not tell names apart
			p = folder + "/" + fit(stem, fmt.Sprintf(" (%d)%s", i, ext), room)
		}
		used[strings.ToLower(p)] = true
		out = append(out, Entry{Path: p, File: f})
	}
	return out
}

// MaxPath is the longest path in the dossier, in characters: Explorer
// unpacks into a folder whose own path takes some of Windows' 260.
const MaxPath = 240

// maxFolder leaves most of MaxPath to the file names.
const maxFolder = 100

// fit is stem+tail cut to at most n characters, the stem shortened, and no
// trailing dot or space left where it was cut (Windows drops them).
func fit(stem, tail string, n int) string {
	if r := []rune(stem); len(r)+utf8.RuneCountInString(tail) > n {
		stem = strings.TrimRight(string(r[:max(n-utf8.RuneCountInString(tail), 1)]), ". ")
		if stem == "" {
			stem = "_"
		}
	}
	return stem + tail
}

// Save writes the dossier of the campaign of year (0: the latest) to the
// file at path atomically (safefile: never over a book, an existing file
// kept unless force). It returns how many kept files went in.
func Save(ctx context.Context, st Book, year int, l lang.Lang, asOf vndate.Date, path string, force bool) (int, error) {
	return SaveProgress(ctx, st, year, l, asOf, path, force, nil)
}

// SaveProgress is Save telling progress, when set, how far it got: of the
// kept files and the rows of the registration list (most of the work at
// national scale) plus one for the rest, how many are written.
func SaveProgress(ctx context.Context, st Book, year int, l lang.Lang, asOf vndate.Date, path string, force bool, progress func(done, total int)) (int, error) {
	if !strings.EqualFold(strings.TrimSpace(pathExt(path)), ".zip") {
		return 0, lang.Errorf("Hồ sơ là tệp .zip: hãy đặt tên tệp kết thúc bằng .zip, ví dụ HO-SO.zip", "The dossier is a .zip file: give a file name ending in .zip, e.g. HO-SO.zip")
	}
	if err := safefile.CanWrite(path, force); err != nil {
		return 0, err
	}
	n := 0
	err := safefile.WriteFile(path, force, func(w io.Writer) error {
		var err error
		n, err = write(ctx, st, year, l, asOf, w, progress)
		return err
	})
	return n, err
}

func pathExt(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 && !strings.ContainsAny(p[i:], `/\`) {
		return p[i:]
	}
	return ""
}

// Write writes the dossier as a zip to w and returns how many kept files
// went in.
func Write(ctx context.Context, st Book, year int, l lang.Lang, asOf vndate.Date, w io.Writer) (int, error) {
	return write(ctx, st, year, l, asOf, w, nil)
}

func write(ctx context.Context, st Book, year int, l lang.Lang, asOf vndate.Date, w io.Writer, progress func(done, total int)) (int, error) {
	c, err := st.Campaign(ctx, year)
	if err != nil {
		return 0, err
	}
	list, err := st.Files(ctx, book.FilesQuery{CampaignID: c.ID})
	if err != nil {
		return 0, err
	}
	entries := Plan(list)
	rows := 0 // the list's, once its report counted them
	tell := func(done int) {
		if progress != nil {
			progress(done, len(entries)+rows+1)
		}
	}
	tell(0)
	zw := zip.NewWriter(w)
	now := time.Now()
	folders := map[string]bool{}
	for i, e := range entries {
		// each folder listed before its files, as Explorer's own zips do
		if dir := path.Dir(e.Path); !folders[dir] {
			folders[dir] = true
			if _, err := zw.CreateHeader(&zip.FileHeader{Name: dir + "/", Method: zip.Store, Modified: now}); err != nil {
				return 0, err
			}
		}
		method := zip.Deflate
		switch strings.ToLower(path.Ext(e.Path)) {
		case ".pdf", ".zip", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".jpg", ".jpeg", ".png", ".gif":
			method = zip.Store // compressed already: deflating costs time for nothing
		}
		modified := e.File.Added
		if modified.IsZero() {
			modified = now
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: e.Path, Method: method, Modified: modified})
		if err != nil {
			return 0, err
		}
		if _, err := st.FileContent(ctx, e.File.ID, fw); err != nil {
			return 0, err
		}
		tell(i + 1)
	}
	for _, doc := range []struct{ name, kind, format string }{
		{RegistrationsName, report.KindRegistrations, "xlsx"},
		{ResultsName, report.KindResults, "docx"},
	} {
		req := report.Request{Kind: doc.kind, Format: doc.format, Year: c.Year, AsOf: asOf, Lang: l}
		if doc.kind == report.KindRegistrations {
			req.Progress = func(done, total int) {
				rows = total
				tell(len(entries) + done)
			}
		}
		rep, err := report.Build(ctx, st, req)
		if err != nil {
			return 0, err
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: doc.name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return 0, err
		}
		if err := rep.Write(fw, doc.format); err != nil {
			return 0, err
		}
	}
	fw, err := zw.CreateHeader(&zip.FileHeader{Name: IndexName, Method: zip.Deflate, Modified: now})
	if err != nil {
		return 0, err
	}
	if err := writeIndex(fw, c, entries, l); err != nil {
		return 0, err
	}
	err = zw.Close()
	tell(len(entries) + rows + 1)
	return len(entries), err
}

// writeIndex writes MUC-LUC.xlsx: every file with its agency, letter,
// dates and what it supports (the letter itself, or a registration). It
// is a report sheet, printed as the reports are: A4 landscape one page
// wide, the official letterhead, a bordered table whose header repeats,
// dates dd/mm/yyyy and sizes #,##0.
func writeIndex(w io.Writer, c campaign.Campaign, entries []Entry, l lang.Lang) error {
	t := report.Table{Columns: []report.Column{
		{Title: l.T("STT", "No."), Align: report.Right, Type: report.NumberCell, Width: 6, Ordinal: true},
		{Title: l.T("Cơ quan, đơn vị", "Agency"), Width: 24},
		{Title: l.T("Số văn bản", "Letter number"), Width: 15},
		{Title: l.T("Ngày văn bản", "Letter date"), Type: report.DateCell, Width: 12},
		{Title: l.T("Ngày nhận", "Received"), Type: report.DateCell, Width: 12},
		{Title: l.T("Tệp trong hồ sơ", "File in the dossier"), Width: 28},
		{Title: l.T("Dung lượng (byte)", "Size (bytes)"), Align: report.Right, Type: report.NumberCell, Width: 11},
		{Title: l.T("Kiểm chứng cho", "Evidence for"), Width: 22},
		{Title: "SHA-256", Width: 20},
	}}
	for i, e := range entries {
		f := e.File
		supports := l.T("Văn bản đăng ký", "The letter")
		if f.RegistrationID != 0 {
			supports = f.Title
		}
		t.Add(strconv.Itoa(i+1), f.Agency, f.LetterNumber, dateText(f.LetterDate), dateText(f.Received),
			e.Path, strconv.FormatInt(f.Size, 10), supports, f.SHA256)
	}
	s := report.Sheet{Name: l.T("Mục lục", "Index"), Head: report.LetterheadOf(c, l),
		Title: l.T("Mục lục hồ sơ kiểm chứng", "Index of the evidence"), Lines: []string{c.Title}, Tables: []report.Table{t}}
	return s.WriteXLSX(w)
}

// dateText is a date as a report's cell holds it (a real date in the
// workbook), "" when there is none.
func dateText(d vndate.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
