// Package console is how cchc was started on the clerk's PC: from a
// terminal, or by a double-click on cchc.exe, when the console window is
// cchc's alone and closes with it. Then a message that ends the program
// waits for Enter, files the clerk writes go by default to a folder the
// clerk can find (Documents\CCHC), and help names variables as Windows
// writes them (%CCHC_DB%).
package console

import (
	"fmt"
	"io"
	"runtime"

	"cchc/internal/lang"
)

// Alone reports a console window that is cchc's alone (started by a
// double-click): it closes as soon as cchc ends. A variable so that a test
// may say so.
var Alone = alone

// EnvVar is the name of an environment variable as the clerk's system
// writes it: %CCHC_DB% on Windows, $CCHC_DB elsewhere.
func EnvVar(name string) string {
	if runtime.GOOS == "windows" {
		return "%" + name + "%"
	}
	return "$" + name
}

// WaitForEnter asks the clerk to press Enter and waits for it, so that the
// message above stays readable in a window that closes when cchc ends.
func WaitForEnter(w io.Writer, r io.Reader, l lang.Lang) {
	fmt.Fprint(w, "\n"+l.T("Nhấn Enter để đóng cửa sổ.", "Press Enter to close this window.")+" ")
	// byte by byte: nothing after the line is taken from the input; an
	// end of input (no keyboard) ends the wait too
	var b [1]byte
	for {
		if n, err := r.Read(b[:]); err != nil || n == 1 && b[0] == '\n' {
			return
		}
	}
}

// Counter counts what is written through it: whether a message was shown.
type Counter struct {
	W io.Writer
	N int64
}

func (c *Counter) Write(p []byte) (int, error) {
	n, err := c.W.Write(p)
	c.N += int64(n)
	return n, err
}
