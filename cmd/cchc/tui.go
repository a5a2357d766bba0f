package main

import (
	"context"
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
	opt := ui.Options{Lang: e.lang, Today: day, ASCII: os.Getenv("CCHC_ASCII") != "", Folder: clerkFolder()}
	release := e.holdNotes()
	farewell, err := ui.Run(e.ctx, st, opt)
	release()
	closeErr := st.Close()
	if errors.Is(err, lang.ErrPanic) || (errors.Is(err, context.Canceled) && e.ctx.Err() != nil) {
		return err // said by ui.Run, or stopped by ctrl+c/SIGTERM: finish says so
	}
	if err != nil {
		return lang.Wrap(err, "Không chạy được giao diện trong cửa sổ dòng lệnh này", "Cannot run the application in this terminal")
	}
	if farewell != "" {
		fmt.Fprintln(e.stdout, farewell)
	}
	if a, ok := st.(interface{ SetAside() string }); ok && a.SetAside() != "" {
		fmt.Fprintln(e.stdout, e.lang.F("Những thay đổi của cửa sổ này chưa vào tệp dữ liệu (nhật ký ghi) được để riêng ở %s, không ghi vào tệp đang ở chỗ sổ.",
			"What this window changed that had not reached the database (its log) was set aside in %s, not written into the file now in the book's place.", a.SetAside()))
	}
	var told *lang.Error
	if errors.As(closeErr, &told) {
		return closeErr // the log could not be set aside: the clerk must know
	}
	return nil
}
