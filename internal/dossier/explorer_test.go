package dossier_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"

	"cchc/internal/book"
	"cchc/internal/dossier"
	"cchc/internal/lang"
	"cchc/internal/tooltest"
	"cchc/internal/vndate"
)

// Windows' own zip tool (Explorer's "Extract all") cannot run here; these
// are what it needs of every entry, each a way a zip made elsewhere fails
// on a clerk's machine: names garbled (no UTF-8 flag, NFD), an entry it
// refuses or cannot create (reserved, trailing dot, forbidden character,
// too long), or one it places outside the folder.

var reservedNames = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}

func init() {
	for _, d := range []string{"COM", "LPT"} {
		for i := '1'; i <= '9'; i++ {
			reservedNames[d+string(i)] = true
		}
	}
}

// explorerPathProblems says what is wrong, for Explorer, with one path in
// a zip ("" when nothing). dir: the entry is a folder ("name/").
func explorerPathProblems(name string) []string {
	var out []string
	bad := func(s string) { out = append(out, s) }
	p := strings.TrimSuffix(name, "/")
	if strings.Contains(name, `\`) {
		bad(`'\' separator`)
	}
	if strings.HasPrefix(name, "/") || (len(name) > 1 && name[1] == ':') {
		bad("absolute path")
	}
	if !norm.NFC.IsNormalString(name) {
		bad("not NFC")
	}
	if n := len(utf16.Encode([]rune(p))); n > dossier.MaxPath {
		bad("longer than 240 characters")
	}
	for _, part := range strings.Split(p, "/") {
		switch {
		case part == "":
			bad("empty name part")
		case part == "." || part == "..":
			bad("'" + part + "' part")
		case strings.HasSuffix(part, ".") || strings.HasSuffix(part, " "):
			bad("part " + part + " ends in a dot or space")
		}
		stem := strings.ToUpper(part)
		if i := strings.IndexByte(stem, '.'); i >= 0 {
			stem = stem[:i]
		}
		if reservedNames[strings.TrimSpace(stem)] {
			bad("reserved name " + part)
		}
		if strings.ContainsFunc(part, func(r rune) bool { return strings.ContainsRune(`<>:"|?*`, r) || unicode.IsControl(r) }) {
			bad("forbidden character in " + part)
		}
	}
	return out
}

// checkExplorer fails the test for each entry of the zip Explorer would
// mishandle.
func checkExplorer(t *testing.T, raw []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		for _, p := range explorerPathProblems(f.Name) {
			t.Errorf("%q: %s", f.Name, p)
		}
		if strings.ContainsFunc(f.Name, func(r rune) bool { return r > 127 }) && f.Flags&0x800 == 0 {
			t.Errorf("%q: non-ASCII name without the UTF-8 flag (bit 11)", f.Name)
		}
		// every folder listed before what it holds
		dir := strings.TrimSuffix(f.Name, "/")
		for i := strings.LastIndexByte(dir, '/'); i > 0; i = strings.LastIndexByte(dir, '/') {
			dir = dir[:i]
			if !seen[dir+"/"] {
				t.Errorf("%q comes before its folder %q", f.Name, dir+"/")
			}
		}
		seen[f.Name] = true
		for extra := f.Extra; len(extra) >= 4; {
			id, size := binary.LittleEndian.Uint16(extra), int(binary.LittleEndian.Uint16(extra[2:]))
			if id == 0x0001 {
				t.Errorf("%q: a zip64 field in a small zip", f.Name)
			}
			extra = extra[min(4+size, len(extra)):]
		}
	}
	if bytes.Contains(raw[max(len(raw)-4096, 0):], []byte("PK\x06\x06")) {
		t.Error("a zip64 end record in a small zip")
	}
	return names
}

