package ui

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/ui/common"
)

// panicky is a book whose reads panic once armed: a fault in cchc or a
// library, met by the work a screen does in the background.
type panicky struct {
	book.Book
	armed atomic.Value // the method that panics ("" for none)
}

func (p *panicky) fault(method string) {
	if s, _ := p.armed.Load().(string); s == method {
		var none []int
		_ = none[65536] // as fpdf did with an emoji
	}
}

func (p *panicky) Campaign(ctx context.Context, year int) (campaign.Campaign, error) {
	p.fault("Campaign")
	return p.Book.Campaign(ctx, year)
}

func (p *panicky) CampaignAgencies(ctx context.Context, id int64) ([]campaign.Agency, error) {
	p.fault("CampaignAgencies")
	return p.Book.CampaignAgencies(ctx, id)
}

// screenBuffer is a program's output, written by its renderer and read by
// the test.
type screenBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *screenBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *screenBuffer) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Len()
}

// waitFor waits until text is drawn after offset from.
func (s *screenBuffer) waitFor(t *testing.T, from int, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		found := strings.Contains(s.b.String()[from:], text)
		s.mu.Unlock()
		if found {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%q was never drawn", text)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// A report whose writing panics (on its own goroutine, which Bubble Tea
// cannot catch) is told on the screen in the clerk's words, and the
// program runs on: another screen is drawn, and quitting is clean.
func TestPanicInAReportKeepsTheProgram(t *testing.T) {
	t.Chdir(t.TempDir()) // the reports screen writes into the folder it started in
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		st := &panicky{Book: seeded(t)}
		st.armed.Store("")
		out := &screenBuffer{}
		p := tea.NewProgram(New(st, Options{Lang: l, Today: today}), tea.WithInput(nil), tea.WithOutput(out))
		ran := make(chan error, 1)
		go func() { _, err := p.Run(); ran <- err }()
		p.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
		overview := l.T("Theo lĩnh vực CCHC", "By reform area")
		out.waitFor(t, 0, overview)

		st.armed.Store("Campaign")
		p.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("6"), Alt: true})
		p.Send(tea.KeyMsg{Type: tea.KeyCtrlS})
		out.waitFor(t, 0, l.T("Lỗi khi ghi báo cáo: runtime error: index out of range [65536]", "Error while writing the report: runtime error: index out of range [65536]"))
		out.waitFor(t, 0, l.T("Dữ liệu không bị ảnh", "The data is not"))

		st.armed.Store("")
		from := out.len()
		p.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1"), Alt: true})
		out.waitFor(t, from, overview)
		p.Quit()
		select {
		case err := <-ran:
			if err != nil {
				t.Fatalf("%s: the program ended with %v", l, err)
			}
		case <-time.After(10 * time.Second):
			p.Kill()
			t.Fatalf("%s: the program did not quit", l)
		}
	}
}

// A panic in a command of the root (a load) or on a goroutine it starts
// is told in the status line; the screens keep working.
func TestPanicInACommandIsTold(t *testing.T) {
	for _, method := range []string{"Campaign", "CampaignAgencies"} {
		st := &panicky{Book: seeded(t)}
		st.armed.Store("")
		h := newHarness(t, st, lang.VI, 120, 40)
		st.armed.Store(method)
		h.send(common.ReloadMsg{})
		if v := h.view(); !strings.Contains(v, "Lỗi khi xử lý yêu cầu: runtime error: index out of range") ||
			!strings.Contains(v, "ui/panic_test.go") && !strings.Contains(v, "panic_test.go") {
			t.Errorf("%s: no message:\n%s", method, v)
		}
		st.armed.Store("")
		h.send(common.ReloadMsg{})
		h.keys("2")
		if v := h.view(); !strings.Contains(v, "Sở Y tế") {
			t.Errorf("%s: the agencies are not shown after:\n%s", method, v)
		}
	}
}

// panicScreen is a screen whose Update panics on a key.
type panicScreen struct{ common.Screen }

func (s panicScreen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok {
		panic("a screen's fault")
	}
	next, cmd := s.Screen.Update(msg)
	return panicScreen{next}, cmd
}

// A panic in a screen's Update is told in the status line; the program
// and what was typed on other screens are kept.
func TestPanicInAScreenIsTold(t *testing.T) {
	h := newHarness(t, seeded(t), lang.EN, 120, 40)
	h.m.screens[common.TabReports] = panicScreen{h.m.screens[common.TabReports]}
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("6"), Alt: true})
	h.keys("x")
	if v := h.view(); !strings.Contains(v, "Error while handling the request: a screen's fault") {
		t.Errorf("no message:\n%s", v)
	}
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1"), Alt: true})
	if v := h.view(); !strings.Contains(v, "By reform area") {
		t.Errorf("the overview is not shown after:\n%s", v)
	}
}
