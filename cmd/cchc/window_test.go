package main

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"

	"cchc/internal/console"
)

// Started by a double-click, the window closes with cchc: a message cchc
// ends with waits for Enter; from a terminal it does not.
func TestAMessageWaitsForEnterWhenTheWindowIsCchcsAlone(t *testing.T) {
	folder := t.TempDir() // a folder is no book: refused with a message
	for _, tc := range []struct {
		alone bool
		args  []string
		want  string
	}{
		{true, []string{"--db", folder, "status"}, "Nhấn Enter để đóng cửa sổ."},
		{true, []string{"--lang", "en", "--db", folder, "status"}, "Press Enter to close this window."},
		{true, []string{"status", "--lang=en", "--db", folder}, "Press Enter to close this window."},
		{false, []string{"--db", folder, "status"}, ""},
	} {
		was := console.Alone
		console.Alone = func() bool { return tc.alone }
		stdin := strings.NewReader("\nnot read\n")
		var out, errs bytes.Buffer
		code := runAndHold(context.Background(), tc.args, stdin, &out, &errs)
		console.Alone = was
		if code != exitFailure || !strings.Contains(errs.String(), "thư mục") && !strings.Contains(errs.String(), "folder") {
			t.Fatalf("%q: exit %d\n%s", tc.args, code, errs.String())
		}
		asked := strings.Contains(errs.String(), "Nhấn Enter") || strings.Contains(errs.String(), "Press Enter")
		switch {
		case tc.want == "" && asked:
			t.Errorf("%q from a terminal waits for Enter:\n%s", tc.args, errs.String())
		case tc.want != "" && !strings.Contains(errs.String(), tc.want):
			t.Errorf("%q: no %q:\n%s", tc.args, tc.want, errs.String())
		case tc.want != "" && stdin.Len() != len("not read\n"):
			t.Errorf("%q: Enter was not waited for (%d bytes left)", tc.args, stdin.Len())
		}
	}
}

// The help names variables as the clerk's system writes them.
func TestHelpNamesVariablesAsTheSystemDoes(t *testing.T) {
	want, not := "$CCHC_DB", "%CCHC_DB%"
	if runtime.GOOS == "windows" {
		want, not = not, want
	}
	for _, args := range [][]string{{"--help"}, {"help", "history"}, {"--lang", "en", "help", "status"}} {
		code, out, errs := cchc(t, args...)
		if code != 0 || !strings.Contains(out+errs, want) || strings.Contains(out+errs, not) {
			t.Errorf("%q: exit %d, want %s:\n%s%s", args, code, want, out, errs)
		}
	}
	if out := output(t, "help", "history"); !strings.Contains(out, console.EnvVar("CCHC_USER")) {
		t.Errorf("history help:\n%s", out)
	}
}
