// Package files is what the book keeps of the letters themselves: the
// limits on a file kept, the check that its content is what its name says,
// and the cleaning of its name for the screen and for a zip opened on
// Windows. Pure Go.
package files

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"cchc/internal/book"
	"cchc/internal/lang"
)

const (
	// MaxSize is the most a file kept in the book may weigh: a scanned
	// letter of a few pages is 1–5 MB, a Word list far less.
	MaxSize = 25 << 20
	// MaxTotal is the most the book keeps in all, so that a SQLite book
	// stays a file that backs up and copies onto a USB stick in minutes.
	MaxTotal = 2 << 30
)

// maxNameRunes caps a kept name (NTFS allows 255 UTF-16 units a name).
const maxNameRunes = 120

// CleanName is the name a file is kept under: its last path element only
// (a name "..\..\x.pdf" or "a/b.pdf" keeps "x.pdf", "b.pdf"), NFC, without
// control or invisible characters, trimmed, at most 120 characters (the
// extension kept). "" when nothing is left.
func CleanName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.ToValidUTF8(name, "")
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, norm.NFC.String(name))
	name = strings.TrimSpace(name)
	if name == "." || name == ".." {
		return ""
	}
	if utf8.RuneCountInString(name) > maxNameRunes {
		ext := filepath.Ext(name)
		if utf8.RuneCountInString(ext) > 10 {
			ext = ""
		}
		r := []rune(strings.TrimSuffix(name, ext))
		name = strings.TrimSpace(string(r[:maxNameRunes-utf8.RuneCountInString(ext)])) + ext
	}
	return name
}

// kinds are the files the book keeps, by extension, with how their content
// starts (any of magics); csv and txt are text: valid UTF-8 (or UTF-16
// with its BOM), no NUL.
var kinds = map[string][]string{
	".pdf":  {"%PDF-"},
	".docx": {"PK\x03\x04"},
	".xlsx": {"PK\x03\x04"},
	".pptx": {"PK\x03\x04"},
	".odt":  {"PK\x03\x04"},
	".ods":  {"PK\x03\x04"},
	".zip":  {"PK\x03\x04", "PK\x05\x06"},
	".doc":  {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"},
	".xls":  {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"},
	".png":  {"\x89PNG\r\n\x1a\n"},
	".jpg":  {"\xff\xd8\xff"},
	".jpeg": {"\xff\xd8\xff"},
	".gif":  {"GIF87a", "GIF89a"},
	".tif":  {"II*\x00", "MM\x00*"},
	".tiff": {"II*\x00", "MM\x00*"},
	".csv":  nil,
	".txt":  nil,
}

// Kinds lists the extensions a kept file may have, for messages.
func Kinds() string {
	return "pdf, docx, xlsx, pptx, odt, ods, zip, doc, xls, png, jpg, gif, tif, csv, txt"
}

// CheckContent refuses a file whose content is not what its name's
// extension says (a renamed program, a "pdf" that is a Word file, a
// truncated download), or whose extension the book does not keep.
func CheckContent(name string, content []byte) error {
	ext := strings.ToLower(filepath.Ext(name))
	magics, ok := kinds[ext]
	if !ok {
		return lang.Errorf("Không lưu được tệp %s: chỉ lưu các loại tệp %s", "Cannot keep the file %s: only these kinds are kept: %s", name, Kinds())
	}
	if len(content) == 0 {
		return lang.Errorf("Tệp %s rỗng; không lưu", "The file %s is empty; not kept", name)
	}
	if magics == nil {
		if isText(content) {
			return nil
		}
	} else {
		for _, m := range magics {
			if bytes.HasPrefix(content, []byte(m)) {
				return nil
			}
		}
	}
	return lang.Errorf("Nội dung tệp %s không phải tệp %s như phần đuôi tên của nó; không lưu (hãy kiểm tra lại tệp, hoặc đặt đúng đuôi tên)",
		"The content of %s is not a %s file as its extension says; not kept (check the file, or give it the right extension)",
		name, strings.ToUpper(strings.TrimPrefix(ext, ".")))
}

func isText(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return true
	}
	return utf8.Valid(b) && bytes.IndexByte(b, 0) < 0
}

// NoName: a file's name has nothing left once cleaned.
func NoName() error {
	return lang.Errorf("Tệp không có tên dùng được; hãy đặt lại tên tệp", "The file has no usable name; rename it")
}

// CheckSize refuses a file over MaxSize, or one that would take the book
// past MaxTotal (stored: what it keeps already).
func CheckSize(name string, size, stored int64) error {
	if size > MaxSize {
		return &lang.Error{
			VI: fmt.Sprintf("Tệp %s nặng %s, quá giới hạn %s một tệp; không lưu", name, book.Size(lang.VI, size), book.Size(lang.VI, MaxSize)),
			EN: fmt.Sprintf("The file %s is %s, over the limit of %s a file; not kept", name, book.Size(lang.EN, size), book.Size(lang.EN, MaxSize))}
	}
	if stored+size > MaxTotal {
		return &lang.Error{
			VI: fmt.Sprintf("Sổ dữ liệu đã giữ %s tệp; thêm %s (%s) sẽ quá giới hạn %s; không lưu",
				book.Size(lang.VI, stored), name, book.Size(lang.VI, size), book.Size(lang.VI, MaxTotal)),
			EN: fmt.Sprintf("The book already keeps %s of files; adding %s (%s) would pass the limit of %s; not kept",
				book.Size(lang.EN, stored), name, book.Size(lang.EN, size), book.Size(lang.EN, MaxTotal))}
	}
	return nil
}

// reserved are the names Windows keeps for devices, with any extension.
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// SafeName is one element of a path in a zip that any system unpacks where
// it is told: CleanName, then no <>:"/\|?* (each made "_"), no trailing dot
// or space, no device name (CON, NUL.txt… get a "_" in front), never "",
// "." or "..". The Vietnamese letters stay.
func SafeName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, CleanName(strings.NewReplacer("/", "_", `\`, "_").Replace(name)))
	name = strings.TrimRight(name, ". ")
	if name == "" {
		return "_"
	}
	stem := strings.ToUpper(name)
	if i := strings.IndexByte(stem, '.'); i >= 0 {
		stem = stem[:i]
	}
	if reserved[strings.TrimSpace(stem)] {
		name = "_" + name
	}
	return name
}
