// Package tooltest finds the programs that tests drive (tmux, sqlite3,
// chromium, poppler's pdftotext…). On a developer's machine a missing one
// skips the test with what to install; under CI (CI=true) it fails the
// test, so that a CI machine without it cannot pass in silence.
package tooltest

import (
	"errors"
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

// Rerun runs the test binary again for the one test named, with env added
// to its environment, and returns what it printed and whether it failed:
// for tests of what a helper does to the test that calls it.
func Rerun(t testing.TB, test string, env ...string) (out string, failed bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$", "-test.v")
	cmd.Env = append(os.Environ(), env...)
	b, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("rerunning %s: %v", test, err)
	}
	return string(b), err != nil
}
