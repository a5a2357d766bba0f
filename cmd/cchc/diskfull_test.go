package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/tooltest"
)

// A disk that fills up during a report (csv, pdf, xlsx), a template, a
// backup or a change to the book is told as such, naming the file and the
// room left, in both languages; no file or temporary file is left and the
// book is intact (issue 22, point 13). It was "an unexpected error".
func TestFullDiskIsToldAsSuch(t *testing.T) {
	disk := tooltest.TinyDisk(t, 1<<20)
	book := filepath.Join(t.TempDir(), "cchc.db")
	output(t, "--db", book, "demo")
	filler := tooltest.FillDisk(t, disk, 0)
	in := func(name string) string { return filepath.Join(disk, name) }
	for _, args := range [][]string{
		{"report", "registrations", "--format", "xlsx", "-o", in("ds.xlsx")},
		{"report", "registrations", "--format", "csv", "-o", in("ds.csv")},
		{"report", "status", "--format", "pdf", "-o", in("tinh-hinh.pdf")},
		{"template", "-o", in("mau.xlsx")},
		{"backup", in("sao-luu.db")},
	} {
		file := args[len(args)-1]
		for _, l := range []struct{ flag, full, free string }{
			{"vi", "Ổ đĩa đã đầy khi ghi " + file + " (còn trống ", "không ghi được, những gì đã có vẫn nguyên"},
			{"en", "The disk is full: " + file + " could not be written (", "bytes free); nothing was written"},
		} {
			code, out, errs := cchc(t, append([]string{"--db", book, "--lang", l.flag}, args...)...)
			if code != exitFailure || !strings.Contains(errs, l.full) || !strings.Contains(errs, l.free) || strings.Contains(errs, "không mong đợi") || strings.Contains(errs, "unexpected") {
				t.Errorf("%v (%s): exit %d\n%s%s", args, l.flag, code, out, errs)
			}
		}
	}
	entries, err := os.ReadDir(disk)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("left on the full disk: %v", entries)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	output(t, "--db", book, "report", "registrations", "--format", "xlsx", "-o", in("ds.xlsx"))

	// the book itself on a disk that fills up while a change is written
	disk = tooltest.TinyDisk(t, 2<<20)
	book = filepath.Join(disk, "cchc.db")
	output(t, "--db", book, "status")
	tooltest.FillDisk(t, disk, 48<<10) // room to open it, not to write a campaign
	for _, l := range []struct{ flag, full string }{
		{"vi", "Ổ đĩa đã đầy khi ghi " + book + " (còn trống "},
		{"en", "The disk is full: " + book + " could not be written ("},
	} {
		code, out, errs := cchc(t, "--db", book, "--lang", l.flag, "campaign", "new", "--year", "2027", "--deadline", "31/12/2027")
		if code != exitFailure || !strings.Contains(errs, l.full) {
			t.Errorf("campaign new (%s): exit %d\n%s%s", l.flag, code, out, errs)
		}
	}
	if out := output(t, "--db", book, "campaign", "list"); strings.Contains(out, "2027") {
		t.Errorf("half a campaign written:\n%s", out)
	}
	output(t, "--db", book, "check")
}
