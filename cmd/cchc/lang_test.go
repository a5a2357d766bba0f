package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLangAfterTheCommandName: --lang works on either side of a command's
// name, as --db and --log do. Commands took their language before parsing
// their own flags, so `cchc report --lang en` answered in Vietnamese.
func TestLangAfterTheCommandName(t *testing.T) {
	for _, args := range [][]string{
		{"report"},
		{"report", "nosuch"},
		{"report", "status", "--format", "bogus"},
		{"status", "--format", "bogus"},
		{"dossier"},
		{"files", "get"},
		{"campaign", "quota"},
		{"agency", "merge"},
		{"import", "registrations"},
		{"attach"},
		{"restore"},
		{"copy"},
		{"undo"},
		{"template"},
		{"history", "--limit", "x"},
		{"help", "report"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			runIn := func(args ...string) (int, string) {
				dir := t.TempDir()
				code, out, errs := cchc(t, append([]string{"--db", filepath.Join(dir, "so.db")}, args...)...)
				return code, strings.ReplaceAll(out+errs, dir, "DIR")
			}
			viCode, vi := runIn(args...)
			enCode, en := runIn(append([]string{"--lang", "en"}, args...)...)
			afterCode, after := runIn(append(args, "--lang", "en")...)
			if en == vi {
				t.Fatalf("the case says the same in both languages, so it tests nothing: %q", en)
			}
			if afterCode != enCode || after != en {
				t.Errorf("--lang en after the name: exit %d %q\nbefore it: exit %d %q\n(vi: exit %d)", afterCode, after, enCode, en, viCode)
			}
		})
	}
}

// "cchc help --lang en" printed the help with an error and exit 2: the
// option was taken for the topic.
func TestHelpTakesTheLanguageAnywhere(t *testing.T) {
	for _, args := range [][]string{{"help", "--lang", "en"}, {"help", "--lang", "en", "report"}, {"help", "report", "--lang=en"}} {
		code, out, errs := cchc(t, args...)
		if code != 0 || errs != "" || !strings.Contains(out, "Usage:") {
			t.Errorf("%q: exit %d, %q\n%.200s", args, code, errs, out)
		}
	}
}
