// Package ui is the clerk's terminal application: one root model owning the
// screens (overview, agencies, entry, registrations, compliance) and the
// shared context; screens talk to it and to each other through messages.
package ui

import (
	"context"
	"errors"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
	"cchc/ui/agencies"
	"cchc/ui/common"
	"cchc/ui/entry"
	"cchc/ui/overview"
	"cchc/ui/registrations"
	"cchc/ui/reports"
	"cchc/ui/status"
)

// Minimum terminal size; below it the app says so instead of drawing.
const (
	MinWidth  = 72
	MinHeight = 20
)

// Options for New.
type Options struct {
	Lang  lang.Lang
	Today vndate.Date
	ASCII bool
	Year  int // campaign shown; 0 = the latest
	// Folder is where the files the clerk writes (reports) go by default;
	// "" is the current folder. Named in the form that writes them.
	Folder string
}

// Book is the book as the application takes it: all of book.Book but
// Filling (the demo's bulk writes, unrecorded), which the clerk never
// makes. Only the root holds it; each screen takes its own part.
type Book interface {
	book.Campaigns
	book.Agencies
	book.Letters
	book.Registrations
	book.Imports
	book.Files
	book.Progress
	book.History
	book.Reports
	book.Keeping
}

// Model is the root of the application.
type Model struct {
	book     Book       // only the root holds it; each screen takes its own part
	farewell string     // said on the terminal after quitting
	others   *othersMsg // new data the screens not shown have not had yet
	ctx      *common.Context
	year     int
	screens  []common.Screen
	tab      int
	prevTab  int // where BackMsg returns to
	width    int
	height   int
	help     help.Model
	keyRows  int // lines the keys take at the foot (helpLines)
	showAll  bool
	note     string
	isErr    bool
	confirm  *confirmation
	loaded   bool
	loadErr  error

	// safety.go: history screen shown over the tab, last data_version seen
	overlay     common.Screen
	dataVersion int64
	backupAsked bool
	gone        bool   // the book's file was deleted or replaced: nothing is written
	goneErr     error  // what happened to it, in the clerk's words
	rescued     string // where the open data was saved since
	overwritten bool   // the file was written over in place: nothing to save
}

// confirmation is a yes/no question asked in the status line.
type confirmation struct {
	question string
	onYes    tea.Cmd
	onNo     tea.Cmd // nil: just cancel
	quitting bool    // asked on the way out: answered even in a window too small to draw
	short    string  // the question in fewer words, where it does not fit whole ("" none)
}

// New builds the application over an open store.
func New(st Book, opt Options) *Model {
	ctx := &common.Context{Lang: opt.Lang, Today: opt.Today, ASCII: opt.ASCII, Styles: common.DefaultStyles(), Folder: opt.Folder}
	st.ResetUndo() // undo reaches only what is done in this window
	ctx.Keys = common.Keys(ctx.T)
	m := &Model{book: st, ctx: ctx, year: opt.Year, help: help.New()}
	m.help.ShortSeparator = " · "
	m.screens = []common.Screen{
		overview.New(ctx, st),
		agencies.New(ctx, st),
		entry.New(ctx, st),
		registrations.New(ctx, st),
		status.New(ctx, st),
		reports.New(ctx, st),
	}
	if st.ReadOnly() {
		m.note = ctx.T("Tệp dữ liệu chỉ cho phép đọc: xem được nhưng không lưu được thay đổi", "Read-only database: you can look but not save changes")
		if p := st.ReadOnlyReason(); p != nil {
			m.note = lang.Message(p, ctx.Lang)
		}
		m.isErr = true
	}
	return m
}

// memoryLimit is the soft limit of the program's memory while the app
// runs: the Go collector otherwise lets the heap grow to twice what is live,
// which at national scale (200,000 registrations loaded) is 300 MB resident
// instead of 170. $GOMEMLIMIT, when set, wins.
const memoryLimit = 150 << 20

// Run opens the application full screen and returns when the clerk quits
// or ctx is cancelled (main cancels it on ctrl+c or SIGTERM: a signal is
// main's alone). Its last words (where the backup made on quitting went)
// are returned for the terminal once the screen is given back.
func Run(ctx context.Context, st Book, opt Options) (farewell string, err error) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		// the first figures are read with few collections (the heap is
		// small then); the list after them with the usual ones
		debug.SetGCPercent(400)
	}
	// the copies a viewer opened kept files from: this run's go when it
	// ends, those earlier runs could not remove once a day old
	go common.SweepViewerCopies(time.Now())
	defer common.RemoveViewerCopies()
	m := New(st, opt)
	return m.run(ctx, tea.NewProgram(m, tea.WithAltScreen(), tea.WithMouseCellMotion(), tea.WithReportFocus(),
		tea.WithContext(ctx), tea.WithoutSignalHandler()))
}

