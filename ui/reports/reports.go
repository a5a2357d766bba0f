// Package reports is the screen where the clerk picks a report, its format
// and a file name, writes it, and opens it with the system's viewer.
package reports

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/text/unicode/norm"

	"cchc/internal/dossier"
	"cchc/internal/importer"
	"cchc/internal/lang"
	"cchc/internal/report"
	"cchc/internal/vndate"
	"cchc/ui/common"
)

const (
	fKind   = "kind"
	fFormat = "format"
	fAsOf   = "as_of"
	fReply  = "reply_by"
	fFile   = "file"

	// kindTemplate is the blank registration template (cchc template),
	// offered after the reports: the Department sends it with its letter.
	kindTemplate = "template"
)

// Book is what the reports screen asks of the book: what the reports and
// the dossier read (cchc report, cchc dossier).
type Book interface {
	dossier.Book
}

// Model of the reports screen.
type Model struct {
	ctx           *common.Context
	book          Book
	width, height int
	form          *common.Form
	dir           string // where reports go by default: the folder cchc was started in
	suggested     string // the file name last suggested: one the clerk left as it is follows the report
	written       string // the last file written
	chosen        string // the format the clerk picked: kept for every report that has it
	stand         string // said when the report shown lacks the format chosen: the one given instead
	err           string
	busy          bool
	job           *common.Job // the write under way, for its bar
}

// New makes the reports screen.
func New(ctx *common.Context, b Book) *Model {
	m := &Model{ctx: ctx, book: b, dir: ctx.OutDir()}
	return m
}

type writtenMsg struct{ path string }
type overwriteMsg struct{} // the clerk agreed to write over the file

// overwriteDossierMsg: the clerk agreed to write over the dossier's file.
type overwriteDossierMsg struct{}
type writeErrMsg struct {
	err     error
	path    string // the file it was written to
	dossier bool   // of the dossier, not the report
}
type openedMsg struct{ err error }

// The ends of the screen's jobs come back to it whichever screen is shown.
func (writtenMsg) ForTab() int          { return common.TabReports }
func (writeErrMsg) ForTab() int         { return common.TabReports }
func (openedMsg) ForTab() int           { return common.TabReports }
func (overwriteMsg) ForTab() int        { return common.TabReports }
func (overwriteDossierMsg) ForTab() int { return common.TabReports }

func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Capturing: once the clerk has moved into a field, whatever is typed
// is the form's (a file name takes digits); on the first field, the
// report's kind, the screen keys (1-6, q, ?) still act.
func (m *Model) Capturing() bool { return m.form != nil && m.form.Focus != 0 }

// TakesTab: tab moves into the form, from its first field too.
func (m *Model) TakesTab() bool { return m.form != nil }

var (
	keyWrite = key.NewBinding(key.WithKeys("ctrl+s", "ctrl+w"), key.WithHelp("ctrl+s", ""))
	keyOpen  = key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", ""))
	// ctrl+g: the text inputs take the other letters (ctrl+d deletes)
	keyDossier = key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", ""))
)

// ShortHelp lists what acts in the field the clerk is in: ←/→ change
// a report or a format, a letter picks a format, the dates and the file
// name are typed into.
func (m *Model) ShortHelp() []key.Binding {
	k, c := m.ctx.Keys, m.ctx
	w := keyWrite
	w.SetHelp("ctrl+s", c.T("ghi tệp", "write file"))
	o := keyOpen
	o.SetHelp("ctrl+o", c.T("mở tệp vừa ghi", "open the file"))
	z := keyDossier
	z.SetHelp("ctrl+g", c.T("ghi hồ sơ .zip", "write the dossier .zip"))
	keys := []key.Binding{w}
	if m.written != "" {
		keys = append(keys, o)
	}
	keys = append(keys, z)
	if m.form == nil {
		return append(keys, k.NextField, k.Back)
	}
	choose := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", c.T("đổi báo cáo", "change report")))
	switch m.form.Focused().ID {
	case fKind:
		return append(keys, k.NextField, k.Back, choose)
	case fFormat:
		choose.SetHelp("←/→", c.T("đổi định dạng", "change format"))
		letter := key.NewBinding(key.WithKeys("a"), key.WithHelp(c.T("gõ chữ", "a letter"), c.T("chọn định dạng (p pdf, h html…)", "picks a format (p pdf, h html…)")))
		return append(keys, k.NextField, k.PrevField, k.Back, choose, letter)
	}
	return append(keys, k.NextField, k.PrevField, k.Back)
}

