package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"cchc/internal/store/sqlite"
	"cchc/internal/tooltest"
)

// The catalogue of bad input: each case is given to the command line as a
// clerk would, and must fail with a clear message in Vietnamese and leave
// everything as it was: the book's bytes and row counts, and any file the
// case points at. Cases that need file permissions skip as root, which
// ignores them.

const goodCSV = "STT,Tên mô hình,Loại,Lĩnh vực,Thời gian thực hiện\n1,Một cửa điện tử,Mô hình,Thủ tục hành chính,Quý II/2023\n"

// badCase is one entry of the catalogue. setup prepares files in dir and
// returns the arguments; db is a book holding one registration.
type badCase struct {
	name  string
	setup func(t *testing.T, dir, db string) []string
	code  int    // expected exit code
	want  string // in the message on stderr
	user  bool   // needs a non-root user (file permissions)
	slow  bool   // skipped with -short
}

func write(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func importArgs(db, file string, extra ...string) []string {
	return append([]string{"--db", db, "import", "registrations", file, "--agency", "Sở Y tế", "--received", "01/03/2023"}, extra...)
}

// zipBomb is an XLSX whose sheet unzips to more than the importer allows,
// built from one compressed MiB repeated (fast, and small on disk).
func zipBomb(t *testing.T, path string, lying bool) string {
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
	n := 80 // MiB, above importer.MaxUnzipped
	comp := append(bytes.Repeat(b.Bytes(), n), 0x03, 0x00)
	var crc uint32
	for range n {
		crc = crc32.Update(crc, crc32.IEEETable, block)
	}
	declared := uint64(n * chunk)
	if lying {
		declared = 1000
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"} {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
			CompressedSize64: uint64(len(comp)), UncompressedSize64: declared})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(comp); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return write(t, path, out.Bytes())
}

// sqliteExec runs query on the SQLite file at path behind cchc's back.
func sqliteExec(t *testing.T, path, query string) {
	t.Helper()
	o, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.Exec(query); err != nil {
		t.Fatal(err)
	}
	if err := o.Close(); err != nil {
		t.Fatal(err)
	}
}

// makeBook makes a database at path (a file or postgres://) holding one
// imported registration.
func makeBook(t *testing.T, path string) {
	t.Helper()
	csv := write(t, filepath.Join(t.TempDir(), "book.csv"), []byte(goodCSV))
	if code, _, errs := cchc(t, importArgs(path, csv)...); code != 0 {
		t.Fatalf("making the book: %s", errs)
	}
	os.Remove(csv)
}

// fingerprint is what must not change: the file's bytes and, when it opens
// as a book, its row counts.
func fingerprint(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		return "absent"
	}
	fp := fmt.Sprintf("%x", sha256.Sum256(data))
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return fp
	}
	defer db.Close()
	for _, table := range []string{"agency", "submission", "registration", "history"} {
		var n int
		if db.QueryRow("SELECT count(*) FROM "+table).Scan(&n) == nil {
			fp += fmt.Sprintf(" %s=%d", table, n)
		}
	}
	return fp
}