// jobsGrace is how long Run waits, once the program ends, for the jobs
// under way to stop: they stop at their next read, and a file being
// written is removed (safefile), so that nothing half-written is left.
const jobsGrace = 10 * time.Second

// run runs p, the program over m, until the clerk quits or parent (p's
// context) is cancelled; then it cancels the work the screens started and
// waits for their jobs.
func (m *Model) run(parent context.Context, p *tea.Program) (farewell string, err error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	m.ctx.Run, m.ctx.Jobs = ctx, &sync.WaitGroup{}
	stop, stopTelling := watch(p), tell(p, m.book)
	defer stop()
	defer stopTelling()
	_, err = p.Run()
	cancel() // quitting stops what the screens started
	waitJobs(m.ctx.Jobs, jobsGrace)
	switch {
	case parent.Err() != nil:
		return m.farewell, parent.Err() // the caller's words: stopped on request
	case errors.Is(err, tea.ErrProgramPanic):
		// a panic in drawing: Bubble Tea caught it and gave the terminal back
		return m.farewell, lang.Wrap(lang.ErrPanic, "Giao diện gặp lỗi ngoài dự kiến và đã đóng (chi tiết ở trên); dữ liệu đã lưu không bị ảnh hưởng",
			"The application met an unexpected error and closed (details above); the saved data is not affected")
	}
	return m.farewell, err
}

// waitJobs waits for the jobs to end, for at most grace.
func waitJobs(jobs *sync.WaitGroup, grace time.Duration) {
	done := make(chan struct{})
	go func() { jobs.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(grace):
	}
}

func (m *Model) Init() tea.Cmd { return common.Safe(tea.Batch(m.load(), m.checkVersion())) }

// load reads a fresh snapshot of the campaign in the background.
func (m *Model) load() tea.Cmd {
	st, year, today, ctx := m.book, m.year, m.ctx.Today, m.ctx.Work()
	return func() tea.Msg {
		d, err := common.LoadSummary(ctx, st, year, today)
		return common.DataMsg{Data: d, Err: err}
	}
}

// registrationsMsg brings the registration list of the snapshot it was
// read for (the second step of a load).
type registrationsMsg struct {
	data *common.Data
	rows []book.ListRow
	err  error
}

// listGC is the collector's setting from the registration list on: the
// heap grows to half as much again as what is live before it collects,
// not twice (Go's default), for a third less memory at national scale
// (the list is most of what is live, and it changes only on a reload).
const listGC = 50

// loadRegistrations reads the registration list of the snapshot d.
func (m *Model) loadRegistrations(d *common.Data) tea.Cmd {
	st, ctx := m.book, m.ctx.Work()
	return func() tea.Msg {
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(listGC)
		}
		rows, err := st.RegistrationList(ctx, d.Campaign.ID)
		return registrationsMsg{d, rows, err}
	}
}

func (m *Model) setNote(note string, isErr bool) {
	m.note, m.isErr = vntext.Line(note), isErr // a message may quote a file name: no escape sequence reaches the screen
}

// bodyHeight is what the screen shown may use: all but the header, the
// tabs, the rule, the status line and the keys' line or two.
func (m *Model) bodyHeight() int { return m.height - 4 - max(m.keyRows, 1) }

// fitKeys gives the screens a line less, or back, when the keys they
// tell come to need two lines, or one again.
func (m *Model) fitKeys() {
	if n := len(m.helpLines()); n != m.keyRows && m.width > 0 {
		m.keyRows = n
		m.resize()
	}
}

func (m *Model) resize() {
	for _, s := range m.screens {
		s.SetSize(m.width, m.bodyHeight())
	}
	if m.overlay != nil {
		m.overlay.SetSize(m.width, m.bodyHeight())
	}
	m.help.Width = m.width - 2
}

