package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/ui/common"
	"cchc/ui/history"
	"cchc/ui/importui"
)

// What keeps the clerk's work safe: noticing changes made by another
// clerk (a tick and terminal focus), undo, the history and trash screen
// opened over the current tab, and a backup offered on quit once a day.

// WatchEvery is how often the book is checked for changes by others.
const WatchEvery = 2 * time.Second

type (
	watchTickMsg   struct{}
	dataVersionMsg struct{ version int64 }
	versionSeenMsg struct{ version int64 }
	backupDoneMsg  struct {
		path string
		err  error
	}
	bookGoneMsg struct{ err error }
	rescuedMsg  struct {
		path     string
		err      error
		quitting bool
	}
	goneNoteMsg struct{}
)

// watch sends the program a tick every WatchEvery until stopped (from
// outside the model, so tests driving the model see no endless ticks).
func watch(p *tea.Program) (stop func()) {
	t := time.NewTicker(WatchEvery)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				p.Send(watchTickMsg{})
			case <-done:
				return
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}

// tell sends the program a tick as soon as the server tells of a commit
// (PostgreSQL), instead of at the next WatchEvery; on SQLite, which tells
// nothing, the ticks of watch alone notice changes.
func tell(p *tea.Program, st book.Keeping) (stop func()) {
	done := make(chan struct{})
	go func() {
		changed := st.Changed()
		if changed == nil {
			return
		}
		for {
			select {
			case <-changed:
				p.Send(watchTickMsg{})
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// checkVersion asks the store whether anyone committed since last time.
func (m *Model) checkVersion() tea.Cmd {
	st := m.book
	return func() tea.Msg {
		if err := st.CheckBook(); err != nil {
			return bookGoneMsg{err}
		}
		v, err := st.DataVersion(m.ctx.Work())
		if err != nil {
			return nil // a busy or vanished file shows on the next load
		}
		return dataVersionMsg{v}
	}
}

// noteVersion takes the book's version after the app's own write, so the
// watch does not reload a second time for a change this window made.
func (m *Model) noteVersion() tea.Cmd {
	st := m.book
	return func() tea.Msg {
		v, err := st.DataVersion(m.ctx.Work())
		if err != nil {
			return nil
		}
		return versionSeenMsg{v}
	}
}

// activeScreen is the history screen when open, else the current tab.
func (m *Model) activeScreen() common.Screen {
	if m.overlay != nil {
		return m.overlay
	}
	return m.screens[m.tab]
}

// safety handles the messages of this file; handled is false for the
// others, which Update goes on with.
func (m *Model) safety(msg tea.Msg) (handled bool, cmd tea.Cmd) {
	switch msg := msg.(type) {
	case watchTickMsg:
		return true, m.checkVersion()
	case tea.FocusMsg:
		return true, m.checkVersion()
	case versionSeenMsg:
		m.dataVersion = msg.version
		return true, nil
	case dataVersionMsg:
		changed := m.dataVersion != 0 && msg.version != m.dataVersion
		m.dataVersion = msg.version
		if changed && m.loaded {
			return true, m.load() // the screens keep their place by id
		}
		return true, nil
	case bookGoneMsg:
		if m.gone {
			return true, nil // said already
		}
		return true, m.bookGone(msg.err)
	case common.ErrMsg:
		if errors.Is(msg.Err, book.ErrBookGone) { // a write refused: the offer again
			return true, m.bookGone(msg.Err)
		}
	case goneNoteMsg:
		m.setNote(lang.Message(m.goneErr, m.ctx.Lang)+" "+m.ctx.T("Thoát rồi mở lại sổ dữ liệu để làm tiếp.", "Quit and open the book again to go on."), true)
		return true, nil
	case rescuedMsg:
		if msg.err != nil {
			m.setNote(lang.Message(msg.err, m.ctx.Lang), true)
			return true, nil
		}
		m.rescued = msg.path
		m.farewell = m.ctx.F("Đã lưu dữ liệu đang mở vào %s; mở lại bằng: cchc --db %s", "The data open here was saved to %s; open it with: cchc --db %s", msg.path, msg.path)
		m.setNote(m.ctx.F("Đã lưu dữ liệu đang mở vào %s", "The data open here was saved to %s", msg.path), false)
		if msg.quitting {
			return true, tea.Quit
		}
		return true, nil
	case undoAskMsg:
		m.confirm = &confirmation{question: m.ctx.F("Hoàn tác: %s?", "Undo: %s?", msg.c.Summary(m.ctx.Lang)), onYes: m.undo(),
			short: m.ctx.F("Hoàn tác: %s?", "Undo: %s?", msg.c.Brief(m.ctx.Lang))}
		return true, nil
	case history.CloseMsg, importui.Close:
		m.overlay = nil
		return true, nil
	case backupDoneMsg:
		if msg.err != nil {
			m.setNote(lang.Message(msg.err, m.ctx.Lang), true)
			return true, nil
		}
		m.farewell = m.ctx.F("Đã sao lưu sổ dữ liệu vào %s", "The book was backed up to %s", msg.path)
		return true, tea.Quit
	case tea.MouseMsg:
		if m.overlay != nil {
			m.overlay, cmd = m.overlay.Update(msg)
			return true, cmd
		}
	case tea.KeyMsg:
		if m.confirm != nil || m.showAll || !m.loaded {
			return false, nil
		}
		s := msg.String()
		typing := m.activeScreen().Capturing() // u is a letter then
		switch {
		case s == "ctrl+z" && typing:
			// not the book's undo, which changes what lies elsewhere unseen
			m.setNote(m.ctx.T("Đang nhập: ctrl+z không hoàn tác sổ dữ liệu; ra khỏi ô nhập (esc) rồi nhấn u", "Typing: ctrl+z does not undo the book; leave the field (esc), then press u"), false)
			return true, nil
		case s == "ctrl+z" || s == "u" && !typing:
			return true, m.askUndo()
		}
		if m.overlay != nil {
			if s == "ctrl+c" || s == "f1" || !m.overlay.Capturing() && (s == "q" || s == "?") {
				return false, nil
			}
			m.overlay, cmd = m.overlay.Update(msg)
			return true, cmd
		}
		if s == "i" && !m.activeScreen().Capturing() {
			im := importui.New(m.ctx, m.book)
			im.SetSize(m.width, m.bodyHeight())
			m.overlay = im
			return true, nil
		}
		if s == "h" && !m.activeScreen().Capturing() {
			h := history.New(m.ctx, m.book)
			h.SetSize(m.width, m.bodyHeight())
			m.overlay = h
			return true, h.Load()
		}
	}
	return false, nil
}

// undoAskMsg brings the change undo would reverse, to ask first.
type undoAskMsg struct{ c book.Change }

// askUndo reads what undo would reverse and asks about it (undoAskMsg).
func (m *Model) askUndo() tea.Cmd {
	st := m.book
	return func() tea.Msg {
		c, err := st.NextUndo(m.ctx.Work())
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return undoAskMsg{c}
	}
}

// undo reverses the last change made in this session and says what it was.
func (m *Model) undo() tea.Cmd {
	st, l := m.book, m.ctx.Lang
	return func() tea.Msg {
		c, err := st.UndoLast(m.ctx.Work())
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return common.ChangedMsg{Note: l.F("Đã hoàn tác: %s", "Undone: %s", c.Summary(l))}
	}
}

// bookGone stops the app writing once its book's file was deleted or
// replaced (the store refuses every write from then on), says so, and
// offers to save the data still open elsewhere.
func (m *Model) bookGone(err error) tea.Cmd {
	m.gone, m.goneErr = true, err
	if errors.Is(err, book.ErrBookOverwritten) {
		// nothing to save: the pages open here are the new file's now
		m.overwritten = true
		m.farewell = lang.Message(err, m.ctx.Lang)
		return func() tea.Msg { return goneNoteMsg{} }
	}
	if m.rescued != "" {
		m.setNote(lang.Message(err, m.ctx.Lang)+" "+m.ctx.F("Dữ liệu đã được lưu vào %s.", "The data was saved to %s.", m.rescued), true)
		return nil
	}
	m.askRescue(false)
	return nil
}

// askRescue asks to save the book as it is open to a new file beside
// where it was (VACUUM INTO on the connection still holding it).
func (m *Model) askRescue(quitting bool) {
	st, ctx := m.book, m.ctx
	dest := st.RescuePath()
	no := func() tea.Msg { return goneNoteMsg{} }
	if quitting {
		no = tea.Quit
	}
	m.confirm = &confirmation{
		question: lang.Message(m.goneErr, ctx.Lang) + " " + ctx.F("Lưu dữ liệu đang mở sang %s?", "Save the data open here to %s?", dest),
		onYes: func() tea.Msg {
			path, err := st.Rescue(m.ctx.Work(), dest)
			return rescuedMsg{path, err, quitting}
		},
		onNo:     no,
		quitting: quitting,
	}
}

// offerBackup asks, once a day, to back up before quitting; nil when
// there is nothing to ask. A book that is gone is offered its rescue
// instead: a backup would open whatever is at its path now.
func (m *Model) offerBackup() tea.Cmd {
	st := m.book
	if !m.gone && !st.ReadOnly() {
		// the file may have been written over since the last look: the
		// backup would read the pages of another book under this one's
		if err := st.CheckBook(); errors.Is(err, book.ErrBookGone) {
			m.bookGone(err)
		}
	}
	if m.gone {
		if m.rescued != "" || m.overwritten {
			return nil
		}
		m.askRescue(true)
		return func() tea.Msg { return nil }
	}
	if m.backupAsked || st.ReadOnly() || m.backedUpToday() {
		return nil
	}
	m.backupAsked = true
	dest := m.backupPath()
	m.confirm = &confirmation{
		question: m.ctx.T("Hôm nay chưa sao lưu. Sao lưu sổ dữ liệu trước khi thoát?", "No backup today. Back the book up before quitting?"),
		onYes: func() tea.Msg {
			path, err := st.Backup(m.ctx.Work(), dest)
			return backupDoneMsg{path, err}
		},
		onNo:     tea.Quit,
		quitting: true,
	}
	return func() tea.Msg { return nil }
}

// backupPath is where the backup offered on quitting goes: beside the
// book, or in the clerk's folder when there is one (Documents\CCHC when
// cchc.exe was started by a double-click: the book's folder is hidden in
// AppData), under the same dated name.
func (m *Model) backupPath() string {
	p := m.book.DefaultBackupPath()
	if m.ctx.Folder == "" {
		return p
	}
	return filepath.Join(m.ctx.Folder, filepath.Base(p))
}

// backedUpToday reports a backup of today beside the book, or in the
// clerk's folder under the name backupPath gives.
func (m *Model) backedUpToday() bool {
	st := m.book
	if st.BackedUpToday() || m.ctx.Folder == "" {
		return st.BackedUpToday()
	}
	base := filepath.Base(st.DefaultBackupPath()) // cchc-backup-2023-03-27.db
	i := strings.LastIndex(base, "-backup-")
	if i < 0 || len(base) < i+len("-backup-2006-01-02") {
		return false
	}
	today := base[:i+len("-backup-2006-01-02")]
	entries, _ := os.ReadDir(m.ctx.Folder)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), today) && strings.HasSuffix(e.Name(), ".db") {
			return true
		}
	}
	return false
}

// safetyKeys are listed in the full help.
func (m *Model) safetyKeys() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("h"), key.WithHelp("h", m.ctx.T("lịch sử, thùng rác", "history, trash"))),
		m.undoKey(),
		key.NewBinding(key.WithKeys("i"), key.WithHelp("i", m.ctx.T("nhập từ tệp", "import a file"))),
	}
}

// undoKey works everywhere but where letters are typed, the overlays too.
func (m *Model) undoKey() key.Binding {
	return key.NewBinding(key.WithKeys("u", "ctrl+z"), key.WithHelp("u/ctrl+z", m.ctx.T("hoàn tác việc vừa làm", "undo the last action")))
}
