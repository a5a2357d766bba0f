package common

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/text/unicode/norm"

	"cchc/internal/book"
	"cchc/internal/files"
	"cchc/internal/lang"
	"cchc/internal/safefile"
	"cchc/internal/vntext"
)

// KeptFiles is the files kept with a letter and one of its registrations,
// as the screens that show them list them (a registration read in full,
// an agency's letters): f selects the next, o opens it with the system's
// viewer, s saves it elsewhere, r removes it (asked first; u takes it
// back), a attaches another file, to the letter or (tab) to the
// registration.
type KeptFiles struct {
	List []book.FileRow
	idx  int

	// what a attaches to: the letter, or the registration when toReg
	letter, reg        int64
	letterNo, regTitle string
	toReg              bool
	saving, attaching  *textinput.Model // the path asked for
	err                string
}

// FileBook is what KeptFiles asks of the book: a file's content (to open
// or save it), a file attached or removed, and how much the book keeps
// since.
type FileBook interface {
	Attach(ctx context.Context, letterID, registrationID int64, f book.NewFile) (int64, error)
	RemoveFile(ctx context.Context, id int64) (book.FileRow, error)
	FileContent(ctx context.Context, id int64, w io.Writer) (book.FileRow, error)
	FilesStored(ctx context.Context) (int64, error)
}

// Messages of KeptFiles' commands, given back to it by Update.
type (
	fileSavedMsg    struct{ path string }
	fileAttachedMsg struct{ note string }
	fileRemovedMsg  struct{ note string }
	fileErrMsg      struct{ err error }
	// fileGoneMsg: the file to remove was gone already (another clerk)
	fileGoneMsg struct{ err error }
	// fileExistsMsg: the file to save to exists; retry writes over it
	fileExistsMsg struct {
		path  string
		retry tea.Cmd
	}
)

// FilesOf picks, out of all, the files of registration reg and of its
// letter.
func FilesOf(all []book.FileRow, letter, reg int64) []book.FileRow {
	var out []book.FileRow
	for _, f := range all {
		if reg != 0 && f.RegistrationID == reg || letter != 0 && f.LetterID == letter {
			out = append(out, f)
		}
	}
	return out
}

// Show lists files, for the letter (its number) and the registration (its
// title) a file is attached to; the selection stays on the same file.
func (v *KeptFiles) Show(list []book.FileRow, letter int64, letterNo string, reg int64, title string) {
	var id int64
	if v.idx < len(v.List) {
		id = v.List[v.idx].ID
	}
	if letter != v.letter || reg != v.reg {
		*v = KeptFiles{}
	}
	v.List, v.idx = list, 0
	for i, f := range list {
		if f.ID == id {
			v.idx = i
		}
	}
	v.letter, v.letterNo, v.reg, v.regTitle = letter, letterNo, reg, title
}

// Capturing reports that a path is being typed.
func (v *KeptFiles) Capturing() bool { return v.saving != nil || v.attaching != nil }

// Keys are the keys of the files, for the help line.
func (v *KeptFiles) Keys(c *Context) []key.Binding {
	if v.Capturing() {
		keys := []key.Binding{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("lưu", "save"))), c.Keys.Back}
		if v.attaching != nil && v.reg != 0 && v.letter != 0 {
			keys = append(keys, key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", c.T("kèm vào văn bản/mô hình", "to the letter/registration"))))
		}
		return keys
	}
	var keys []key.Binding
	if len(v.List) > 0 {
		keys = append(keys,
			key.NewBinding(key.WithKeys("f"), key.WithHelp("f", c.T("chọn tệp", "next file"))),
			key.NewBinding(key.WithKeys("o"), key.WithHelp("o", c.T("mở tệp", "open file"))),
			key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("lưu tệp ra", "save file as"))),
			key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T("bỏ tệp", "remove file"))))
	}
	if v.letter != 0 || v.reg != 0 {
		keys = append(keys, key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("đính kèm tệp", "attach a file"))))
	}
	return keys
}