func catalogue() []badCase {
	imp := func(name, file, content, want string) badCase {
		return badCase{name: name, code: 1, want: want, setup: func(t *testing.T, dir, db string) []string {
			return importArgs(db, write(t, filepath.Join(dir, file), []byte(content)))
		}}
	}
	flagCase := func(name string, code int, want string, args ...string) badCase {
		return badCase{name: name, code: code, want: want, setup: func(t *testing.T, dir, db string) []string {
			return append([]string{"--db", db}, args...)
		}}
	}
	dbFile := func(name string, code int, want string, make func(t *testing.T, dir, db string) string, args ...string) badCase {
		return badCase{name: name, code: code, want: want, setup: func(t *testing.T, dir, db string) []string {
			return append([]string{"--db", make(t, dir, db)}, args...)
		}}
	}
	long := strings.Repeat("Mô hình dài ", 60)
	return []badCase{
		// text and values in an imported file
		imp("invalid UTF-8", "bad.csv", "STT,Tên mô hình,Loại,Lĩnh vực\n1,Sai \xff\xfe mã,Mô hình,Thủ tục hành chính\n", "không phải văn bản UTF-8"),
		imp("over-long title", "long.csv", "STT,Tên mô hình,Loại,Lĩnh vực\n1,"+long+",Mô hình,Thủ tục hành chính\n", "quá dài"),
		imp("empty title", "empty.csv", "STT,Tên mô hình,Loại,Lĩnh vực\n1,,Mô hình,Thủ tục hành chính\n", "không được để trống"),
		imp("title only control characters", "ctl.csv", "STT,Tên mô hình,Loại,Lĩnh vực\n1,\x1b[2J\x07,Mô hình,Thủ tục hành chính\n", "không được để trống"),
		imp("unknown kind", "kind.csv", "STT,Tên mô hình,Loại,Lĩnh vực\n1,Một cửa,Bài thơ,Thủ tục hành chính\n", "Loại"),
		imp("unknown area", "area.csv", "STT,Tên mô hình,Loại,Lĩnh vực\n1,Một cửa,Mô hình,Thiên văn học\n", "Lĩnh vực"),
		flagCase("unknown report format", 2, "--format", "status", "--format", "xml"),
		imp("no header row", "nohead.csv", "a,b,c\n1,2,3\n", "tiêu đề"),
		imp("empty file", "zero.csv", "", "zero.csv là tệp trống"),
		imp("broken UTF-16", "u16.csv", "\xff\xfeS\x00T\x00T", "Không tìm thấy dòng tiêu đề"),
		imp("text named .xlsx", "fake.xlsx", goodCSV, "Excel"),
		imp("old Excel .xls", "old.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel cũ"),
		imp("old Excel renamed .xlsx", "renamed.xlsx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Excel cũ (.xls"),
		imp("password-protected workbook", "locked.xlsx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"+utf16("EncryptionInfo")+utf16("EncryptedPackage"), "được đặt mật khẩu"),
		imp("impossible letter date", "date.csv", "Ngày: 31/02/2023\nSTT,Tên mô hình,Loại,Lĩnh vực\n1,Một cửa,Mô hình,Thủ tục hành chính\n", `Dòng 1: Ngày văn bản "31/02/2023": không phải ngày có thật`),
		imp("impossible letter date in words", "date2.csv", "\"Hà Tĩnh, ngày 31 tháng 2 năm 2023\"\nSTT,Tên mô hình,Loại,Lĩnh vực\n1,Một cửa,Mô hình,Thủ tục hành chính\n", "không phải ngày có thật"),
		imp("bidi override in a title", "bidi.csv", "STT,Tên mô hình,Loại,Lĩnh vực\n1,\u202e\u2066\u200b,Mô hình,Thủ tục hành chính\n", "không được để trống"),
		imp("Word document", "letter.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "tệp Word"),
		imp("PNG named .csv", "image.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "UTF-8"),
		imp("damaged zip named .xlsx", "broken.xlsx", "PK\x03\x04garbage", "Excel"),
		{name: "XLSX zip bomb", code: 1, want: "quá lớn", setup: func(t *testing.T, dir, db string) []string {
			return importArgs(db, zipBomb(t, filepath.Join(dir, "bomb.xlsx"), false))
		}},
		{name: "XLSX zip bomb lying about its size", code: 1, want: "Không đọc được tệp Excel", setup: func(t *testing.T, dir, db string) []string {
			return importArgs(db, zipBomb(t, filepath.Join(dir, "liar.xlsx"), true))
		}},
		{name: "gigantic CSV line", code: 1, want: "quá lớn", setup: func(t *testing.T, dir, db string) []string {
			return importArgs(db, write(t, filepath.Join(dir, "huge.csv"), append([]byte("STT,Tên mô hình\n1,"), bytes.Repeat([]byte("x"), 33<<20)...)))
		}},
		{name: "too many rows", code: 1, want: "quá lớn", setup: func(t *testing.T, dir, db string) []string {
			return importArgs(db, write(t, filepath.Join(dir, "rows.csv"), bytes.Repeat([]byte("1,a\n"), 20010)))
		}},
		{name: "a folder as the file", code: 1, want: "thư mục", setup: func(t *testing.T, dir, db string) []string {
			if err := os.Mkdir(filepath.Join(dir, "folder.csv"), 0o700); err != nil {
				t.Fatal(err)
			}
			return importArgs(db, filepath.Join(dir, "folder.csv"))
		}},
		{name: "missing file", code: 1, want: "Không có tệp", setup: func(t *testing.T, dir, db string) []string {
			return importArgs(db, filepath.Join(dir, "nowhere.csv"))
		}},
		{name: "file name with an escape sequence", code: 1, want: "Không có tệp", setup: func(t *testing.T, dir, db string) []string {
			return importArgs(db, filepath.Join(dir, "x\x1b[2J\x1b]0;pwn\x07.csv"))
		}},
		flagCase("option value with an escape sequence", 2, "Không có tùy chọn", "status", "--\x1b[2J"),
		{name: "unreadable file", code: 1, want: "Không mở được tệp", user: true, setup: func(t *testing.T, dir, db string) []string {
			p := write(t, filepath.Join(dir, "secret.csv"), []byte(goodCSV))
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			return importArgs(db, p)
		}},
		{name: "hostile SQL as agency", code: 1, want: "không tìm thấy", setup: func(t *testing.T, dir, db string) []string {
			return []string{"--db", db, "import", "registrations", write(t, filepath.Join(dir, "ok.csv"), []byte(goodCSV)),
				"--agency", "Sở X'); DROP TABLE agency; --", "--received", "01/03/2023"}
		}},
		// dates and numbers on the command line
		{name: "31/02/2023", code: 2, want: "không phải ngày có thật", setup: func(t *testing.T, dir, db string) []string {
			return []string{"--db", db, "import", "registrations", write(t, filepath.Join(dir, "ok.csv"), []byte(goodCSV)), "--agency", "Sở Y tế", "--received", "31/02/2023"}
		}},
		{name: "a far year", code: 2, want: "năm phải từ", setup: func(t *testing.T, dir, db string) []string {
			return []string{"--db", db, "import", "registrations", write(t, filepath.Join(dir, "ok.csv"), []byte(goodCSV)), "--agency", "Sở Y tế", "--received", "01/03/1850"}
		}},
		{name: "received in the future", code: 1, want: "tương lai", setup: func(t *testing.T, dir, db string) []string {
			return []string{"--db", db, "import", "registrations", write(t, filepath.Join(dir, "ok.csv"), []byte(goodCSV)), "--agency", "Sở Y tế", "--received", "01/03/2099"}
		}},
		{name: "not a date", code: 2, want: "dd/mm/yyyy", setup: func(t *testing.T, dir, db string) []string {
			return []string{"--db", db, "import", "registrations", write(t, filepath.Join(dir, "ok.csv"), []byte(goodCSV)), "--agency", "Sở Y tế", "--received", "hôm qua"}
		}},
		flagCase("status as of 29/02/2023", 2, "không phải ngày có thật", "status", "--as-of", "29/02/2023"),
		flagCase("campaign year far off", 2, "cần năm", "status", "--campaign", "1800"),
		flagCase("campaign that does not exist", 1, "Không có đợt đăng ký năm 2031", "status", "--campaign", "2031"),
		flagCase("negative history limit", 2, "--limit", "history", "--limit", "-1"),
		flagCase("history of an unknown agency, hostile", 1, "Không có cơ quan", "history", "--agency", "'; DROP TABLE history; --"),
		flagCase("unknown option", 2, "Không có tùy chọn", "status", "--format-x", "json"),
		flagCase("unknown language", 2, "vi|en", "--lang", "fr", "status"),
		flagCase("unknown command", 2, "Không có lệnh", "erase-everything"),
		// backups
		{name: "backup over an existing file", code: 1, want: "đã có", setup: func(t *testing.T, dir, db string) []string {
			return []string{"--db", db, "backup", write(t, filepath.Join(dir, "keep.db"), []byte("bản cũ, phải giữ nguyên"))}
		}},
		{name: "backup into a missing folder", code: 1, want: "Không tạo được tệp sao lưu", setup: func(t *testing.T, dir, db string) []string {
			return []string{"--db", db, "backup", filepath.Join(dir, "no", "such", "b.db")}
		}},
		{name: "backup into a folder without write permission", code: 1, want: "Không tạo được tệp sao lưu", user: true, setup: func(t *testing.T, dir, db string) []string {
			ro := filepath.Join(dir, "ro")
			if err := os.Mkdir(ro, 0o500); err != nil {
				t.Fatal(err)
			}
			return []string{"--db", db, "backup", filepath.Join(ro, "b.db")}
		}},
		// database files
		dbFile("database that is a text file", 1, "không phải tệp dữ liệu cchc", func(t *testing.T, dir, db string) string {
			return write(t, filepath.Join(dir, "notes.db"), []byte("Danh sách đăng ký\n"))
		}, "status"),
		dbFile("truncated database", 1, "hỏng", func(t *testing.T, dir, db string) string {
			data := readFile(t, db)
			return write(t, filepath.Join(dir, "cut.db"), []byte(data[:len(data)/3]))
		}, "status"),
		dbFile("database with corrupted pages", 1, "hỏng", func(t *testing.T, dir, db string) string {
			bad := []byte(readFile(t, db))
			for i := 4096; i < len(bad); i += 7 {
				bad[i] ^= 0x5a // every page after the first scrambled
			}
			return write(t, filepath.Join(dir, "corrupt.db"), bad)
		}, "check"),
		dbFile("header only", 1, "không phải tệp dữ liệu cchc", func(t *testing.T, dir, db string) string {
			return write(t, filepath.Join(dir, "short.db"), []byte("SQLite format"))
		}, "status"),
		dbFile("another program's SQLite database", 1, "không phải tệp dữ liệu cchc", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "other.db")
			sqliteExec(t, p, "CREATE TABLE photos (x); INSERT INTO photos VALUES (1)")
			return p
		}, "status"),
		dbFile("schema from a newer cchc", 1, "phiên bản cchc mới hơn", func(t *testing.T, dir, db string) string {
			sqliteExec(t, db, "PRAGMA user_version = 99")
			return db
		}, "status"),
		dbFile("a folder as the database", 1, "là một thư mục", func(t *testing.T, dir, db string) string {
			return dir
		}, "status"),
		{name: "read-only database, write command", code: 1, want: "chỉ cho phép đọc", user: true, setup: func(t *testing.T, dir, db string) []string {
			if err := os.Chmod(db, 0o400); err != nil {
				t.Fatal(err)
			}
			return importArgs(db, write(t, filepath.Join(dir, "ok.csv"), []byte(goodCSV)))
		}},
		{name: "new database in a folder without write permission", code: 1, want: "Không tạo được tệp dữ liệu", user: true,
			setup: func(t *testing.T, dir, db string) []string {
				ro := filepath.Join(dir, "locked")
				if err := os.Mkdir(ro, 0o500); err != nil {
					t.Fatal(err)
				}
				return []string{"--db", filepath.Join(ro, "cchc.db"), "status"}
			}},
		{name: "database locked by another program for long", code: 1, want: "giữ quá lâu", slow: true,
			setup: func(t *testing.T, dir, db string) []string {
				o, err := sql.Open("sqlite", "file:"+db+"?_txlock=exclusive")
				if err != nil {
					t.Fatal(err)
				}
				tx, err := o.Begin()
				if err != nil {
					t.Fatal(err)
				}
				if _, err := tx.Exec("CREATE TABLE hold (x)"); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { tx.Rollback(); o.Close() })
				old := sqlite.WriteWait
				sqlite.WriteWait = time.Second
				t.Cleanup(func() { sqlite.WriteWait = old })
				return importArgs(db, write(t, filepath.Join(dir, "ok.csv"), []byte(goodCSV)))
			}},
	}
}