// FullHelp adds, on the report's field, where the campaign's year is
// changed: on screen 1, not here.
func (m *Model) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{m.ShortHelp()}
	if m.form == nil || m.form.Focus == 0 {
		year := key.NewBinding(key.WithKeys("y"), key.WithHelp(m.ctx.T("y ở màn 1", "y on screen 1"), m.ctx.T("chọn năm của đợt", "switch the campaign's year")))
		groups = append(groups, []key.Binding{year})
	}
	return groups
}

// TypesText: letters are typed into the dates and the file name; on the
// format's field they pick a format, and ctrl+u clears nothing.
func (m *Model) TypesText() bool {
	return m.form != nil && m.form.Focused().Kind != common.ChoiceField
}

func (m *Model) build() {
	c := m.ctx
	var kinds []common.Choice
	for i, kd := range report.Kinds {
		kinds = append(kinds, common.Choice{Label: report.KindLabel(kd, c.Lang), Value: int64(i)})
	}
	kinds = append(kinds, common.Choice{Label: c.T("Mẫu đăng ký (để trống, gửi kèm công văn)", "Registration template (blank, sent with the letter)"), Value: int64(len(report.Kinds))})
	asOf := common.NewText(fAsOf, c.T("Tính đến ngày", "As of"), "dd/mm/yyyy", 10)
	asOf.SetText(c.Today.String())
	reply := common.NewText(fReply, c.T("Hạn gửi lại", "Reply by"), c.T("để trống: hạn của đợt, hoặc chấm để điền", "empty: the deadline, or dots to fill in"), 10)
	reply.Hint = "dd/mm/yyyy"
	asOf.Date, reply.Date = true, true
	file := common.NewText(fFile, c.T("Tên tệp", "File name"), "", 255)
	m.form = common.NewForm(c,
		common.NewChoice(fKind, c.T("Báo cáo", "Report"), kinds),
		common.NewChoice(fFormat, c.T("Định dạng", "Format"), nil),
		asOf,
		reply,
		file,
	)
	m.syncFormats()
	m.form.MarkClean()
}

func (m *Model) kind() string {
	if i := m.form.Field(fKind).Choice; i < len(report.Kinds) {
		return report.Kinds[i]
	}
	return kindTemplate
}

// formats are what the kind chosen is written in.
func (m *Model) formats() []string {
	if m.kind() == kindTemplate {
		return importer.TemplateFormats
	}
	return report.Formats(m.kind())
}

func (m *Model) format() string {
	f := m.form.Field(fFormat)
	return m.formats()[f.Choice]
}

// fileName is the name suggested for the kind and format chosen.
func (m *Model) fileName() string {
	if m.kind() == kindTemplate {
		return fmt.Sprintf("mau-dang-ky-%d%s", m.ctx.Data.Campaign.Year, report.Ext(m.format()))
	}
	// the day the report is of: a day not yet whole names none. Read, not
	// written back: this runs at every key typed into the date, and
	// "1/3/20" on the way to 1/3/2026 would become 01/03/2020
	asOf, err := vndate.ParseTyped(m.form.Field(fAsOf).Value())
	if err != nil {
		asOf = vndate.Date{}
	}
	return report.FileName(m.kind(), m.format(), m.ctx.Data.Campaign.Year, asOf, m.ctx.Today)
}

// syncFormats offers the kind's formats (and, for the reminder, its new
// deadline) and suggests a file name.
func (m *Model) syncFormats() {
	m.form.Field(fReply).Hidden = m.kind() != report.KindReminder
	m.form.Field(fAsOf).Hidden = m.kind() == kindTemplate // blank: of no day
	f := m.form.Field(fFormat)
	formats := m.formats()
	f.Choices = nil
	for i, name := range formats {
		f.Choices = append(f.Choices, common.Choice{Label: formatLabel(name, m.ctx.Lang), Value: int64(i)})
	}
	f.Choice, m.stand = nearestFormat(m.chosen, formats), ""
	if m.chosen != "" && formats[f.Choice] != m.chosen {
		m.stand = formats[f.Choice]
	}
	m.suggestName()
}