// Update routes messages: data and navigation to the root, keys to the
// active screen unless they are the root's own, sizes to every screen.
// Every command it returns is made safe (common.Safe): a panic in a
// screen's work is told in the status line. A panic in a screen's Update
// is told there too, the program and the input on other screens kept.
func (m *Model) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	msgs := cleanKeys(msg) // keys.go: the one place keys are cleaned
	if len(msgs) != 1 {
		var cmds []tea.Cmd
		for _, k := range msgs { // each made safe by its own Update
			_, c := m.Update(k)
			cmds = append(cmds, c)
		}
		return m, tea.Batch(cmds...)
	}
	msg = msgs[0]
	var err error
	defer func() {
		if err != nil {
			m.setNote(lang.Message(err, m.ctx.Lang), true)
			model, cmd = m, nil
		}
		cmd = common.Safe(cmd)
	}()
	defer common.DoingAny.Catch(&err)
	defer m.fitKeys()
	defer m.askInView()
	if others := m.toOthers(); others != nil {
		model, cmd := m.update(msg)
		return model, tea.Batch(others, cmd)
	}
	return m.update(msg)
}

// askInView closes the help when a question is asked (on quitting, of a
// book gone): the question is read whole, over the screen it is about.
func (m *Model) askInView() {
	if m.confirm != nil {
		m.showAll = false
	}
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.tooSmall() {
		switch msg := msg.(type) {
		case tea.KeyMsg:
			return m.smallKey(msg)
		case tea.MouseMsg:
			return m, nil // nothing on screen to point at
		}
	}
	if _, ok := msg.(tea.MouseMsg); ok && m.showAll {
		return m, nil // the help covers the screen: nothing under it is pointed at
	}
	if _, ok := msg.(tea.KeyMsg); ok && m.confirm == nil {
		// a message is about what was just done: the next key moves on
		// from it (a key that does something says its own)
		m.note, m.isErr = "", false
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste && !k.Alt && !m.takesText() {
		// keys that came in one read (a script, a fast typist over a slow
		// link: "/duc") are keys one by one until a field takes text, which
		// gets the rest at once
		first, rest := k, k
		first.Runes, rest.Runes = k.Runes[:1], k.Runes[1:]
		_, c1 := m.Update(first)
		_, c2 := m.Update(rest)
		return m, tea.Batch(c1, c2)
	}
	if handled, cmd := m.safety(msg); handled {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case common.DataMsg:
		if msg.Err != nil {
			m.loadErr = msg.Err
			m.setNote(lang.Message(msg.Err, m.ctx.Lang), true)
			return m, nil
		}
		m.ctx.Data, m.loaded, m.loadErr = msg.Data, true, nil
		if msg.Data.Registrations == nil { // the first step of a load: the list comes next
			return m, tea.Batch(m.broadcast(msg), m.loadRegistrations(msg.Data))
		}
		return m, m.broadcast(msg)
	case registrations.OpenedMsg, registrations.FoundMsg: // read in the background for that tab, whichever is shown
		s, cmd := m.screens[common.TabRegistrations].Update(msg)
		m.screens[common.TabRegistrations] = s
		return m, cmd
	case agencies.FilesMsg: // likewise
		s, cmd := m.screens[common.TabAgencies].Update(msg)
		m.screens[common.TabAgencies] = s
		return m, cmd
	case registrationsMsg:
		if msg.data != m.ctx.Data { // a newer load has begun
			return m, nil
		}
		if msg.err != nil {
			m.setNote(lang.Message(msg.err, m.ctx.Lang), true)
			return m, nil
		}
		d := *msg.data // a new snapshot: screens may hold the old one
		d.Registrations = msg.rows
		if d.Registrations == nil {
			d.Registrations = []book.ListRow{}
		}
		m.ctx.Data = &d
		return m, m.broadcast(common.DataMsg{Data: &d})
	case common.JobProgressMsg: // kept going here whatever screen is shown; the screens draw it
		return m, msg.Job.Next()
	case othersMsg:
		return m, nil // toOthers ran already, at the top of Update
	case common.SwitchCampaignMsg:
		m.year = msg.Year
		note := msg.Note
		if note == "" {
			note = m.ctx.F("Đang xem đợt đăng ký năm %d", "Showing the %d campaign", msg.Year)
		}
		m.setNote(note, false)
		return m, m.load()
	case common.ReloadMsg:
		return m, m.load()
	case common.ChangedMsg:
		m.setNote(msg.Note, false)
		return m, tea.Batch(m.load(), m.noteVersion())
	case common.ErrMsg:
		m.setNote(lang.Message(msg.Err, m.ctx.Lang), true)
		return m, nil
	case common.NoteMsg:
		m.setNote(msg.Note, false)
		return m, nil
	case common.GotoMsg:
		m.tab = msg.Tab
		return m, nil
	case common.OpenAgencyMsg:
		msg.From, m.tab = m.tab, common.TabAgencies
		return m.toScreen(msg)
	case common.NewEntryMsg, common.EditRegistrationMsg:
		if m.tab != common.TabEntry {
			m.prevTab = m.tab
		}
		m.tab = common.TabEntry
		return m.toScreen(msg)
	case common.BackMsg:
		m.tab = m.prevTab
		return m, nil
	case quitMsg:
		return m, m.quitPast(true)
	case common.ConfirmMsg:
		m.confirm = &confirmation{question: msg.Question, onYes: msg.OnYes}
		return m, nil
	case common.ForTab: // a job's end reaches its screen, shown or not
		t := msg.ForTab()
		var away tea.Msg = msg
		if t != m.tab {
			away = common.AwayMsg{Msg: msg}
		}
		s, cmd := m.screens[t].Update(away)
		m.screens[t] = s
		return m, cmd
	case tea.KeyMsg:
		return m.key(msg)
	case tea.MouseMsg:
		return m.toScreen(msg)
	}
	return m.toScreen(msg)
}

// takesText reports whether typed letters go into a text field now rather
// than being keys.
func (m *Model) takesText() bool {
	switch {
	case m.confirm != nil:
		return false
	case m.overlay != nil:
		return m.overlay.Capturing()
	}
	return m.activeScreen().Capturing()
}

func (m *Model) toScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	s, cmd := m.screens[m.tab].Update(msg)
	m.screens[m.tab] = s
	if _, isKey := msg.(tea.KeyMsg); m.overlay != nil && !isKey {
		var oc tea.Cmd
		m.overlay, oc = m.overlay.Update(msg) // its own loads come back here
		cmd = tea.Batch(cmd, oc)
	}
	return m, cmd
}

