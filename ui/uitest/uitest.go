// Package uitest drives one screen in its own package's tests, the way the
// root model (ui/app.go) would, over a fake of the few book methods the
// screen asks for: no store, no terminal.
package uitest

import (
	"context"
	"go/token"
	"io"
	"reflect"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
	"cchc/ui/common"
)

// Views are compared as text: no colours.
func init() { lipgloss.SetColorProfile(termenv.Ascii) }

// Today is the day the tests' screens are shown on.
var Today = vndate.Of(2023, 3, 27)

// Context is the context the root makes, in Vietnamese, showing d.
func Context(d *common.Data) *common.Context {
	c := &common.Context{Lang: lang.VI, Today: Today, Styles: common.DefaultStyles(), Data: d, Folder: ""}
	c.Keys = common.Keys(c.T)
	return c
}

// Driver sends messages to one screen as the root does: the commands it
// returns are run at once and their messages kept in Seen; the screen's
// own are handed back to it, those for the root (common's exported
// messages) are not.
type Driver struct {
	t      testing.TB
	update func(tea.Msg) tea.Cmd
	Seen   []tea.Msg // every message the screen's commands gave, in order
}

// Drive drives a part of a screen whose Update gives only a command.
func Drive(t testing.TB, update func(tea.Msg) tea.Cmd) *Driver {
	return &Driver{t: t, update: update}
}

// Screen drives a whole screen.
func Screen(t testing.TB, s common.Screen) *Driver {
	return Drive(t, func(msg tea.Msg) tea.Cmd {
		var cmd tea.Cmd
		s, cmd = s.Update(msg)
		return cmd
	})
}

// Show sizes a screen w×h, gives it the snapshot d as the root does after
// a load, and drives it.
func Show(t testing.TB, s common.Screen, d *common.Data, w, h int) *Driver {
	t.Helper()
	s.SetSize(w, h)
	drive := Screen(t, s)
	drive.Send(common.DataMsg{Data: d})
	return drive
}

// Send hands msg to the screen and runs what follows from it.
func (d *Driver) Send(msg tea.Msg) {
	d.t.Helper()
	d.run(d.update(msg))
}

func (d *Driver) run(cmd tea.Cmd) {
	d.t.Helper()
	cmds := []tea.Cmd{cmd}
	for n := 0; len(cmds) > 0; n++ {
		if n > 1000 {
			d.t.Fatal("the screen never stops sending itself messages")
		}
		cmd := cmds[0]
		cmds = cmds[1:]
		if cmd == nil {
			continue
		}
		switch msg := cmd().(type) {
		case nil:
		case tea.BatchMsg:
			cmds = append(cmds, msg...)
		case common.JobProgressMsg: // the root keeps a job going
			cmds = append(cmds, msg.Job.Next())
		default:
			d.Seen = append(d.Seen, msg)
			if t := reflect.TypeOf(msg); t.PkgPath() != reflect.TypeOf(common.ErrMsg{}).PkgPath() || !token.IsExported(t.Name()) {
				cmds = append(cmds, d.update(msg))
			}
		}
	}
}

// Keys presses keys: names ("enter", "ctrl+s", "esc", "tab", "down"…) or
// text, typed at once as a paste would be.
func (d *Driver) Keys(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.Send(Key(k))
	}
}

var named = map[string]tea.KeyType{
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"ctrl+s": tea.KeyCtrlS, "ctrl+n": tea.KeyCtrlN, "ctrl+u": tea.KeyCtrlU, "ctrl+o": tea.KeyCtrlO,
	"ctrl+g": tea.KeyCtrlG, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
}

