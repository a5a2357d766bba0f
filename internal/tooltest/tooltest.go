// Package tooltest finds the programs that tests drive (tmux, sqlite3,
// chromium, poppler's pdftotext…). On a developer's machine a missing one
// skips the test with what to install; under CI (CI=true) it fails the
// test, so that a CI machine without it cannot pass in silence.
package tooltest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Need returns the path of the first of names found on PATH; what says
// what the test does with it and which package brings it.
func Need(t testing.TB, what string, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("%s not found: needed to %s (.ci/run installs it)", strings.Join(names, " or "), what)
	if CI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// CI reports a run under continuous integration, where nothing may be
// skipped for want of a tool.
func CI() bool { return os.Getenv("CI") == "true" }