func (m *Model) suggestName() {
	if m.ctx.Data == nil {
		return
	}
	f := m.form.Field(fFile)
	was := m.suggested
	m.suggested = filepath.Join(m.dir, m.fileName())
	// What counts is the name, not keys pressed in it: a name left as
	// suggested (or typed back to it) or emptied follows the report.
	if name := m.typedPath(); name == "" || name == was {
		f.SetText(m.suggested)
		return
	}
	// A name the clerk typed keeps its words; an extension of another
	// format follows the new one, so that a PDF is never named .docx.
	name := f.Value()
	if was := report.FormatOf(name); was != "" && was != m.format() {
		f.SetText(strings.TrimSuffix(name, filepath.Ext(name)) + report.Ext(m.format()))
	}
}

// nearFormats are, for a format, the others nearest to it, nearest
// first: what a report that lacks the format chosen is shown in.
var nearFormats = map[string][]string{
	"text": {"md", "csv", "docx", "html"},
	"md":   {"text", "html", "docx"},
	"csv":  {"xlsx", "json", "text"},
	"json": {"csv", "text"},
	"xlsx": {"csv", "docx"},
	"html": {"pdf", "docx", "md"},
	"docx": {"pdf", "html", "md", "text"},
	"pdf":  {"docx", "html"},
}

// nearestFormat is the index in formats of the one chosen, or of the
// nearest to it, or the first.
func nearestFormat(chosen string, formats []string) int {
	for _, want := range append([]string{chosen}, nearFormats[chosen]...) {
		for i, f := range formats {
			if f == want {
				return i
			}
		}
	}
	return 0
}

func formatLabel(f string, l lang.Lang) string {
	switch f {
	case "text":
		return l.T("text — văn bản thuần", "text — plain text")
	case "md":
		return "md — Markdown"
	case "csv":
		return l.T("csv — bảng cho Excel", "csv — table for Excel")
	case "json":
		return l.T("json — dữ liệu", "json — data")
	case "xlsx":
		return l.T("xlsx — Excel, in A4", "xlsx — Excel, prints on A4")
	case "html":
		return l.T("html — mở bằng trình duyệt để in", "html — open in a browser to print")
	case "docx":
		return l.T("docx — Word, sửa được", "docx — Word, editable")
	case "pdf":
		return l.T("pdf — in hoặc ký số ngay", "pdf — print or sign as it is")
	}
	return f
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.AwayMsg:
		// another screen is shown: its status line tells what failed
		// (a written file says so there already)
		_, cmd := m.Update(msg.Msg)
		if e, ok := msg.Msg.(writeErrMsg); ok && m.err != "" {
			cmd = tea.Batch(cmd, common.Cmd(common.ErrMsg{Err: e.err}))
		}
		return m, cmd
	case common.DataMsg:
		if m.form == nil {
			m.build()
		} else {
			m.suggestName()
		}
	case overwriteMsg:
		return m, m.write(true)
	case overwriteDossierMsg:
		return m, m.writeDossier(true)
	case writtenMsg:
		m.busy, m.written, m.err = false, msg.path, ""
		return m, common.Cmd(common.NoteMsg{Note: m.ctx.F("Đã ghi %s", "Written %s", msg.path)})
	case writeErrMsg:
		m.busy = false
		if errors.Is(msg.err, report.ErrExists) { // asked above the keys, like every question
			m.written = ""
			var again tea.Msg = overwriteMsg{}
			if msg.dossier {
				again = overwriteDossierMsg{}
			}
			return m, common.Cmd(common.ConfirmMsg{Question: m.ctx.F("Tệp %s đã có. Ghi đè?", "The file %s exists. Overwrite?", filepath.Base(msg.path)),
				OnYes: common.Cmd(again)})
		}
		m.err = lang.Message(msg.err, m.ctx.Lang)
		m.written = "" // the file written before is not what this message is about
	case openedMsg:
		if msg.err != nil {
			m.err = m.ctx.F("Không mở được tệp bằng chương trình mặc định; hãy mở %s bằng tay", "Could not open the file with the default program; open %s by hand", m.written)
			return m, nil
		}
		return m, common.Cmd(common.NoteMsg{Note: m.ctx.F("Đã mở %s", "Opened %s", m.written)})
	case tea.KeyMsg:
		if m.form == nil {
			return m, nil
		}
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, keyWrite):
		return m.write(false)
	case key.Matches(msg, keyDossier):
		return m.writeDossier(false)
	case key.Matches(msg, keyOpen) && m.written != "":
		return openFile(m.written)
	case key.Matches(msg, k.Back):
		return common.Cmd(common.GotoMsg{Tab: common.TabOverview})
	}
	focused := m.form.Focused()
	changed, cmd := m.form.Update(msg)
	if changed {
		m.err = ""
		switch focused.ID {
		case fKind:
			m.syncFormats()
		case fFormat: // the clerk's choice, kept; the name says the format
			m.chosen, m.stand = m.format(), ""
			m.suggestName()
		case fAsOf: // the name says the day
			m.suggestName()
		}
	}
	return cmd
}

