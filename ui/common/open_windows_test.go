package common

import (
	"errors"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"golang.org/x/sys/windows"
)

func TestOpenFileGivesWindowsTheExactPath(t *testing.T) {
	path := `C:\Users\lan\Documents\CCHC\Báo cáo & tổng hợp %USERNAME% 100%\tình hình đăng ký.docx`
	var verb, file string
	var args *uint16
	shellExecute = func(_ windows.Handle, v, f, a, _ *uint16, _ int32) error {
		verb, file, args = windows.UTF16PtrToString(v), windows.UTF16PtrToString(f), a
		return nil
	}
	t.Cleanup(func() { shellExecute = windows.ShellExecute })
	var got error = errNotCalled
	OpenFile(path, func(err error) tea.Msg { got = err; return nil })()
	if got != nil {
		t.Fatalf("OpenFile: %v", got)
	}
	if verb != "open" || file != path || args != nil {
		t.Fatalf("ShellExecute(%q, %q, args %v), want open of %q", verb, file, args, path)
	}
}

var errNotCalled = errors.New("done not called")