// broadcast gives msg to every screen (new data concerns them all).
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	// the screen shown and the overlay first: the frame with the new data
	// is drawn before the other screens prepare theirs (a few dozen ms at
	// national scale), which they do at the next message, whatever it is
	shown := m.tab
	var cmds []tea.Cmd
	var cmd tea.Cmd
	m.screens[shown], cmd = m.screens[shown].Update(msg)
	cmds = append(cmds, cmd)
	if m.overlay != nil {
		m.overlay, cmd = m.overlay.Update(msg)
		cmds = append(cmds, cmd)
	}
	m.others = &othersMsg{msg, shown} // replaces any older one: this data is newer
	cmds = append(cmds, func() tea.Msg { return othersMsg{} })
	return tea.Batch(cmds...)
}

// othersMsg brings new data to the screens not shown when it came; the
// one sent by broadcast only makes sure a message follows soon.
type othersMsg struct {
	msg  tea.Msg
	done int // the screen that had it already
}

// toOthers gives the screens not shown the data they have not had yet.
// Update calls it before anything else, so that no screen ever gets a key
// or is shown with the data it had before.
func (m *Model) toOthers() tea.Cmd {
	if m.others == nil {
		return nil
	}
	o := *m.others
	m.others = nil
	var cmds []tea.Cmd
	for i, s := range m.screens {
		if i == o.done {
			continue
		}
		var cmd tea.Cmd
		m.screens[i], cmd = s.Update(o.msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (m *Model) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.ctx.Keys
	if m.confirm != nil {
		switch {
		case key.Matches(msg, k.Yes):
			c := m.confirm
			m.confirm = nil
			return m, c.onYes
		case key.Matches(msg, k.No):
			c := m.confirm
			m.confirm = nil
			if c.onNo != nil {
				return m, c.onNo
			}
			m.setNote(m.ctx.T("Đã thôi, không thay đổi gì", "Left as it was"), false)
		}
		return m, nil
	}
	if msg.String() == "ctrl+c" {
		return m, m.quit()
	}
	active := m.activeScreen()
	if m.showAll {
		// the help covers the screen: no key acts on what it hides (a
		// delete asked unseen, a list moved); it closes, or quits as it says
		switch {
		case key.Matches(msg, k.Help) || key.Matches(msg, k.Back):
			m.showAll = false
		case key.Matches(msg, k.Quit) && !m.takesText():
			return m, m.quit()
		}
		return m, nil
	}
	// alt+1…6 switch screens from anywhere, forms included: digits typed
	// into a form are the form's.
	if msg.Alt && msg.Type == tea.KeyRunes && len(msg.Runes) == 1 && msg.Runes[0] >= '1' && int(msg.Runes[0]-'1') < len(m.screens) {
		m.tab = int(msg.Runes[0] - '1')
		return m, nil
	}
	if t, ok := active.(tabTaker); ok && t.TakesTab() && (key.Matches(msg, k.NextTab) || key.Matches(msg, k.PrevTab)) {
		return m.toScreen(msg) // into its form, not to the next screen
	}
	if active.Capturing() {
		if msg.String() == "f1" {
			m.showAll = !m.showAll
			return m, nil
		}
		return m.toScreen(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, m.quit()
	case key.Matches(msg, k.Help):
		m.showAll = !m.showAll
		return m, nil
	case key.Matches(msg, k.NextTab):
		m.tab = (m.tab + 1) % len(m.screens)
		return m, nil
	case key.Matches(msg, k.PrevTab):
		m.tab = (m.tab + len(m.screens) - 1) % len(m.screens)
		return m, nil
	case key.Matches(msg, k.Tabs):
		m.tab = int(msg.Runes[0] - '1')
		return m, nil
	}
	return m.toScreen(msg)
}

// tooSmall reports a window below the minimum, where the screens are not
// drawn (or a size not known yet).
func (m *Model) tooSmall() bool {
	return m.width < MinWidth || m.height < MinHeight
}

// smallKey is a key in a window too small to draw the screens: only
// quitting acts (with its questions, which the small view shows), so that
// no key changes anything the clerk cannot see; resizing is a message,
// not a key.
func (m *Model) smallKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.confirm != nil && m.confirm.quitting {
		return m.key(msg)
	}
	if s := msg.String(); s == "ctrl+c" || s == "q" {
		m.confirm = nil // a question asked before the window shrank is not answered unseen
		return m, m.quit()
	}
	return m, nil
}

// tabTaker is a screen whose form waits on its first field (the report
// screen): the screen keys act there, but tab moves into the form.
type tabTaker interface{ TakesTab() bool }

// dirty is implemented by screens holding input not yet saved.
type dirty interface{ Dirty() bool }

// quit asks what must be asked before quitting, then quits: about a
// write it would stop, input not saved, a backup not made today.
func (m *Model) quit() tea.Cmd { return m.quitPast(false) }

// quitMsg goes on quitting once the clerk agreed to stop the writes
// under way.
type quitMsg struct{}

// quitPast is quit, the writes under way agreed to be stopped when
// stopping: the question about them is asked first, as its no is the
// only answer that stays (the backup's quits either way).
func (m *Model) quitPast(stopping bool) tea.Cmd {
	if stops := m.stopsOnQuit(); stops != "" && !stopping {
		m.confirm = &confirmation{
			question: stops + " " + m.ctx.T("Vẫn thoát?", "Quit anyway?"),
			onYes:    func() tea.Msg { return quitMsg{} },
			quitting: true,
		}
		return nil
	}
	for i, s := range m.screens {
		if d, ok := s.(dirty); ok && d.Dirty() {
			m.tab = i
			m.confirm = &confirmation{
				question: m.ctx.T("Có nội dung đang nhập chưa lưu. Vẫn thoát và bỏ nội dung đó?", "There is unsaved input. Quit and discard it?"),
				onYes:    tea.Quit,
				quitting: true,
			}
			return nil
		}
	}
	if cmd := m.offerBackup(); cmd != nil {
		return cmd
	}
	return tea.Quit
}

// stopsOnQuit says what quitting now would stop, "" when nothing: a
// report or the dossier being written (its file is not written, one
// already there is kept), a file being imported (nothing of it is saved).
// A rehearsal of an import writes nothing, and the blank template is
// written whole before the program ends: neither is asked about.
func (m *Model) stopsOnQuit() string {
	var says []string
	for _, d := range m.ctx.Underway() {
		var s string
		switch d {
		case common.DoingReport:
			s = m.ctx.T("Báo cáo đang được ghi: thoát bây giờ sẽ dừng ghi, tệp mới không được ghi (tệp đã có giữ nguyên).",
				"A report is being written: quitting now stops it, the new file is not written (a file already there is kept).")
		case common.DoingDossier:
			s = m.ctx.T("Hồ sơ đang được ghi: thoát bây giờ sẽ dừng ghi, tệp mới không được ghi (tệp đã có giữ nguyên).",
				"The dossier is being written: quitting now stops it, the new file is not written (a file already there is kept).")
		case common.DoingImport:
			s = m.ctx.T("Tệp đang được nhập: thoát bây giờ sẽ dừng nhập, không dòng nào được ghi vào sổ.",
				"A file is being imported: quitting now stops it, nothing of it is saved in the book.")
		}
		if s != "" && !slices.Contains(says, s) {
			says = append(says, s)
		}
	}
	return strings.Join(says, " ")
}