// write builds the report in the background and writes it atomically.
func (m *Model) write(force bool) tea.Cmd {
	if m.busy {
		return nil
	}
	if m.kind() == kindTemplate {
		return m.writeTemplate(force)
	}
	asOfField := m.form.Field(fAsOf)
	asOf, err := asOfField.ReadDate()
	if err != nil || asOf.IsZero() {
		m.err = m.ctx.T("Tính đến ngày: cần ngày có thật dạng dd/mm/yyyy", "As of: expected a real date as dd/mm/yyyy")
		return nil
	}
	var replyBy vndate.Date
	if m.kind() == report.KindReminder {
		if replyBy, err = m.form.Field(fReply).ReadDate(); err != nil {
			m.err = m.ctx.T("Hạn gửi lại: cần ngày có thật dạng dd/mm/yyyy (hoặc để trống)", "Reply by: expected a real date as dd/mm/yyyy (or empty)")
			return nil
		}
	}
	path := m.path()
	req := report.Request{Kind: m.kind(), Format: m.format(), Year: m.ctx.Data.Campaign.Year, AsOf: asOf, Lang: m.ctx.Lang, ReplyBy: replyBy}
	st := m.book
	m.busy, m.err, m.written = true, "", "" // the file written before is not this one
	var cmd tea.Cmd
	m.job, cmd = m.ctx.StartJob(common.DoingReport, func(progress func(done, total int)) tea.Msg {
		req.Progress = progress
		if err := report.Save(m.ctx.Work(), st, req, path, force); err != nil {
			return writeErrMsg{err: err, path: path}
		}
		return writtenMsg{path}
	}, func(err error) tea.Msg { return writeErrMsg{err: err, path: path} })
	return cmd
}

// writeDossier writes the campaign's dossier (cchc dossier) beside the
// reports, as of the day in the form, in the background.
func (m *Model) writeDossier(force bool) tea.Cmd {
	if m.busy || m.ctx.Data == nil {
		return nil
	}
	asOf, err := m.form.Field(fAsOf).ReadDate()
	if err != nil || asOf.IsZero() {
		m.err = m.ctx.T("Tính đến ngày: cần ngày có thật dạng dd/mm/yyyy", "As of: expected a real date as dd/mm/yyyy")
		return nil
	}
	year := m.ctx.Data.Campaign.Year
	path := filepath.Join(m.dir, fmt.Sprintf("HO-SO-%d.zip", year))
	st, l := m.book, m.ctx.Lang
	m.busy, m.err, m.written = true, "", "" // the file written before is not this one
	var cmd tea.Cmd
	m.job, cmd = m.ctx.StartJob(common.DoingDossier, func(progress func(done, total int)) tea.Msg {
		if _, err := dossier.SaveProgress(m.ctx.Work(), st, year, l, asOf, path, force, progress); err != nil {
			return writeErrMsg{err: err, path: path, dossier: true}
		}
		return writtenMsg{path}
	}, func(err error) tea.Msg { return writeErrMsg{err: err, path: path, dossier: true} })
	return cmd
}

// openFile hands the file to the system's viewer (common.OpenFile).
func openFile(path string) tea.Cmd {
	return common.OpenFile(path, func(err error) tea.Msg { return openedMsg{err} })
}

// path is the file to write: the one named, or the name suggested when
// the field was emptied.
func (m *Model) path() string {
	path := m.typedPath()
	if path == "" { // emptied: the name suggested, shown as written
		path = filepath.Join(m.dir, m.fileName())
		m.form.Field(fFile).SetText(path)
	}
	return path
}

// typedPath is the file named in the form, in the folder cchc was
// started in unless the name says another ("" when none is given).
func (m *Model) typedPath() string {
	path := norm.NFC.String(strings.TrimSpace(m.form.Field(fFile).Input.Value())) // as typed, letters may be in parts
	if path != "" && !filepath.IsAbs(path) {
		path = filepath.Join(m.dir, path)
	}
	return path
}

