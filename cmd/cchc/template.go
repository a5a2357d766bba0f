package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"cchc/internal/importer"
	"cchc/internal/lang"
	"cchc/internal/safefile"
)

func init() {
	register(command{
		name: "template",
		summary: func(l lang.Lang) string {
			return l.T("ghi mẫu danh sách đăng ký (Excel/CSV/Word) để gửi kèm văn bản", "write the blank registration template (Excel/CSV/Word)")
		},
		run: runTemplate,
	})
}

func runTemplate(e *env, args []string) error {
	fs := newFlags("template", e)
	out := fs.String("o", "", "")
	format := fs.String("format", "", "")
	year := fs.String("campaign", "", "")
	force := fs.Bool("force", false, "")
	if err := parse(fs, e, args, func() { templateHelp(e) }); err != nil {
		return err
	}
	l := e.lang
	f := strings.ToLower(*format)
	if f == "" {
		f = "xlsx"
		if ext := strings.ToLower(filepath.Ext(*out)); ext == ".csv" || ext == ".docx" {
			f = ext[1:]
		}
	}
	if !contains(importer.TemplateFormats, f) {
		return usageError{l.F("--format %q: chọn xlsx, csv hoặc docx", "--format %q: choose xlsx, csv or docx", *format)}
	}
	path := *out
	if path == "" {
		path = "mau-dang-ky." + f
	}
	y, err := yearFlag(l, *year)
	if err != nil {
		return err
	}
	if path != "-" {
		// Fail before opening the book when the file is in the way (an
		// agency's filled-in copy, the book itself).
		if err := safefile.CanWrite(path, *force); err != nil {
			return err
		}
	}
	st, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := st.Campaign(e.ctx, y)
	if err != nil {
		return err
	}
	if path == "-" {
		var buf bytes.Buffer
		if err := importer.WriteTemplate(&buf, c, f, l); err != nil {
			return lang.Wrap(err, "Không tạo được mẫu", "Cannot make the template")
		}
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := importer.SaveTemplate(path, c, f, l, *force); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, l.F("Đã ghi mẫu danh sách đăng ký năm %d: %s", "Wrote the %d registration template: %s", c.Year, path))
	return nil
}

func templateHelp(e *env) {
	l := e.lang
	fmt.Fprint(e.stdout, l.T(`Cách dùng: cchc template [-o mau-dang-ky.xlsx] [--format xlsx|csv|docx] [--campaign NĂM] [--force]

Ghi mẫu danh sách đăng ký mà Sở gửi kèm văn bản: tiêu đề (DANH SÁCH ĐĂNG KÝ MÔ HÌNH, SÁNG KIẾN,
CÁCH LÀM HAY TRONG CẢI CÁCH HÀNH CHÍNH NĂM …), dòng ghi tên cơ quan, đơn vị, số và ngày văn bản,
dòng tiêu đề các cột, danh sách chọn cho Loại và Lĩnh vực CCHC, và các dòng đánh số sẵn. Trong đợt
mỗi xã, phường có chỉ tiêu riêng, mẫu hướng dẫn ghi cột Cơ quan/đơn vị chủ trì (xlsx: lời nhắc khi
chọn ô; csv và docx: một dòng dưới bảng, dòng này không bị nhập như một mô hình). Tệp đã điền được
nhập lại bằng: cchc import registrations TỆP.

Tùy chọn:
  -o TỆP              tệp ghi ra (mặc định: mau-dang-ky.xlsx; "-" để in ra màn hình)
  --format F          xlsx (mặc định), csv (UTF-8 có BOM cho Excel) hoặc docx (Word)
  --campaign NĂM      đợt đăng ký của năm (mặc định: đợt mới nhất)
  --force             ghi đè tệp đã có (mặc định: không ghi đè; không bao giờ ghi đè tệp dữ liệu)
`, `Usage: cchc template [-o mau-dang-ky.xlsx] [--format xlsx|csv|docx] [--campaign YEAR] [--force]

Writes the registration template the Department sends with its letter: a title block (the list's
heading, lines for the agency's name and the letter's number and date), the header row of the
columns, drop-down lists for Kind and Reform area, and numbered empty rows. In a campaign that
judges communes and wards directly, it says what goes in the Lead unit column (xlsx: a prompt on
its cells; csv and docx: a line under the table, which import does not take for a registration).
A filled-in copy is read back with: cchc import registrations FILE.

Options:
  -o FILE             the file to write (default: mau-dang-ky.xlsx; "-" for standard output)
  --format F          xlsx (default), csv (UTF-8 with BOM for Excel) or docx (Word)
  --campaign YEAR     the campaign of that year (default: the latest)
  --force             overwrite an existing file (default: keep it; a database is never overwritten)
`)+"\n"+l.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(l))
}
