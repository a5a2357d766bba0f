package main

import (
	"context"
	"io"
	"strings"

	"cchc/internal/console"
	"cchc/internal/lang"
)

// runAndHold runs cchc; started by a double-click, the console window
// closes as cchc ends, so a message it ended with (a book refused, where
// the backup went) waits for Enter to be read.
func runAndHold(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if !console.Alone() {
		return runContext(ctx, args, stdout, stderr)
	}
	out, errs := &console.Counter{W: stdout}, &console.Counter{W: stderr}
	code := runContext(ctx, args, out, errs)
	if out.N+errs.N > 0 {
		console.WaitForEnter(stderr, stdin, langOf(args))
	}
	return code
}

// langOf is the language args ask for (--lang en), else $CCHC_LANG's.
func langOf(args []string) lang.Lang {
	l := langFromEnv()
	for i, a := range args {
		v, ok := strings.CutPrefix(strings.TrimLeft(a, "-"), "lang=")
		if !ok && strings.TrimLeft(a, "-") == "lang" && strings.HasPrefix(a, "-") && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if p, good := lang.Parse(v); ok && good {
			l = p
		}
	}
	return l
}

// clerkFolder is where the files the clerk writes from the application go
// by default: Documents\CCHC when cchc was started by a double-click (the
// exe's folder, often Downloads, would be the current one), else "" (the
// current folder).
func clerkFolder() string {
	if !console.Alone() {
		return ""
	}
	dir, err := console.Folder()
	if err != nil {
		return "" // the current folder then, as from a terminal
	}
	return dir
}
