package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"cchc/internal/book"
	"cchc/internal/dossier"
	"cchc/internal/files"
	"cchc/internal/importer"
	"cchc/internal/lang"
	"cchc/internal/safefile"
	"cchc/internal/vntext"
)

func init() {
	register(command{
		name: "attach",
		summary: func(l lang.Lang) string {
			return l.T("lưu tệp kèm văn bản hoặc mô hình", "keep a file with a letter or a registration")
		},
		run: runAttach,
	})
	register(command{
		name: "files",
		summary: func(l lang.Lang) string {
			return l.T("các tệp lưu kèm; files get: lấy một tệp ra; files remove: bỏ một tệp", "the files kept; files get: take one out; files remove: remove one")
		},
		run: runFiles,
	})
	register(command{
		name: "dossier",
		summary: func(l lang.Lang) string {
			return l.T("hồ sơ kiểm chứng của đợt (.zip)", "the campaign's evidence dossier (.zip)")
		},
		run: runDossier,
	})
}

// parseAround parses options given before, between or after the
// positional arguments, which it returns.
func parseAround(fs *flag.FlagSet, e *env, args []string, help func()) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
			return pos, parse(fs, e, args, help) // says what is wrong, or nothing
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runAttach(e *env, args []string) error {
	l := e.lang
	fs := newFlags("attach", e)
	letter := fs.Int64("letter", 0, "")
	reg := fs.Int64("registration", 0, "")
	pos, err := parseAround(fs, e, args, func() { attachHelp(e) })
	if err != nil {
		return err
	}
	if len(pos) != 1 || (*letter == 0) == (*reg == 0) || *letter < 0 || *reg < 0 {
		return usageError{l.T("Cách dùng: cchc attach TỆP --letter SỐ | --registration SỐ (một trong hai)",
			"Usage: cchc attach FILE --letter ID | --registration ID (one of the two)")}
	}
	content, err := files.Read(pos[0]) // checked before the book is opened
	if err != nil {
		return err
	}
	name := filepath.Base(pos[0])
	st, err := openStore(e, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := e.ctx
	id, err := st.Attach(ctx, *letter, *reg, book.NewFile{Name: name, Content: content})
	if err != nil {
		return err
	}
	stored, err := st.FilesStored(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, files.Attached(l, id, name, int64(len(content)), stored))
	return nil
}

func attachHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.T(`Cách dùng: cchc attach TỆP --letter SỐ | --registration SỐ

Lưu TỆP vào sổ dữ liệu, kèm văn bản số SỐ (--letter) hoặc mô hình số SỐ
(--registration): bản PDF có chữ ký số, quyết định, báo cáo kết quả… Một thay
đổi trong lịch sử, hoàn tác được; vào thùng rác cùng văn bản hoặc mô hình.
Mỗi tệp tối đa 25 MB; cùng một nội dung chỉ lưu một lần. Nội dung phải đúng
loại tệp như đuôi tên (pdf, docx, xlsx, ảnh…), nếu không thì bị từ chối.
`, `Usage: cchc attach FILE --letter ID | --registration ID

Keeps FILE in the book with the letter ID (--letter) or the registration ID
(--registration): the signed PDF, a decision, a report of results… One change
in the history, undoable; it goes to the trash with its letter or
registration. At most 25 MB a file; the same content is kept once. The
content must be what the extension says (pdf, docx, xlsx, images…), else it
is refused.
`))
	fmt.Fprint(e.stdout, "\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}

// fileJSON is one kept file as `cchc files --format json` prints it.
type fileJSON struct {
	ID             int64  `json:"id"`
	Name           string `json:"name"`
	Size           int64  `json:"size"`
	SHA256         string `json:"sha256"`
	LetterID       *int64 `json:"letter_id"`
	RegistrationID *int64 `json:"registration_id"`
	Agency         string `json:"agency"`
	Added          string `json:"added"` // RFC 3339, UTC, as the history keeps its times
}

func runFiles(e *env, args []string) error {
	if len(args) > 0 && args[0] == "get" {
		return runFilesGet(e, args[1:])
	}
	if len(args) > 0 && args[0] == "remove" {
		return runFilesRemove(e, args[1:])
	}
	l := e.lang
	fs := newFlags("files", e)
	year := fs.String("campaign", "", "")
	agency := fs.String("agency", "", "")
	format := fs.String("format", "text", "")
	if err := parse(fs, e, args, func() { filesHelp(e) }); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{l.F("Không hiểu %q; ví dụ: cchc files --campaign 2023, cchc files get 12 -o ban-sao.pdf",
			"%q is not understood; e.g. cchc files --campaign 2023, cchc files get 12 -o copy.pdf", fs.Arg(0))}
	}
	if *format != "text" && *format != "json" {
		return usageError{l.F("--format %q: chọn text hoặc json", "--format %q: choose text or json", *format)}
	}
	st, c, err := openYear(e, *year, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := e.ctx
	q := book.FilesQuery{CampaignID: c.ID}
	if strings.TrimSpace(*agency) != "" {
		list, err := st.CampaignAgencies(ctx, c.ID)
		if err != nil {
			return err
		}
		a, err := importer.NewResolver(list).Find(*agency, nil)
		if err != nil {
			return err
		}
		q.AgencyID = a.ID
	}
	list, err := st.Files(ctx, q)
	if err != nil {
		return err
	}
	if *format == "json" {
		out := make([]fileJSON, 0, len(list))
		for _, f := range list {
			j := fileJSON{ID: f.ID, Name: f.Name, Size: f.Size, SHA256: f.SHA256, Agency: f.Agency, Added: f.Added.UTC().Format(time.RFC3339)}
			if f.LetterID != 0 {
				j.LetterID = &f.LetterID
			}
			if f.RegistrationID != 0 {
				j.RegistrationID = &f.RegistrationID
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	stored, err := st.FilesStored(ctx)
	if err != nil {
		return err
	}
	return printFiles(e.stdout, l, list, stored)
}

func printFiles(w io.Writer, l lang.Lang, list []book.FileRow, stored int64) error {
	head := []string{l.T("Số", "No."), l.T("Cơ quan, đơn vị", "Agency"), l.T("Kèm theo", "With"), l.T("Tệp", "File"), l.T("Dung lượng", "Size")}
	rows := [][]string{head}
	for _, f := range list {
		with := fileLetter(l, f)
		if f.RegistrationID != 0 {
			with = l.F("mô hình %d", "registration %d", f.RegistrationID)
		}
		rows = append(rows, []string{strconv.FormatInt(f.ID, 10), vntext.Truncate(f.Agency, 32), vntext.Truncate(with, 24),
			vntext.Truncate(f.Name, 40), book.Size(l, f.Size)})
	}
	widths := make([]int, len(head))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], vntext.Width(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(vntext.PadLeft(c, widths[i]))
			} else {
				b.WriteString(vntext.Pad(c, widths[i]) + "  ")
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, "\n"+l.F("%s; sổ đang giữ %s tệp (mỗi nội dung một lần), giới hạn %s, mỗi tệp tối đa %s",
		"%s; the book keeps %s of files (each content once), limit %s, at most %s a file",
		l.Count(len(list), "tệp", "file", "files"), book.Size(l, stored), book.Size(l, files.MaxTotal), book.Size(l, files.MaxSize)))
	return err
}

// fileLetter names the letter a file is kept with: its number, or the
// day it was received when it has none.
func fileLetter(l lang.Lang, f book.FileRow) string {
	if f.LetterNumber == "" {
		return l.F("văn bản nhận %s", "letter received %s", f.Received)
	}
	return l.F("văn bản %s", "letter %s", f.LetterNumber)
}

// oneFileID reads the one file number files get and files remove are given.
func oneFileID(pos []string) (int64, bool) {
	if len(pos) != 1 {
		return 0, false
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	return id, err == nil && id > 0
}

func runFilesGet(e *env, args []string) error {
	l := e.lang
	fs := newFlags("files get", e)
	out := fs.String("o", "", "")
	pos, err := parseAround(fs, e, args, func() { filesHelp(e) })
	if err != nil {
		return err
	}
	id, ok := oneFileID(pos)
	if !ok || strings.TrimSpace(*out) == "" {
		return usageError{l.T("Cách dùng: cchc files get SỐ -o TỆP", "Usage: cchc files get ID -o FILE")}
	}
	if err := safefile.CanWrite(*out, false); err != nil {
		return err
	}
	st, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer st.Close()
	var f book.FileRow
	err = safefile.WriteFile(*out, false, func(w io.Writer) error {
		var err error
		f, err = st.FileContent(e.ctx, id, w)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, l.F("Đã ghi tệp số %d (%s, %s) ra %s", "Wrote file number %d (%s, %s) to %s", id, f.Name, book.Size(l, f.Size), *out))
	return nil
}

// runFilesRemove takes a file attached by mistake away from its letter or
// registration: one change, which it names for cchc undo.
func runFilesRemove(e *env, args []string) error {
	l := e.lang
	fs := newFlags("files remove", e)
	pos, err := parseAround(fs, e, args, func() { filesHelp(e) })
	if err != nil {
		return err
	}
	id, ok := oneFileID(pos)
	if !ok {
		return usageError{l.T("Cách dùng: cchc files remove SỐ (số ở cột đầu của cchc files)",
			"Usage: cchc files remove ID (the number in the first column of cchc files)")}
	}
	st, err := openStore(e, false)
	if err != nil {
		return err
	}
	defer st.Close()
	f, err := st.RemoveFile(e.ctx, id)
	if err != nil {
		return err
	}
	with := fileLetter(l, f)
	if f.RegistrationID != 0 {
		with = l.F("mô hình «%s»", "registration «%s»", f.Title)
	}
	msg := l.F("Đã bỏ tệp số %d (%s) khỏi %s của %s", "Removed file number %d (%s) from %s of %s", id, f.Name, with, f.Agency)
	if c, err := st.NextUndo(e.ctx); err == nil {
		msg += l.F("; lấy lại: cchc undo %d", "; to take it back: cchc undo %d", c.ID)
	}
	fmt.Fprintln(e.stdout, msg)
	return nil
}

func filesHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.T(`Cách dùng: cchc files [--campaign NĂM] [--agency TÊN] [--format text|json]
           cchc files get SỐ -o TỆP
           cchc files remove SỐ

Liệt kê các tệp lưu kèm văn bản và mô hình của đợt (mặc định: đợt mới nhất),
theo nhóm và cơ quan, với tổng dung lượng sổ đang giữ và giới hạn. --format json
in một mảng, mỗi tệp {id, name, size, sha256, letter_id, registration_id,
agency, added} (null khi không có; added theo RFC 3339, giờ UTC).
"files get" ghi tệp số SỐ ra TỆP, đúng từng byte (không ghi đè tệp đã có).
"files remove" bỏ tệp số SỐ khỏi văn bản hoặc mô hình (tệp đính kèm nhầm): một
thay đổi trong lịch sử, lấy lại bằng cchc undo với số thay đổi được in ra.
`, `Usage: cchc files [--campaign YEAR] [--agency NAME] [--format text|json]
       cchc files get ID -o FILE
       cchc files remove ID

Lists the files kept with the campaign's letters and registrations (default:
the latest campaign), by group and agency, with how much the book keeps and
its limit. --format json prints an array, each file {id, name, size, sha256,
letter_id, registration_id, agency, added} (null where none; added in
RFC 3339, UTC). "files get" writes file ID to FILE byte for byte (never over
an existing file). "files remove" takes file ID away from its letter or
registration (attached by mistake): one change in the history, taken back
with cchc undo and the change number it prints.
`))
	fmt.Fprint(e.stdout, "\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}

func runDossier(e *env, args []string) error {
	l := e.lang
	fs := newFlags("dossier", e)
	year := fs.String("campaign", "", "")
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	if err := parse(fs, e, args, func() { dossierHelp(e) }); err != nil {
		return err
	}
	if strings.TrimSpace(*out) == "" || fs.NArg() > 0 {
		return usageError{l.T("Cách dùng: cchc dossier [--campaign NĂM] -o HO-SO.zip", "Usage: cchc dossier [--campaign YEAR] -o HO-SO.zip")}
	}
	st, c, err := openYear(e, *year, true)
	if err != nil {
		return err
	}
	defer st.Close()
	asOf, err := today()
	if err != nil {
		return err
	}
	n, err := dossier.Save(e.ctx, st, c.Year, l, asOf, *out, *force)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, l.F("Đã ghi hồ sơ %s: %s kèm danh sách mô hình, báo cáo kết quả và mục lục %s",
		"Wrote the dossier %s: %s with the list of registrations, the results report and the index %s",
		*out, l.Count(n, "tệp", "file", "files"), dossier.IndexName))
	return nil
}

func dossierHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.T(`Cách dùng: cchc dossier [--campaign NĂM] -o HO-SO.zip [--force]

Ghi hồ sơ kiểm chứng của đợt (mặc định: đợt mới nhất) thành một tệp zip: mỗi
cơ quan một thư mục (theo thứ tự nhóm) với các tệp lưu kèm văn bản và mô hình
của mình, danh sách mô hình (DANH-SACH-MO-HINH.xlsx), báo cáo kết quả
(BAO-CAO-KET-QUA.docx) và mục lục MUC-LUC.xlsx. Ghi an toàn (tệp tạm rồi đổi
tên); tệp đã có được giữ nguyên trừ khi có --force.
`, `Usage: cchc dossier [--campaign YEAR] -o HO-SO.zip [--force]

Writes the campaign's evidence (default: the latest campaign) as one zip: a
folder per agency (in group order) with the files kept with its letters and
registrations, the list of registrations (DANH-SACH-MO-HINH.xlsx), the results
report (BAO-CAO-KET-QUA.docx) and the index MUC-LUC.xlsx. Written atomically
(a temporary file, then renamed); an existing file is kept unless --force.
`))
	fmt.Fprint(e.stdout, "\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}
