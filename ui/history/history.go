// Package history is the screen of recorded changes (who, when, what, old
// and new values) and of the trash, from which a deleted registration can
// be restored. The root opens it over the current tab with h.
package history

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/location"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

// Limit is how many changes the screen shows, the latest first.
const Limit = 500

// CloseMsg asks the root to close the screen.
type CloseMsg struct{}

type loadedMsg struct {
	changes []book.Change
	trash   []book.TrashEntry
	err     error
}

// Book is what the history screen asks of the book: the changes and the
// trash, a registration restored from it, the whole book taken back to a
// backup, and where the book is (the folder backups are offered from).
type Book interface {
	History(ctx context.Context, q book.HistoryQuery) ([]book.Change, error)
	Trash(ctx context.Context, campaignID int64) ([]book.TrashEntry, error)
	Restore(ctx context.Context, itemID int64) (string, error)
	RestoreBackup(ctx context.Context, path string) (book.Restored, error)
	Path() string
}

// Model of the history screen.
type Model struct {
	ctx           *common.Context
	book          Book
	width, height int
	trashMode     bool
	changes       []book.Change
	trash         []book.TrashEntry
	list          common.ListView
	keys          keys
	asking        bool            // the path of a backup to restore is being typed
	backup        textinput.Model // that path
}

type keys struct{ Trash, Restore, Backup key.Binding }

// New makes the screen; Load fills it.
func New(ctx *common.Context, b Book) *Model {
	m := &Model{ctx: ctx, book: b}
	m.keys = keys{
		Trash:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", ctx.T("lịch sử/thùng rác", "history/trash"))),
		Restore: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", ctx.T("khôi phục", "restore"))),
		Backup:  key.NewBinding(key.WithKeys("b"), key.WithHelp("b", ctx.T("khôi phục cả sổ từ bản sao lưu", "restore the book from a backup"))),
	}
	m.columns()
	return m
}

func (m *Model) columns() {
	c := m.ctx
	if m.trashMode {
		m.list = common.NewListView(&c.Styles,
			common.Column{Title: c.T("Xóa lúc", "Deleted"), Width: 16},
			common.Column{Title: c.T("Người xóa", "By"), Width: 10},
			common.Column{Title: c.T("Cơ quan", "Agency"), Width: 18, Flex: 1},
			common.Column{Title: c.T("Mô hình, sáng kiến", "Registration"), Width: 24, Flex: 2})
		m.list.Empty = c.T("Thùng rác trống", "The trash is empty")
	} else {
		m.list = common.NewListView(&c.Styles,
			common.Column{Title: "#", Width: 5, Right: true},
			common.Column{Title: c.T("Lúc", "When"), Width: 16},
			common.Column{Title: c.T("Người", "Who"), Width: 10},
			common.Column{Title: c.T("Thay đổi", "Change"), Width: 30, Flex: 1})
		m.list.Empty = c.T("Chưa có thay đổi nào", "No change yet")
	}
	m.SetSize(m.width, m.height)
}

// Load reads the history and the trash in the background.
func (m *Model) Load() tea.Cmd {
	st := m.book
	var campaignID int64
	if m.ctx.Data != nil {
		campaignID = m.ctx.Data.Campaign.ID
	}
	return func() tea.Msg {
		ctx := m.ctx.Work()
		ch, err := st.History(ctx, book.HistoryQuery{Limit: Limit})
		if err != nil {
			return loadedMsg{err: err}
		}
		tr, err := st.Trash(ctx, campaignID)
		return loadedMsg{changes: ch, trash: tr, err: err}
	}
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.list.SetSize(w, max(1, h-detailLines-1))
}

const detailLines = 6

func (m *Model) Capturing() bool { return m.asking }

func (m *Model) ShortHelp() []key.Binding {
	k := m.ctx.Keys
	if m.trashMode {
		return []key.Binding{m.keys.Restore, m.keys.Trash, k.Back}
	}
	return []key.Binding{m.keys.Trash, m.keys.Backup, k.Back}
}

// FullHelp: r restores only in the trash; the history says where.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.ctx.Keys
	own := []key.Binding{m.keys.Trash, m.keys.Restore, k.Back}
	if !m.trashMode {
		r := m.keys.Restore
		r.SetHelp("r", m.ctx.T("khôi phục (trong thùng rác, t)", "restore (in the trash, t)"))
		own = []key.Binding{m.keys.Trash, r, m.keys.Backup, k.Back}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, own}
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.DataMsg:
		return m, m.Load() // something changed: the history grew
	case loadedMsg:
		if msg.err != nil {
			return m, common.Cmd(common.ErrMsg{Err: msg.err})
		}
		m.changes, m.trash = msg.changes, msg.trash
		m.fill()
		return m, nil
	case tea.KeyMsg:
		if m.asking {
			return m, m.askBackup(msg)
		}
		k := m.ctx.Keys
		switch {
		case key.Matches(msg, m.keys.Backup) && !m.trashMode:
			m.asking = true
			m.backup = common.NewInput(m.ctx.T("đường dẫn tệp sao lưu", "the backup file's path"), 1024)
			if p := m.book.Path(); !location.IsPostgres(p) {
				m.backup.SetValue(filepath.Dir(p) + string(filepath.Separator))
				m.backup.CursorEnd()
			}
			m.backup.Focus()
			return m, nil
		case key.Matches(msg, k.Back):
			return m, common.Cmd(CloseMsg{})
		case key.Matches(msg, m.keys.Trash):
			m.trashMode = !m.trashMode
			m.columns()
			m.fill()
			return m, nil
		case key.Matches(msg, m.keys.Restore) && m.trashMode:
			return m, m.restore()
		}
		m.list.Update(msg, k)
	case tea.MouseMsg:
		m.list.Update(msg, m.ctx.Keys)
	}
	return m, nil
}

