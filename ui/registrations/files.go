package registrations

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/files"
	"cchc/internal/lang"
	"cchc/internal/safefile"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

// The files kept with the open registration and its letter: f selects
// the next, o opens it with the system's viewer, s saves it elsewhere.

type filesView struct {
	list   []book.FileRow
	idx    int
	saving *textinput.Model // the file name asked for, while saving
	err    string
}

type fileSavedMsg struct{ path string }
type fileErrMsg struct{ err error }

// filesOf lists the files of registration r and of its letter.
func filesOf(ctx context.Context, st book.Book, r book.RegistrationRow) ([]book.FileRow, error) {
	all, err := st.Files(ctx, book.FilesQuery{AgencyID: r.AgencyID})
	if err != nil {
		return nil, err
	}
	var out []book.FileRow
	for _, f := range all {
		if f.RegistrationID == r.ID || (f.LetterID != 0 && f.LetterID == r.SubmissionID) {
			out = append(out, f)
		}
	}
	return out, nil
}

func (m *Model) fileKeys() []key.Binding {
	if len(m.files.list) == 0 {
		return nil
	}
	c := m.ctx
	return []key.Binding{
		key.NewBinding(key.WithKeys("f"), key.WithHelp("f", c.T("chọn tệp", "next file"))),
		key.NewBinding(key.WithKeys("o"), key.WithHelp("o", c.T("mở tệp", "open file"))),
		key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("lưu tệp ra", "save file as"))),
	}
}

// fileKey handles f, o and s in the reading view, and the name asked for
// while saving; it reports whether it took the key.
func (m *Model) fileKey(msg tea.KeyMsg) (bool, tea.Cmd) {
	fv := &m.files
	if fv.saving != nil {
		switch msg.Type {
		case tea.KeyEsc:
			fv.saving, fv.err = nil, ""
			return true, nil
		case tea.KeyEnter:
			path := strings.TrimSpace(fv.saving.Value())
			if path == "" {
				return true, nil
			}
			return true, m.saveFile(fv.list[fv.idx], path)
		}
		ti, cmd := common.UpdateInput(*fv.saving, msg)
		fv.saving = &ti
		return true, cmd
	}
	if len(fv.list) == 0 {
		return false, nil
	}
	switch msg.String() {
	case "f":
		fv.idx = (fv.idx + 1) % len(fv.list)
		fv.err = ""
	case "o":
		return true, m.openKept(fv.list[fv.idx])
	case "s":
		ti := common.NewInput("", 1024)
		ti.SetValue(fv.list[fv.idx].Name) // beside the program, the name it was kept under
		ti.CursorEnd()
		ti.Focus()
		fv.saving, fv.err = &ti, ""
	default:
		return false, nil
	}
	return true, nil
}

// openKept writes the file into a private temporary folder and opens it
// there. The temporary name is made of the file's number and its checked
// extension only: Windows' "start" reads a name through cmd.exe, where an
// agency's "&" or "%" in a name would be a command.
func (m *Model) openKept(f book.FileRow) tea.Cmd {
	st := m.ctx.Store
	return func() tea.Msg {
		var buf bytes.Buffer
		if _, err := st.FileContent(context.Background(), f.ID, &buf); err != nil {
			return fileErrMsg{err}
		}
		dir, err := os.MkdirTemp("", "cchc-tep-")
		if err != nil {
			return fileErrMsg{lang.Wrap(err, "Không tạo được thư mục tạm để mở tệp", "Cannot make a temporary folder to open the file")}
		}
		path := filepath.Join(dir, fmt.Sprintf("tep-%d%s", f.ID, strings.ToLower(filepath.Ext(files.SafeName(f.Name)))))
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			return fileErrMsg{lang.Wrap(err, "Không ghi được tệp tạm %s", "Cannot write the temporary file %s", path)}
		}
		return common.OpenFile(path, func(err error) tea.Msg {
			if err != nil {
				return fileErrMsg{lang.Wrap(err, "Không mở được tệp %s", "Cannot open the file %s", path)}
			}
			return nil
		})()
	}
}

// saveFile writes the file to path as cchc writes every file: atomically,
// never over an existing file or a book.
func (m *Model) saveFile(f book.FileRow, path string) tea.Cmd {
	st := m.ctx.Store
	return func() tea.Msg {
		err := safefile.WriteFile(path, false, func(w io.Writer) error {
			_, err := st.FileContent(context.Background(), f.ID, w)
			return err
		})
		if err != nil {
			return fileErrMsg{err}
		}
		abs, _ := filepath.Abs(path)
		return fileSavedMsg{abs}
	}
}

// filesLines shows the files, the selected one marked, and the name asked
// for while saving.
func (m *Model) filesLines() []string {
	fv, c, st := &m.files, m.ctx, m.ctx.Styles
	if len(fv.list) == 0 {
		return nil
	}
	lines := []string{"", " " + st.Label.Render(c.F("Tệp kèm (%d)", "Files (%d)", len(fv.list)))}
	for i, f := range fv.list {
		with := c.T("văn bản", "letter")
		if f.RegistrationID != 0 {
			with = c.T("mô hình", "registration")
		}
		mark := "  "
		if i == fv.idx {
			mark = "▸ "
			if c.ASCII {
				mark = "> "
			}
		}
		line := fmt.Sprintf(" %s%s (%s, %s)", mark, f.Name, files.Size(f.Size), with)
		lines = append(lines, vntext.Truncate(line, m.width))
	}
	if fv.saving != nil {
		lines = append(lines, " "+st.Label.Render(c.T("Lưu ra tệp: ", "Save as: "))+fv.saving.View())
	}
	if fv.err != "" {
		lines = append(lines, common.WrapLines("! "+fv.err, m.width-2, 3, " ", st.Error)...)
	}
	return lines
}
