package main

import (
	"errors"
	"fmt"
	"os"

	"cchc/internal/lang"
	"cchc/ui"
)

// runTUI opens the clerk's application over the book; a read-only file
// opens read-only with a banner instead of failing.
func runTUI(e *env) error {
	day, err := today()
	if err != nil {
		return err
	}
	st, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer st.Close()
	opt := ui.Options{Lang: e.lang, Today: day, ASCII: os.Getenv("CCHC_ASCII") != ""}
	release := e.holdNotes()
	farewell, err := ui.Run(st, opt)
	release()
	if errors.Is(err, lang.ErrPanic) { // said by ui.Run, the terminal given back
		return err
	}
	if err != nil {
		return lang.Wrap(err, "Không chạy được giao diện trong cửa sổ dòng lệnh này", "Cannot run the application in this terminal")
	}
	if farewell != "" {
		fmt.Fprintln(e.stdout, farewell)
	}
	return nil
}
