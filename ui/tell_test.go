package ui

import (
	"io"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
)

// tellingBook is a book whose server tells of changes on a channel.
type tellingBook struct {
	book.Book
	changed chan struct{}
}

func (b tellingBook) Changed() <-chan struct{} { return b.changed }

// quitOnTick is a program that ends at its first watch tick.
type quitOnTick struct{}

func (quitOnTick) Init() tea.Cmd { return nil }
func (quitOnTick) View() string  { return "" }
func (q quitOnTick) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(watchTickMsg); ok {
		return q, tea.Quit
	}
	return q, nil
}

// A change the server tells of reaches the program as a watch tick at
// once, not at the next WatchEvery.
func TestAToldChangeTicksAtOnce(t *testing.T) {
	b := tellingBook{changed: make(chan struct{}, 1)}
	p := tea.NewProgram(quitOnTick{}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer())
	stop := tell(p, b)
	defer stop()
	ran := make(chan error, 1)
	go func() { _, err := p.Run(); ran <- err }()
	b.changed <- struct{}{}
	select {
	case err := <-ran:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(WatchEvery): // a deadline: the tick of watch would come no sooner
		p.Kill()
		t.Fatal("the change told was not passed on")
	}
}