// Key handles f, o, s, r and a, and the path asked for, through the screen's
// book st; it reports whether it took the key.
func (v *KeptFiles) Key(c *Context, st FileBook, msg tea.KeyMsg) (bool, tea.Cmd) {
	if in := v.input(); in != nil {
		switch msg.Type {
		case tea.KeyEsc:
			v.saving, v.attaching, v.err = nil, nil, ""
			return true, nil
		case tea.KeyTab, tea.KeyShiftTab:
			if v.attaching != nil && v.reg != 0 && v.letter != 0 {
				v.toReg = !v.toReg
			}
			return true, nil
		case tea.KeyEnter:
			path := TypedPath(in.Value())
			if path == "" {
				v.err = c.T("Đường dẫn tệp: không được để trống", "File path: must not be empty")
				return true, nil
			}
			if v.attaching != nil {
				return true, v.attach(c, st, path)
			}
			if v.idx >= len(v.List) { // gone meanwhile (another clerk deleted its letter)
				v.saving = nil
				return true, nil
			}
			return true, v.save(c, st, v.List[v.idx], path, false)
		}
		ti, cmd := UpdateInput(*in, msg)
		if ti.Value() != in.Value() {
			v.err = "" // said of the path typed before
		}
		*in = ti
		return true, cmd
	}
	switch msg.String() {
	case "f", "o", "s", "r":
		if len(v.List) == 0 {
			return false, nil
		}
	case "a":
		if v.letter == 0 && v.reg == 0 { // said, not a key that does nothing
			v.err = c.T("Chưa có văn bản nào để đính kèm tệp: nhập văn bản của cơ quan trước (n), rồi nhấn a",
				"No letter to attach a file to: record the agency's letter first (n), then press a")
			return true, nil
		}
	default:
		return false, nil
	}
	switch msg.String() {
	case "f":
		v.idx = (v.idx + 1) % len(v.List)
		v.err = ""
	case "o":
		return true, v.open(c, st, v.List[v.idx])
	case "r":
		v.err = ""
		return true, v.remove(c, st, v.List[v.idx])
	case "s":
		ti := NewInput("", 1024)
		ti.SetValue(v.List[v.idx].Name) // beside the program, the name it was kept under
		ti.CursorEnd()
		ti.Focus()
		v.saving, v.err = &ti, ""
	case "a":
		ti := NewInput(c.T("gõ hoặc dán đường dẫn tệp", "type or paste the file's path"), 1024)
		ti.Focus()
		v.attaching, v.err, v.toReg = &ti, "", v.letter == 0
	}
	return true, nil
}

func (v *KeptFiles) input() *textinput.Model {
	if v.saving != nil {
		return v.saving
	}
	return v.attaching
}

// Update takes the messages of the files' own commands; it reports
// whether msg was one.
func (v *KeptFiles) Update(c *Context, msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case fileSavedMsg:
		v.saving, v.err = nil, ""
		return true, Cmd(NoteMsg{Note: c.F("Đã lưu tệp ra %s", "Saved the file to %s", msg.path)})
	case fileAttachedMsg:
		v.attaching, v.err = nil, ""
		return true, Cmd(ChangedMsg{Note: msg.note})
	case fileRemovedMsg:
		v.err = ""
		return true, Cmd(ChangedMsg{Note: msg.note})
	case fileErrMsg:
		v.err = lang.Message(msg.err, c.Lang)
		return true, nil
	case fileGoneMsg: // told, and the list read again without it
		v.err = lang.Message(msg.err, c.Lang)
		return true, Cmd(ReloadMsg{})
	case fileExistsMsg: // asked, as the report screen does; no: the name stays to mend
		return true, Cmd(ConfirmMsg{Question: c.F("Tệp %s đã có. Ghi đè?", "The file %s exists. Overwrite?", msg.path), OnYes: msg.retry})
	}
	return false, nil
}