func TestBadInputCatalogue(t *testing.T) {
	base := filepath.Join(t.TempDir(), "base.db")
	makeBook(t, base)
	baseData := []byte(readFile(t, base))
	cases := catalogue()
	t.Logf("%d bad inputs in the catalogue", len(cases))
	if len(cases) < 40 {
		t.Fatalf("the catalogue has only %d cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.user && runtime.GOOS == "windows" {
				t.Skip("file permissions are a Unix matter")
			}
			if tc.user && tooltest.Unprivileged(t) {
				return // run again as a user who is not root, who ignores file permissions
			}
			if tc.slow && testing.Short() {
				t.Skip("waits for a lock; skipped with -short")
			}
			dir := t.TempDir()
			db := write(t, filepath.Join(dir, "cchc.db"), baseData)
			t.Cleanup(func() { os.Chmod(db, 0o600) })
			args := tc.setup(t, dir, db)
			watched := map[string]string{}
			for _, a := range append([]string{db}, args...) {
				if info, err := os.Stat(a); err == nil && !info.IsDir() && info.Size() < 1<<20 {
					watched[a] = fingerprint(t, a)
				}
			}
			code, out, errs := cchc(t, args...)
			if code != tc.code || !strings.Contains(errs+out, tc.want) {
				t.Fatalf("exit %d (want %d), message %q (want %q)", code, tc.code, strings.TrimSpace(errs), tc.want)
			}
			if !strings.HasPrefix(errs, "cchc: ") && !strings.Contains(errs, "\ncchc: ") {
				t.Fatalf("no clerk's message on stderr: %q", errs)
			}
			if strings.ContainsAny(errs+out, "\x1b\x07") {
				t.Fatalf("control characters reached the terminal: %q", errs)
			}
			for path, before := range watched {
				if after := fingerprint(t, path); after != before {
					t.Fatalf("%s changed:\n before %s\n after  %s", filepath.Base(path), before, after)
				}
			}
		})
	}
}

