package main

import (
	"log/slog"
	"os"
	"runtime"
	"strings"

	"cchc/internal/lang"
	"cchc/internal/location"
)

// startLog starts the log a clerk can send to whoever supports them
// (--log FILE, before or after the command's name, or $CCHC_LOG): what
// was run, by which version, and each failure with its technical detail.
// Passwords of --db never reach it. A log named again replaces the one
// started before, which says where it continued ($CCHC_LOG is started
// before a --log after the command's name is read); one that cannot be
// opened is kept in e.logErr, which parse tells instead of a flag error.
func (e *env) startLog(path string) error {
	if e.logFile != nil && e.logPath == path {
		return nil // the same flags parsed again (parseNames)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		e.logErr = lang.Wrap(err, "Không mở được tệp nhật ký %s", "Cannot open the log file %s", path)
		return e.logErr
	}
	if e.logFile != nil {
		e.log.Info("continued", "in", path) // $CCHC_LOG, then a --log after the command's name
		e.closeLog()
	}
	e.logFile, e.logPath = f, path
	e.log = slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	secrets := e.secrets()
	shown := make([]string, len(e.args))
	for i, a := range e.args {
		a = location.Redact(a)
		if k, v, ok := strings.Cut(a, "="); ok && strings.HasPrefix(k, "-") {
			a = k + "=" + location.Redact(v) // --db=postgres://…
		}
		for _, s := range secrets {
			a = strings.ReplaceAll(a, s, "xxxxx")
		}
		shown[i] = a
	}
	e.log.Info("start", "version", version, "os", runtime.GOOS+"/"+runtime.GOARCH, "args", shown)
	return nil
}

// closeLog closes the log, if one was started.
func (e *env) closeLog() {
	if e.logFile != nil {
		e.logFile.Close()
		e.logFile = nil
	}
}

// secrets are what of the book's DSN (--db, else $CCHC_DB) no log or
// message may show.
func (e *env) secrets() []string {
	return append(location.Secrets(e.db), location.Secrets(os.Getenv("CCHC_DB"))...)
}
