package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// stalling is a book whose report rows stop coming after the first, until
// the work reading them is cancelled: a national report being written
// when the clerk quits.
type stalling struct {
	book.Book
	once    sync.Once
	reading chan struct{} // closed once a row was given: the file is being written
	stopped chan error    // what the stalled read ended with
}

func (s *stalling) ReportRegistrations(ctx context.Context, campaignID int64, asOf vndate.Date) (book.RegistrationReader, error) {
	r, err := s.Book.ReportRegistrations(ctx, campaignID, asOf)
	if err != nil {
		return nil, err
	}
	return stallingReader{r, s}, nil
}

type stallingReader struct {
	book.RegistrationReader
	s *stalling
}

func (r stallingReader) Each(ctx context.Context, fn func(book.RegistrationRow) error) error {
	return r.RegistrationReader.Each(ctx, func(x book.RegistrationRow) error {
		if err := fn(x); err != nil {
			return err
		}
		r.s.once.Do(func() { close(r.s.reading) })
		<-ctx.Done()
		r.s.stopped <- ctx.Err()
		return ctx.Err()
	})
}

// Quitting, or main's context cancelled by ctrl+c or SIGTERM, while a
// report is being written stops its reading: the program returns at once,
// and neither the report nor its temporary file is left in the folder.
func TestQuittingStopsAReportBeingWritten(t *testing.T) {
	for _, how := range []string{"quit", "signal"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			st := &stalling{Book: seeded(t), reading: make(chan struct{}), stopped: make(chan error, 1)}
			parent, cancel := context.WithCancel(context.Background())
			defer cancel()
			out := &screenBuffer{}
			m := New(st, Options{Lang: lang.VI, Today: today, Folder: dir})
			p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(out), tea.WithContext(parent), tea.WithoutSignalHandler())
			type result struct {
				err error
				at  time.Time
			}
			ran := make(chan result, 1)
			go func() { _, err := m.run(parent, p); ran <- result{err, time.Now()} }()
			p.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
			out.waitFor(t, 0, "Theo lĩnh vực CCHC")

			// the registrations report, in the form's first format and suggested name
			p.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("6"), Alt: true})
			p.Send(tea.KeyMsg{Type: tea.KeyRight})
			p.Send(tea.KeyMsg{Type: tea.KeyRight})
			p.Send(tea.KeyMsg{Type: tea.KeyCtrlS})
			select {
			case <-st.reading:
			case <-time.After(10 * time.Second):
				t.Fatal("the report was never written")
			}
			if entries, err := os.ReadDir(dir); err != nil || len(entries) == 0 {
				t.Fatalf("no file being written in the folder: %v %v", entries, err)
			}

			asked := time.Now()
			if how == "quit" {
				p.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
				out.waitFor(t, 0, "Vẫn thoát?")
				p.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")})
				out.waitFor(t, 0, "Hôm nay chưa sao lưu")
				p.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
			} else {
				cancel()
			}
			var r result
			select {
			case r = <-ran:
			case <-time.After(jobsGrace + 5*time.Second):
				t.Fatal("the program did not end")
			}
			if took := r.at.Sub(asked); took > 5*time.Second {
				t.Errorf("the program took %v to end", took)
			}
			if how == "quit" && r.err != nil {
				t.Errorf("quitting ended with %v", r.err)
			}
			if how == "signal" && !errors.Is(r.err, context.Canceled) {
				t.Errorf("a cancelled program ended with %v, not context.Canceled", r.err)
			}
			select {
			case err := <-st.stopped:
				if !errors.Is(err, context.Canceled) {
					t.Errorf("the report's reading ended with %v", err)
				}
			default:
				t.Error("the report's reading was not stopped before the program returned")
			}
			if entries, err := os.ReadDir(dir); err != nil || len(entries) != 0 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("left in the folder: %q %v", names, err)
			}
		})
	}
}

// Quitting while a report is being written over an older one says so
// before anything is stopped, in the clerk's language and whole on the
// smallest screen: no goes back to wait for it; yes goes on to the
// backup's question, and the write stopped leaves the older file as it was.
func TestQuitAsksAboutAReportBeingWritten(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		t.Run(l.T("vi", "en"), func(t *testing.T) {
			st := &stalling{Book: seeded(t), reading: make(chan struct{}), stopped: make(chan error, 1)}
			h := newHarness(t, st, l, MinWidth, MinHeight)
			run, cancel := context.WithCancel(context.Background())
			defer cancel()
			h.m.ctx.Run, h.m.ctx.Jobs = run, &sync.WaitGroup{}
			path := filepath.Join(t.TempDir(), "danh-sach.xlsx")
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			h.leaveJobs = true // the write stalls until quitting stops it
			h.keys("6", "right", "right", "tab", "right", "right", "right", "right", "tab", "tab", "ctrl+u", path, "ctrl+s", "y")
			select {
			case <-st.reading:
			case <-time.After(10 * time.Second):
				t.Fatalf("the report was never written:\n%s", h.view())
			}
			question := l.T("Báo cáo đang được ghi: thoát bây giờ sẽ dừng ghi, tệp mới không được ghi (tệp đã có giữ nguyên). Vẫn thoát? (y/c = có, n/k = không)",
				"A report is being written: quitting now stops it, the new file is not written (a file already there is kept). Quit anyway? (y = yes, n = no)")
			h.keys("esc", "q")
			if v := h.view(); !strings.Contains(oneSpaced(v), question) {
				t.Fatalf("quitting does not say the write stops:\n%s", v)
			}
			h.keys("n") // back, to wait
			if v := h.view(); strings.Contains(oneSpaced(v), question) || strings.Contains(v, l.T("Hôm nay chưa sao lưu", "No backup today")) {
				t.Fatalf("no did not go back:\n%s", v)
			}
			h.keys("q", "y")
			if v := h.view(); !strings.Contains(v, l.T("Hôm nay chưa sao lưu", "No backup today")) {
				t.Fatalf("yes did not go on to the backup's question:\n%s", v)
			}
			_, cmd := h.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
			if cmd == nil {
				t.Fatal("no backup did not quit")
			}
			if _, quit := cmd().(tea.QuitMsg); !quit {
				t.Fatal("no backup did not quit")
			}
			cancel() // as ui.Run does once the program ends
			waitJobs(h.m.ctx.Jobs, jobsGrace)
			if err := <-st.stopped; !errors.Is(err, context.Canceled) {
				t.Errorf("the report's reading ended with %v", err)
			}
			if b, err := os.ReadFile(path); err != nil || string(b) != "old" {
				t.Errorf("the older file after quitting: %q %v", b, err)
			}
		})
	}
}
