package main

import (
	"log/slog"
	"os"
	"runtime"
	"strings"

	"cchc/internal/lang"
	"cchc/internal/location"
)

// openLog starts the log a clerk can send to whoever supports them
// (--log FILE or $CCHC_LOG): what was run, by which version, and each
// failure with its technical detail. Passwords of --db never reach it.
func openLog(e *env, path string, args []string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, lang.Wrap(err, "Không mở được tệp nhật ký %s", "Cannot open the log file %s", path)
	}
	e.log = slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	secrets := e.secrets()
	shown := make([]string, len(args))
	for i, a := range args {
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
	return func() { f.Close() }, nil
}

// secrets are what of the book's DSN (--db, else $CCHC_DB) no log or
// message may show.
func (e *env) secrets() []string {
	return append(location.Secrets(e.db), location.Secrets(os.Getenv("CCHC_DB"))...)
}
