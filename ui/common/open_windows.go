package common

import (
	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/sys/windows"
)

// shellExecute is windows.ShellExecute; a test records its arguments.
var shellExecute = windows.ShellExecute

// OpenFile hands the file to the program Windows opens it with. Through
// ShellExecute, not "cmd /c start": a command line splits a path at "&"
// and expands "%USERNAME%" in it.
func OpenFile(path string, done func(error) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		verb, err := windows.UTF16PtrFromString("open")
		if err != nil {
			return done(err)
		}
		file, err := windows.UTF16PtrFromString(path)
		if err != nil {
			return done(err)
		}
		return done(shellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL))
	}
}
