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
	if l, ok := langAsked(args); ok {
		return l
	}
	return langFromEnv()
}

// langAsked is the language a valid --lang among args asks for, the last
// one when there are several, as the flag package takes it.
func langAsked(args []string) (l lang.Lang, ok bool) {
	for i, a := range args {
		v, is := strings.CutPrefix(strings.TrimLeft(a, "-"), "lang=")
		if !is && strings.TrimLeft(a, "-") == "lang" && strings.HasPrefix(a, "-") && i+1 < len(args) {
			v, is = args[i+1], true
		}
		if p, good := lang.Parse(v); is && good && strings.HasPrefix(a, "-") {
			l, ok = p, true
		}
	}
	return l, ok
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