// TypedPath is a path as the clerk typed or pasted it: NFC (typed, its
// letters may come in parts), without the quotes Windows' "Copy as path"
// puts around it, "~/" the home folder; a file:// address (a file dragged
// from a browser or a file manager) is its path, and on Linux a path a
// terminal pasted with its spaces escaped ("Công\ văn.pdf") is unescaped.
func TypedPath(s string) string {
	s = norm.NFC.String(strings.TrimSpace(s))
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if strings.HasPrefix(s, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			s = filepath.Join(home, s[2:])
		}
	}
	if u, err := url.Parse(s); err == nil && strings.EqualFold(u.Scheme, "file") && u.Path != "" {
		s = fileURLPath(u.Host, u.Path, runtime.GOOS == "windows")
	} else if runtime.GOOS != "windows" && strings.Contains(s, `\`) {
		if _, err := os.Stat(s); err != nil { // a name may hold a backslash: only when there is no such file
			s = shellUnescaped(s)
		}
	}
	return norm.NFC.String(s)
}

// fileURLPath is the path of a file:// address: on Windows "/C:/x" is
// C:\x and a host names a share (\\host\share\x).
func fileURLPath(host, path string, windows bool) string {
	if !windows {
		return path
	}
	if host != "" && !strings.EqualFold(host, "localhost") {
		return `\\` + host + strings.ReplaceAll(path, "/", `\`)
	}
	return strings.ReplaceAll(strings.TrimPrefix(path, "/"), "/", `\`)
}

// shellUnescaped drops the backslashes a shell puts before spaces and
// other signs (never letters or digits) when a file's name is pasted or
// dragged, so that a Windows path typed on Linux stays as it is.
func shellUnescaped(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\\' && i+1 < len(s) && s[i+1] < utf8.RuneSelf && !isAlnum(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// attach keeps the file at path with the letter or the registration, as
// cchc attach does: the same checks, one change in the history.
func (v *KeptFiles) attach(c *Context, st FileBook, path string) tea.Cmd {
	l := c.Lang
	letter, reg := v.letter, int64(0)
	if v.toReg {
		letter, reg = 0, v.reg
	}
	return func() tea.Msg {
		content, err := files.Read(path)
		if err != nil {
			return fileErrMsg{err}
		}
		ctx := c.Work()
		name := filepath.Base(path)
		id, err := st.Attach(ctx, letter, reg, book.NewFile{Name: name, Content: content})
		if err != nil {
			return fileErrMsg{err}
		}
		stored, err := st.FilesStored(ctx)
		if err != nil {
			return fileErrMsg{err}
		}
		return fileAttachedMsg{files.Attached(l, id, name, int64(len(content)), stored)}
	}
}

// remove asks, naming the file and what it is kept with, then takes it
// away as cchc files remove does: one change, which u takes back.
func (v *KeptFiles) remove(c *Context, st FileBook, f book.FileRow) tea.Cmd {
	l := c.Lang
	from := l.F("văn bản %s", "letter %s", Dash(f.LetterNumber))
	if f.RegistrationID != 0 {
		from = l.F("mô hình «%s»", "registration «%s»", f.Title)
	}
	return Cmd(ConfirmMsg{Question: l.F("Bỏ tệp «%s» khỏi %s?", "Remove the file «%s» from %s?", f.Name, from), OnYes: func() tea.Msg {
		if _, err := st.RemoveFile(c.Work(), f.ID); errors.Is(err, book.ErrNotFound) {
			return fileGoneMsg{err}
		} else if err != nil {
			return fileErrMsg{err}
		}
		return fileRemovedMsg{l.F("Đã bỏ tệp «%s» khỏi %s (u: hoàn tác)", "Removed the file «%s» from %s (u: undo)", f.Name, from)}
	}})
}

// open writes the file into a private temporary folder and opens it
// there, under its own name (cleaned, and made safe on Windows): the
// viewer's title and its "Save as" show it. The name is not read by a
// shell: OpenFile hands the path to the system as it is.
func (v *KeptFiles) open(c *Context, st FileBook, f book.FileRow) tea.Cmd {
	return func() tea.Msg {
		path, err := ViewerCopy(viewerName(f), func(w io.Writer) error {
			_, err := st.FileContent(c.Work(), f.ID, w)
			return err
		})
		if err != nil {
			return fileErrMsg{err}
		}
		return OpenFile(path, func(err error) tea.Msg {
			if err != nil {
				return fileErrMsg{noViewer(err, f.Name)}
			}
			return nil
		})()
	}
}

// viewerName is the name of a kept file's copy for the viewer: its own,
// or its number when nothing of it is left once cleaned.
func viewerName(f book.FileRow) string {
	name := files.SafeName(f.Name)
	if strings.TrimLeft(name, "_") == "" || strings.HasPrefix(name, ".") {
		name = fmt.Sprintf("tep-%d%s", f.ID, strings.ToLower(filepath.Ext(name)))
	}
	return name
}

// noViewer says in words why a file did not open: the system's viewer
// refuses a file when no program is set to open its kind (xdg-open's
// exit status 3 or 4, Windows' "no association").
func noViewer(err error, name string) error {
	kind := strings.ToLower(filepath.Ext(name))
	if kind == "" {
		return lang.Wrap(err, "Không mở được tệp %s: máy không có chương trình nào mở loại tệp không có phần mở rộng này; nhấn s để lưu tệp ra chỗ khác rồi mở",
			"Cannot open the file %s: no program on this computer opens a file without an extension; press s to save it elsewhere and open it from there", name)
	}
	return lang.Wrap(err, "Không mở được tệp %s: máy không có chương trình nào mở loại tệp %s (cài một chương trình đọc tệp %s, hoặc nhấn s để lưu tệp ra chỗ khác)",
		"Cannot open the file %s: no program on this computer opens %s files (install one that reads %s files, or press s to save it elsewhere)", name, kind, kind)
}

// save writes the file to path as cchc writes every file: atomically,
// never over a book, nor over an existing file unless force.
func (v *KeptFiles) save(c *Context, st FileBook, f book.FileRow, path string, force bool) tea.Cmd {
	return func() tea.Msg {
		err := safefile.WriteFile(path, force, func(w io.Writer) error {
			_, err := st.FileContent(c.Work(), f.ID, w)
			return err
		})
		if errors.Is(err, safefile.ErrExists) && !force {
			return fileExistsMsg{path, v.save(c, st, f, path, true)}
		}
		if err != nil {
			return fileErrMsg{err}
		}
		abs, _ := filepath.Abs(path)
		return fileSavedMsg{abs}
	}
}

// Lines shows the files, the selected one marked, and the path asked for.
func (v *KeptFiles) Lines(c *Context, width int) []string {
	st := c.Styles
	var lines []string
	if len(v.List) > 0 {
		lines = append(lines, "", " "+st.Label.Render(c.F("Tệp kèm (%d)", "Files (%d)", len(v.List))))
	}
	for i, f := range v.List {
		with := c.T("văn bản", "letter")
		if f.RegistrationID != 0 {
			with = c.T("mô hình", "registration")
		}
		mark := "  "
		if i == v.idx {
			mark = "▸ "
			if c.ASCII {
				mark = "> "
			}
		}
		line := fmt.Sprintf(" %s%s (%s, %s)", mark, f.Name, book.Size(c.Lang, f.Size), with)
		lines = append(lines, vntext.Truncate(line, width))
	}
	switch {
	case v.saving != nil:
		lines = append(lines, " "+st.Label.Render(c.T("Lưu ra tệp: ", "Save as: "))+v.saving.View())
	case v.attaching != nil:
		to := c.F("văn bản %s", "letter %s", Dash(v.letterNo))
		if v.toReg {
			to = c.F("mô hình «%s»", "registration «%s»", v.regTitle)
		}
		lines = append(lines, "", vntext.Truncate(" "+st.Label.Render(c.F("Đính kèm vào %s", "Attach to %s", to)), width),
			" "+st.Label.Render(c.T("Tệp: ", "File: "))+v.attaching.View())
	}
	if v.err != "" {
		lines = append(lines, WrapLines("! "+v.err, width-2, 3, " ", st.Error)...)
	}
	return lines
}