// writeTemplate writes the campaign's blank template, as cchc template
// does.
func (m *Model) writeTemplate(force bool) tea.Cmd {
	path := m.path()
	if err := report.CheckExt(path, m.format()); err != nil {
		m.err = lang.Message(err, m.ctx.Lang)
		return nil
	}
	c, format, l := m.ctx.Data.Campaign, m.format(), m.ctx.Lang
	m.busy, m.err, m.written = true, "", "" // the file written before is not this one
	var cmd tea.Cmd
	m.job, cmd = m.ctx.StartJob(common.DoingTemplate, func(func(done, total int)) tea.Msg {
		if err := importer.SaveTemplate(path, c, format, l, force); err != nil {
			return writeErrMsg{err: err, path: path}
		}
		return writtenMsg{path}
	}, func(err error) tea.Msg { return writeErrMsg{err: err, path: path} })
	return cmd
}

func (m *Model) View() string {
	if m.form == nil {
		return common.Fit("", m.width, m.height)
	}
	c, st := m.ctx, m.ctx.Styles
	lines := []string{" " + st.Title.Render(c.T("Báo cáo", "Reports")), ""}
	lines = append(lines, m.form.View(m.width, 16)...)
	lines = append(lines, "")
	for _, n := range []string{m.standNote(), m.purpose(), m.leftOutNote()} {
		if n == "" {
			continue
		}
		lines = append(lines, common.WrapLines(n, m.width-2, 4, " ", st.Muted)...)
	}
	if m.busy {
		line := common.JobLine(c, m.job, m.width)
		if line == "" {
			line = " " + st.Muted.Render(c.T("Đang ghi…", "Writing…"))
		}
		lines = append(lines, line)
	}
	if m.err != "" {
		// told whole, over as many lines as it takes: a file name is long
		for i, l := range common.Wrap("! "+m.err, max(m.width-4, 20)) {
			if i > 0 {
				l = "  " + l
			}
			lines = append(lines, " "+st.Error.Render(l))
		}
	}
	if m.written != "" {
		lines = append(lines, "")
		lines = append(lines, common.WrapLines(c.F("Đã ghi: %s", "Written: %s", m.written), m.width-2, 4, " ", st.Note)...) // a long path whole
		lines = append(lines, common.WrapLines(c.T("Nhấn ctrl+o để mở bằng chương trình mặc định của máy.", "Press ctrl+o to open it with the system's default program."), m.width-2, 2, " ", st.Muted)...)
	}
	return common.Fit(strings.Join(lines, "\n"), m.width, m.height)
}

// standNote says that the report shown is not offered in the format the
// clerk chose, and which it is written in instead: never unseen.
func (m *Model) standNote() string {
	if m.stand == "" {
		return ""
	}
	return m.ctx.F("Báo cáo này không có dạng %s: sẽ ghi dạng %s.", "This report has no %s format: it will be written as %s.", m.chosen, m.stand)
}

// purpose says what the kind chosen is for.
func (m *Model) purpose() string {
	if m.kind() == kindTemplate {
		return m.ctx.F("Mẫu danh sách đăng ký năm %d để trống, gửi kèm công văn; tệp các cơ quan điền lại được nhập bằng phím i.",
			"The blank %d registration list, sent with the letter; the copies agencies fill in are imported with i.", m.ctx.Data.Campaign.Year)
	}
	return report.KindPurpose(m.kind(), m.ctx.Lang)
}

// leftOutNote says, for the reminder, why it names fewer agencies than the
// list of those short: the Department does not write to itself.
func (m *Model) leftOutNote() string {
	d := m.ctx.Data
	if m.kind() != report.KindReminder || d == nil {
		return ""
	}
	asOf, err := vndate.ParseTyped(m.form.Field(fAsOf).Value())
	if err != nil || asOf.IsZero() {
		return ""
	}
	sum := d.Summary
	if !asOf.Equal(sum.AsOf) {
		sum = d.Judge(asOf)
	}
	listed, left := report.LeftOutOfReminder(sum, d.Campaign.Issuer)
	if len(left) == 0 {
		return ""
	}
	return m.ctx.F("Danh sách chưa đủ có %s cơ quan; công văn gửi %s vì không gửi cho chính %s.",
		"The list of those short names %s agencies; the letter goes to %s, as it is not sent to %s itself.",
		m.ctx.Lang.Num(listed), m.ctx.Lang.Num(listed-len(left)), strings.Join(left, ", "))
}
