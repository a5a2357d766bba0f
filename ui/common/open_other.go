//go:build !windows

package common

import (
	"os/exec"
	"runtime"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// OpenFile hands the file at path to the system's viewer (xdg-open, open);
// done makes the message that says how it went.
func OpenFile(path string, done func(error) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		name := "xdg-open"
		if runtime.GOOS == "darwin" {
			name = "open"
		}
		cmd := exec.Command(name, path)
		if err := cmd.Start(); err != nil {
			return done(err)
		}
		// xdg-open and its kind say at once when no program takes the
		// file; one that opens it may run on: waited for in the
		// background, so that it leaves no zombie behind
		waited := make(chan error, 1)
		go func() { waited <- cmd.Wait() }()
		select {
		case err := <-waited:
			return done(err)
		case <-time.After(3 * time.Second):
			return done(nil)
		}
	}
}
