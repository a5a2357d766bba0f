// Package common holds what every screen of the TUI shares: the context
// (language, clock, styles, keys, loaded data), the loader of that data,
// the messages screens send each other, and small widgets (list view, text
// input). It holds no book: each screen takes its own Book, the few methods
// it calls, from the root (ui/app.go).
package common

import (
	"context"
	"os"
	"sync"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// Context is shared by the root model and every screen.
type Context struct {
	Lang   lang.Lang
	Today  vndate.Date
	ASCII  bool // status markers without Unicode symbols
	Styles Styles
	Keys   KeyMap
	Data   *Data  // the latest snapshot loaded from the store; never nil after the first load
	Folder string // where the clerk's files go by default ("" the current folder)

	// ImportPath and ImportWhat are the file last named in "Nhập từ tệp"
	// and what it holds: a retry after mending the file starts from them.
	ImportPath string
	ImportWhat int64

	// Run is the program's context, cancelled when the clerk quits or a
	// signal ends cchc: the store work and the files the screens started
	// stop there (nil: never cancelled). Jobs counts the jobs under way
	// (StartJob), which ui.Run waits for before it returns (nil: none
	// counted).
	Run  context.Context
	Jobs *sync.WaitGroup
	jobs []*Job // started by StartJob, not yet seen ended (Underway)
}

// Work is the context of the store work a screen starts: Run, or
// context.Background when there is none (a test's model).
func (c *Context) Work() context.Context {
	if c.Run == nil {
		return context.Background()
	}
	return c.Run
}

// T is a shortcut for the context's language.
func (c *Context) T(vi, en string) string { return c.Lang.T(vi, en) }

// F is a shortcut for the context's language with formatting.
func (c *Context) F(vi, en string, args ...any) string { return c.Lang.F(vi, en, args...) }

// Data is one consistent snapshot of the campaign shown, loaded in a
// tea.Cmd so that no screen ever queries the store while drawing.
type Data struct {
	Campaign      campaign.Campaign
	Campaigns     []campaign.Campaign
	Agencies      []campaign.Agency // every agency of the campaign, report order
	ByID          map[int64]*campaign.Agency
	Judged        []compliance.Agency   // the active agencies, as compliance sees them
	Succession    compliance.Succession // who took over from whom in the campaign
	Received      []compliance.Received
	Prepared      *compliance.Prepared // Received laid out to judge any day at once (shared by copies)
	Summary       compliance.Summary   // as of today
	ResultByID    map[int64]compliance.Result
	OwnCount      map[int64]int            // registrations in each agency's own letters
	Stages        map[int64]campaign.Stage // where each registration stands, for those past campaign.Registered
	Registrations []book.ListRow           // newest letter first; nil while it loads
	Submissions   []book.SubmissionRow     // newest first
}

// Children lists the active units under an agency (a district's communes).
func (d *Data) Children(id int64) []campaign.Agency {
	var out []campaign.Agency
	for _, a := range d.Agencies {
		if a.ParentID == id && a.Active {
			out = append(out, a)
		}
	}
	return out
}

// Judge recomputes compliance as of another day, without the store.
func (d *Data) Judge(asOf vndate.Date) compliance.Summary {
	if d.Prepared == nil {
		d.Prepared = compliance.Prepare(d.Campaign, d.Judged, d.Received)
	}
	return d.Prepared.Judge(asOf)
}

// Screen is one tab of the application.
type Screen interface {
	Update(msg tea.Msg) (Screen, tea.Cmd)
	View() string // exactly the size last given to SetSize
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Capturing reports that the screen is taking typed text (a form or a
	// search), so that the root leaves letters, digits, tab and q to it.
	Capturing() bool
}

// Messages between screens and the root.
type (
	// ReloadMsg asks the root to reload the data (after a save elsewhere).
	ReloadMsg struct{}
	// DataMsg carries a freshly loaded snapshot, or the error that stopped it.
	DataMsg struct {
		Data *Data
		Err  error
	}
	// ChangedMsg tells the root that a screen wrote to the store: reload
	// and tell the clerk Note.
	ChangedMsg struct{ Note string }
	// ErrMsg shows an error in the status line.
	ErrMsg struct{ Err error }
	// NoteMsg shows an information line.
	NoteMsg struct{ Note string }
	// SwitchCampaignMsg shows another campaign (by year); Note, when
	// given, is said instead of "showing the campaign of …".
	SwitchCampaignMsg struct {
		Year int
		Note string
	}
	// BackMsg returns to the tab the clerk came from.
	BackMsg struct{}
	// GotoMsg switches to a tab.
	GotoMsg struct{ Tab int }
	// OpenAgencyMsg opens an agency's page on the agencies tab; From is
	// the tab it was opened from (set by the root), where esc goes back to.
	OpenAgencyMsg struct {
		ID   int64
		From int
	}
	// NewEntryMsg opens the entry form, with an agency chosen when AgencyID ≠ 0.
	NewEntryMsg struct{ AgencyID int64 }
	// EditRegistrationMsg opens the entry form on an existing registration.
	EditRegistrationMsg struct{ ID int64 }
	// ConfirmMsg asks the clerk a yes/no question in the status line and
	// runs OnYes on yes.
	ConfirmMsg struct {
		Question string
		OnYes    tea.Cmd
	}
)

// ForTab is a message a screen's background work (a Job's end) sends
// back to that screen: the root hands it to the tab it names whichever
// screen is shown, wrapped in AwayMsg when that is another one.
type ForTab interface{ ForTab() int }

// AwayMsg brings a ForTab message to its screen while another is shown:
// what the screen would say on itself it says on the status line too.
type AwayMsg struct{ Msg tea.Msg }

// Cmd wraps a message in a command.
func Cmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// Tabs in order; numbers 1..6 on the keyboard.
const (
	TabOverview = iota
	TabAgencies
	TabEntry
	TabRegistrations
	TabCompliance
	TabReports
)

// OutDir is the folder the clerk's files go to by default: Folder (Documents\CCHC
// when cchc was started by a double-click), else the current one.
func (c *Context) OutDir() string {
	if c.Folder != "" {
		return c.Folder
	}
	if dir, err := os.Getwd(); err == nil {
		return dir
	}
	return "."
}