// Key is the key named k, or k typed.
func Key(k string) tea.KeyMsg {
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// Yes answers yes to the last question the screen asked the root.
func (d *Driver) Yes() {
	d.t.Helper()
	q, ok := Last[common.ConfirmMsg](d)
	if !ok {
		d.t.Fatalf("no question was asked; the root was sent %v", d.Seen)
	}
	d.run(q.OnYes)
}

// Last is the last message of type M the screen's commands gave.
func Last[M tea.Msg](d *Driver) (M, bool) {
	for i := len(d.Seen) - 1; i >= 0; i-- {
		if m, ok := d.Seen[i].(M); ok {
			return m, true
		}
	}
	var zero M
	return zero, false
}

// Changed is the note of the last change the screen told the root of;
// the test fails when it told none, or an error last.
func (d *Driver) Changed() string {
	d.t.Helper()
	if e, ok := Last[common.ErrMsg](d); ok {
		d.t.Fatalf("the screen failed: %v", lang.Message(e.Err, lang.EN))
	}
	c, ok := Last[common.ChangedMsg](d)
	if !ok {
		d.t.Fatalf("the screen changed nothing; the root was sent %v", d.Seen)
	}
	return c.Note
}

// Source is a book of one campaign held in memory: what the snapshot of
// the screens (common.Data) is read from, and the reports.
type Source struct {
	Camp    campaign.Campaign
	Units   []campaign.Agency
	Rows    []book.ListRow       // newest letter first
	Letters []book.SubmissionRow // newest first
}

// Health is the one agency of Small.
var Health = campaign.Agency{ID: 1, Version: 3, Name: "Sở Y tế", ShortName: "SYT", Group: campaign.Department, Active: true}

// Small is a book of one campaign, 2023's (id 7, due 24/3/2023, each
// department asked for 1 registration, 2 aimed at), following Health,
// with the registrations rows.
func Small(rows ...book.ListRow) *Source {
	return &Source{
		Camp: campaign.Campaign{ID: 7, Year: 2023, Title: "Đợt 2023", Issuer: "Sở Nội vụ", Deadline: vndate.Of(2023, 3, 24),
			Quotas: map[campaign.Group]campaign.Quota{campaign.Department: {Required: 1, Target: 2}}},
		Units: []campaign.Agency{Health},
		Rows:  rows,
	}
}

// Data is the snapshot the loader makes of s, as of Today.
func Data(t testing.TB, s *Source) *common.Data {
	t.Helper()
	d, err := common.LoadData(context.Background(), s, 0, Today)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The loader's reads (common.ListSource).

func (s *Source) Campaign(context.Context, int) (campaign.Campaign, error) { return s.Camp, nil }
func (s *Source) Campaigns(context.Context) ([]campaign.Campaign, error) {
	return []campaign.Campaign{s.Camp}, nil
}
func (s *Source) CampaignAgencies(context.Context, int64) ([]campaign.Agency, error) {
	return s.Units, nil
}
func (s *Source) Received(context.Context, int64) ([]compliance.Received, error) {
	var out []compliance.Received
	for _, r := range s.Rows {
		out = append(out, compliance.Received{AgencyID: r.Agency.ID, On: r.Received(), Registrations: 1})
	}
	return out, nil
}
func (s *Source) Successions(context.Context, int64) (compliance.Succession, error) {
	return compliance.Succession{}, nil
}
func (s *Source) LatestSubmissions(context.Context, int64, int) ([]book.SubmissionRow, error) {
	return s.Letters, nil
}
func (s *Source) CampaignStages(context.Context, int64, vndate.Date) (map[int64]campaign.Step, error) {
	return nil, nil
}
func (s *Source) RegistrationList(context.Context, int64) ([]book.ListRow, error) {
	return s.Rows, nil
}

// The reports' reads besides (report.Book; dossier.Book with no file kept).

func (s *Source) FollowedAgencies(context.Context, int64) ([]compliance.Agency, error) {
	var out []compliance.Agency
	for _, a := range s.Units {
		if a.Active {
			out = append(out, compliance.Agency{ID: a.ID, Name: a.Name, Group: a.Group, ParentID: a.ParentID})
		}
	}
	return out, nil
}
func (s *Source) CampaignCompletions(context.Context, int64, vndate.Date) (map[int64]campaign.Step, error) {
	return nil, nil
}
func (s *Source) ReportRegistrations(_ context.Context, _ int64, asOf vndate.Date) (book.RegistrationReader, error) {
	var rows []book.RegistrationRow
	for _, r := range s.Rows {
		if asOf.IsZero() || !r.Received().After(asOf) {
			rows = append(rows, book.RegistrationRow{Registration: campaign.Registration{ID: r.ID, Title: r.Title, Kind: r.Kind(),
				Area: r.Area(), Version: r.Version}, AgencyID: r.Agency.ID, AgencyName: r.Agency.Name, AgencyGroup: r.Agency.Group,
				LeadName: r.Lead.Name, LetterNumber: r.LetterNumber(), Received: r.Received()})
		}
	}
	return &reader{rows}, nil
}
func (s *Source) Uncounted(context.Context, int64, vndate.Date) (book.Uncounted, error) {
	return book.Uncounted{}, nil
}
func (s *Source) Files(context.Context, book.FilesQuery) ([]book.FileRow, error) { return nil, nil }
func (s *Source) FileContent(_ context.Context, id int64, _ io.Writer) (book.FileRow, error) {
	return book.FileRow{}, book.FileNotFound(id)
}

// reader reads the rows of ReportRegistrations.
type reader struct{ rows []book.RegistrationRow }

func (r *reader) Counts(context.Context) (book.RegistrationCounts, error) {
	c := book.RegistrationCounts{Registrations: len(r.rows)}
	all, byGroup := map[int64]bool{}, map[campaign.Group]map[int64]bool{}
	for _, x := range r.rows {
		all[x.AgencyID] = true
		if byGroup[x.AgencyGroup] == nil {
			byGroup[x.AgencyGroup] = map[int64]bool{}
			c.Groups = append(c.Groups, book.GroupCount{Group: x.AgencyGroup})
		}
		byGroup[x.AgencyGroup][x.AgencyID] = true
		for i := range c.Groups {
			if g := &c.Groups[i]; g.Group == x.AgencyGroup {
				g.Registrations, g.Agencies = g.Registrations+1, len(byGroup[x.AgencyGroup])
			}
		}
	}
	c.Agencies = len(all)
	return c, nil
}
func (r *reader) Each(_ context.Context, fn func(book.RegistrationRow) error) error {
	for _, x := range r.rows {
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}
func (r *reader) Close() error { return nil }

// Row is a registration as the list holds it.
func Row(id int64, title string, a campaign.Agency, number string, received vndate.Date) book.ListRow {
	ag := &book.ListAgency{ID: a.ID, Name: a.Name, Key: vntext.Fold(a.Name), Group: a.Group}
	return book.ListRow{ID: id, Version: 1, Title: title, TitleKey: vntext.Fold(title),
		Letter: &book.ListLetter{Number: number, Key: vntext.Fold(number)}, Agency: ag, Lead: ag,
		Day: book.PackDay(received), KindNo: 1, AreaNo: 1}
}