func (m *Model) restore() tea.Cmd {
	i := m.list.Cursor()
	if i < 0 || i >= len(m.trash) {
		return nil
	}
	e := m.trash[i]
	st, l := m.book, m.ctx.Lang
	return func() tea.Msg {
		title, err := st.Restore(m.ctx.Work(), e.ItemID)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		return common.ChangedMsg{Note: l.F("Đã khôi phục «%s» của %s từ thùng rác", "Restored «%s» of %s from the trash", title, e.AgencyName)}
	}
}

// askBackup takes the keys while the backup's path is typed: enter asks
// to confirm the restore, which then runs in the background (esc: no).
func (m *Model) askBackup(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		m.asking = false
		return nil
	case tea.KeyEnter:
		path := strings.TrimSpace(m.backup.Value())
		if path == "" {
			return nil
		}
		m.asking = false
		st, l := m.book, m.ctx.Lang
		q := l.F("Đưa cả sổ dữ liệu về bản sao lưu %s? Sổ như hiện nay được sao lưu bên cạnh trước; mọi thay đổi sau bản sao lưu sẽ chỉ còn trong bản đó.",
			"Take the whole book back to the backup %s? The book as it is now is backed up beside it first; every change made after the backup will only be in that copy.", path)
		return common.Cmd(common.ConfirmMsg{Question: q, OnYes: func() tea.Msg {
			r, err := st.RestoreBackup(m.ctx.Work(), path)
			if err != nil {
				return common.ErrMsg{Err: err}
			}
			return common.ChangedMsg{Note: l.F("Đã khôi phục sổ dữ liệu từ %s; sổ trước đó được sao lưu vào %s", "Restored the book from %s; the book before was backed up to %s", r.From, r.Saved)}
		}})
	}
	var cmd tea.Cmd
	m.backup, cmd = common.UpdateInput(m.backup, msg)
	return cmd
}

func when(t time.Time) string { return t.Local().Format("02/01/2006 15:04") }

// fill puts the loaded rows in the list, keeping the cursor.
func (m *Model) fill() {
	var rows [][]string
	if m.trashMode {
		for _, e := range m.trash {
			rows = append(rows, []string{when(e.DeletedAt), e.Who, e.AgencyName, e.Title})
		}
	} else {
		for _, c := range m.changes {
			s := c.Summary(m.ctx.Lang)
			if c.UndoneBy != 0 {
				s = m.ctx.T("[đã hoàn tác] ", "[undone] ") + s
			}
			rows = append(rows, []string{strconv.FormatInt(c.ID, 10), when(c.At), c.Who, s})
		}
	}
	whoW := 0 // the people's column as wide as their names: the changes take the rest
	who := 2
	if m.trashMode {
		who = 1
	}
	for _, r := range rows {
		for i := range r {
			r[i] = vntext.Line(r[i]) // nothing stored reaches the terminal raw
		}
		whoW = max(whoW, vntext.Width(r[who]))
	}
	m.list.Columns[who].Width = min(max(whoW, vntext.Width(m.list.Columns[who].Title)), 16)
	m.list.SetSize(m.list.Size())
	m.list.SetRows(rows)
}

// View shows the list and, under it, the details of the selected row.
func (m *Model) View() string {
	c, st := m.ctx, m.ctx.Styles
	title := c.T("Lịch sử thay đổi (mới nhất trước)", "History of changes (latest first)")
	if m.trashMode {
		title = c.T("Thùng rác: mô hình đã xóa (r: khôi phục)", "Trash: deleted registrations (r: restore)")
	}
	lines := []string{" " + st.Title.Render(title), m.list.View()}
	if m.asking {
		lines = append(lines, " "+c.T("Bản sao lưu cần khôi phục (enter: tiếp, esc: thôi): ", "Backup to restore (enter: go on, esc: cancel): ")+m.backup.View())
	}
	var detail []string
	if i := m.list.Cursor(); i >= 0 {
		if m.trashMode && i < len(m.trash) {
			e := m.trash[i]
			detail = append(detail, c.F("Văn bản nhận ngày %s; loại: %s; lĩnh vực: %s", "Letter received %s; kind: %s; area: %s",
				common.Dash(e.Received.String()), e.Kind.Label(c.Lang), e.Area.Label(c.Lang)))
			if e.Summary != "" {
				detail = append(detail, c.T("Tóm tắt: ", "Summary: ")+e.Summary)
			}
		} else if !m.trashMode && i < len(m.changes) {
			ch := m.changes[i]
			detail = append(detail, c.F("#%d lúc %s, %s: %s", "#%d at %s, by %s: %s", ch.ID, ch.At.Local().Format("02/01/2006 15:04:05"), ch.Who, ch.Summary(c.Lang)))
			detail = append(detail, ch.Diffs(c.Lang)...)
		}
	}
	// each detail wrapped whole, as far as the room under the list goes
	var wrapped []string
	for _, d := range detail {
		wrapped = append(wrapped, common.Wrap(vntext.Line(d), max(10, m.width-3))...)
	}
	if len(wrapped) > detailLines {
		wrapped = append(wrapped[:detailLines-1], vntext.Truncate(strings.Join(wrapped[detailLines-1:], " "), max(1, m.width-3)))
	}
	for _, d := range wrapped {
		lines = append(lines, "  "+st.Muted.Render(d))
	}
	return common.Fit(strings.Join(lines, "\n"), m.width, m.height)
}