// hostileDossier is the dossier of a book whose files have every kind of
// name Explorer would stumble on.
func hostileDossier(t *testing.T) []byte {
	t.Helper()
	s := open(t, filepath.Join(t.TempDir(), "cchc.db"))
	ctx := context.Background()
	c, err := s.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	l, r := letter(t, s, c, "Huyện Đức Thọ", "Một cửa liên thông")
	for i, name := range []string{
		"../../../etc/Công văn 312.pdf", `C:\Windows\CON.pdf`, "aux.txt", "LPT1 .pdf", "Com9.tên.pdf",
		`Quyết định: số 1?.pdf`, `a<b>c"d|e*.pdf`, "tên \x01 có\tkí tự.pdf", "Quye\u0301t đi\u0323nh.pdf", // NFD
		"tên cuối. .pdf", long, strings.ToUpper(long), "bình thường.pdf",
	} {
		id, reg := l, int64(0)
		if i%2 == 1 {
			id, reg = 0, r
		}
		content := pdf(name)
		if strings.HasSuffix(name, ".txt") {
			content = []byte("văn bản " + name)
		}
		if _, err := s.Attach(ctx, id, reg, book.NewFile{Name: name, Content: content}); err != nil {
			t.Fatalf("attach %q: %v", name, err)
		}
	}
	var buf bytes.Buffer
	n, err := dossier.Write(ctx, s, 2023, lang.VI, vndate.Of(2023, 4, 5), &buf)
	if err != nil || n != 13 {
		t.Fatalf("Write = %d, %v", n, err)
	}
	return buf.Bytes()
}

const long = "Báo cáo kết quả thực hiện mô hình Báo cáo kết quả thực hiện mô hình Báo cáo kết quả thực hiện mô hình " +
	"Báo cáo kết quả thực hiện mô hình Báo cáo kết quả thực hiện mô hình Báo cáo kết quả thực hiện mô hình .pdf"

func TestDossierOpensInExplorer(t *testing.T) {
	raw := hostileDossier(t)
	names := checkExplorer(t, raw)
	if len(names) != 13+1+3 { // the files, their folder, the three documents
		t.Errorf("entries %q", names)
	}

	// an agency's long name and a long file's name keep the path short
	for _, e := range dossier.Plan([]book.FileRow{
		{AgencyID: 1, Agency: strings.Repeat("Ủy ban nhân dân xã Thạch Hà ", 10), Name: long},
		{AgencyID: 1, Agency: strings.Repeat("Ủy ban nhân dân xã Thạch Hà ", 10), Name: long},
		{AgencyID: 2, Agency: "Sở Y tế.", Name: "x" + strings.Repeat(" .", 150) + ".pdf"},
	}) {
		for _, p := range explorerPathProblems(e.Path) {
			t.Errorf("Plan: %q: %s", e.Path, p)
		}
	}

	// unpacked here (on Windows, by the Windows suite under wine): every
	// entry a file or folder the system makes, its content whole
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range zr.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if strings.HasSuffix(f.Name, "/") {
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatalf("folder %q: %v", f.Name, err)
			}
			continue
		}
		if err := os.WriteFile(p, readEntry(t, f), 0o600); err != nil {
			t.Fatalf("file %q: %v", f.Name, err)
		}
	}
	if entries, err := os.ReadDir(filepath.Join(dir, "001 Huyện Đức Thọ")); err != nil || len(entries) != 13 {
		t.Errorf("unpacked %d files (%v), want 13", len(entries), err)
	}
}

// Info-ZIP's unzip and Python's zipfile read the dossier: every name, every
// file's CRC.
func TestDossierReadByUnzipAndPython(t *testing.T) {
	unzip := tooltest.Need(t, "list and unpack the dossier with Info-ZIP (Debian: unzip)", "unzip")
	python := tooltest.Need(t, "read the dossier with Python's zipfile (Debian: python3)", "python3")
	raw := hostileDossier(t)
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	path := filepath.Join(t.TempDir(), "HO-SO.zip")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(unzip, "-l", path).CombinedOutput()
	if err != nil {
		t.Fatalf("unzip -l: %v\n%s", err, out)
	}
	for _, n := range names {
		if !strings.Contains(string(out), strings.TrimSuffix(n, "/")) {
			t.Errorf("unzip -l does not list %q:\n%s", n, out)
		}
	}
	dir := t.TempDir()
	if out, err := exec.Command(unzip, "-qq", path, "-d", dir).CombinedOutput(); err != nil {
		t.Fatalf("unzip: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "001 Huyện Đức Thọ", "bình thường.pdf")); err != nil {
		t.Errorf("unpacked: %v", err)
	}
	out, err = exec.Command(python, "-c", `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
if bad: sys.exit("bad CRC: " + bad)
print("\n".join(z.namelist()))`, path).CombinedOutput()
	if err != nil {
		t.Fatalf("python zipfile: %v\n%s", err, out)
	}
	if got := strings.Split(strings.TrimSpace(string(out)), "\n"); strings.Join(got, "|") != strings.Join(names, "|") {
		t.Errorf("python reads the names\n%q\nwant\n%q", got, names)
	}
}
