package ui

import (
	"context"
	"errors"
	"os"
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
