//go:build !windows

package reports

import (
	"os/exec"
	"runtime"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// openFile hands the file to the system's viewer (xdg-open, open).
func openFile(path string) tea.Cmd {
	return func() tea.Msg {
		name := "xdg-open"
		if runtime.GOOS == "darwin" {
			name = "open"
		}
		cmd := exec.Command(name, path)
		if err := cmd.Start(); err != nil {
			return openedMsg{err}
		}
		// xdg-open and its kind say at once when no program takes the
		// file; one that opens it may run on: waited for in the
		// background, so that it leaves no zombie behind
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			return openedMsg{err}
		case <-time.After(3 * time.Second):
			return openedMsg{nil}
		}
	}
}