// utf16 is s as the UTF-16 of an OLE directory entry.
func utf16(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		b.WriteByte(0)
	}
	return b.String()
}

// hidden is what must never come out of cchc: escape sequences, bells, bidi
// controls that reverse a name, zero-width spaces.
const hidden = "\x1b\x07\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b"

// Hostile strings that are valid data are stored as data: the SQL is
// parameterised, and escape sequences and bidi controls never come back out.
func TestHostileDataIsStoredAsDataAndPrintedHarmlessly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	makeBook(t, db)
	hostile := "Robert'); DROP TABLE registration; --\x1b[2J\x1b]0;owned\x07\u202e\u2066\u200b"
	csv := write(t, filepath.Join(dir, "h.csv"), []byte("STT,Tên mô hình,Loại,Lĩnh vực\n1,\""+hostile+"\",Mô hình,Thủ tục hành chính\n"))
	if code, _, errs := cchc(t, importArgs(db, csv)...); code != 0 {
		t.Fatal(errs)
	}
	// and some written behind cchc's back, straight into the file
	sqliteExec(t, db, "UPDATE agency SET name = 'Sở Y tế\x1b[2J\x1b[31m\u202e\u2067' WHERE name = 'Sở Y tế'")
	for _, args := range [][]string{
		{"status"}, {"status", "--format", "md"}, {"status", "--format", "csv"}, {"status", "--format", "json"},
		{"history"}, {"report", "registrations", "--format", "md", "-o", filepath.Join(dir, "r.md")},
		{"report", "missing", "--format", "html", "-o", filepath.Join(dir, "r.html")},
	} {
		code, out, errs := cchc(t, append([]string{"--db", db}, args...)...)
		if strings.ContainsAny(out+errs, hidden) {
			t.Fatalf("%v let an escape sequence or a bidi control through (exit %d): %q", args, code, out+errs)
		}
		// harmless by failing is no pass: each command must still do its work
		if code != 0 {
			t.Fatalf("%v failed on hostile data (exit %d): %s", args, code, errs)
		}
		if args[0] == "status" && !strings.Contains(out, "Sở Y tế") {
			t.Fatalf("%v lost the unit named behind cchc's back:\n%s", args, out)
		}
		if len(args) > 2 && args[2] == "json" && !json.Valid([]byte(out)) {
			t.Fatalf("status --format json is not JSON:\n%s", out)
		}
	}
	for _, f := range []string{"r.md", "r.html"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || bytes.ContainsAny(data, hidden) {
			t.Fatalf("%s: %v, or an escape sequence in it", f, err)
		}
	}
	if data := readFile(t, filepath.Join(dir, "r.md")); !strings.Contains(data, "Robert'); DROP TABLE registration; --") {
		t.Fatalf("the hostile title is not in the report:\n%s", data)
	}
	code, out, _ := cchc(t, "--db", db, "check")
	if code != 1 || !strings.Contains(out, "ký tự điều khiển") {
		t.Fatalf("check did not report the text written behind its back: %d\n%s", code, out)
	}
}

// Every file cchc creates (the book, backups, reports, templates) is
// readable by its owner only.
func TestFilesCreatedArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are a Unix matter")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "cchc.db")
	makeBook(t, db)
	for _, args := range [][]string{
		{"backup", filepath.Join(dir, "copy.db")},
		{"backup"},
		{"template", "-o", filepath.Join(dir, "mau.xlsx")},
		{"template", "--format", "csv", "-o", filepath.Join(dir, "mau.csv")},
		{"report", "status", "--format", "md", "-o", filepath.Join(dir, "bao-cao.md")},
		{"report", "registrations", "--format", "xlsx", "-o", filepath.Join(dir, "ds.xlsx")},
	} {
		if code, _, errs := cchc(t, append([]string{"--db", db}, args...)...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 7 {
		t.Fatalf("files made: %v", files)
	}
	for _, f := range files {
		if info, err := os.Stat(f); err == nil && info.Mode().IsRegular() && info.Mode().Perm() != 0o600 {
			t.Errorf("%s is %v, want 0600", filepath.Base(f), info.Mode().Perm())
		}
	}
}
