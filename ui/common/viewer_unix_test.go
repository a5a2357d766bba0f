//go:build !windows

package common_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/ui/common"
	"cchc/ui/uitest"
)

// o hands the viewer a copy under the file's own name; when no program
// opens its kind (xdg-open's exit status 3) the clerk reads so in words,
// the detail kept.
func TestViewerGetsTheFilesNameAndSaysWhyItFailed(t *testing.T) {
	tmp, bin := t.TempDir(), t.TempDir()
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(v, tmp)
	}
	t.Cleanup(common.RemoveViewerCopies)
	args := filepath.Join(bin, "args")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > '" + args + "'\nexit 3\n"
	for _, name := range []string{"xdg-open", "open"} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)
	c := uitest.Context(uitest.Data(t, uitest.Small()))
	var v common.KeptFiles
	v.Show([]book.FileRow{{ID: 3, Name: "Công văn Sở Y tế.docx", Size: 9, LetterID: 2}}, 2, "57/SYT-VP", 5, "Khám bệnh không giấy tờ")
	d := uitest.Drive(t, func(msg tea.Msg) tea.Cmd {
		if k, ok := msg.(tea.KeyMsg); ok {
			_, cmd := v.Key(c, &fileBook{}, k)
			return cmd
		}
		_, cmd := v.Update(c, msg)
		return cmd
	})
	d.Keys("o")
	got, err := os.ReadFile(args)
	if err != nil || filepath.Base(string(got)) != "Công văn Sở Y tế.docx" {
		t.Fatalf("the viewer was given %q (%v)", got, err)
	}
	shown := strings.Join(v.Lines(c, 200), "\n")
	if !strings.Contains(shown, "không có chương trình nào mở loại tệp .docx") || !strings.Contains(shown, "exit status 3") {
		t.Fatalf("a viewer's failure shows:\n%s", shown)
	}
}
