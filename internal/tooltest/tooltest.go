// Package tooltest finds the programs that tests drive (tmux, sqlite3,
// chromium, poppler's pdftotext…). On a developer's machine a missing one
// skips the test with what to install; under CI (CI=true) it fails the
// test, so that a CI machine without it cannot pass in silence, except on
// Windows, where those Linux tools are not (see Strict).
package tooltest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
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
	if Strict() {
		t.Fatal(msg)
	}
	t.Skip(msg + OnWindows)
	return ""
}

// CI reports a run under continuous integration, where nothing may be
// skipped for want of a tool.
func CI() bool { return os.Getenv("CI") == "true" }

// Strict reports a run where a missing tool or test server fails the test
// instead of skipping it: CI, except on Windows. The Windows suite (.ci/run
// runs it under wine) has neither the Linux tools the tests drive (tmux,
// sqlite3, chromium, poppler…) nor a PostgreSQL server; the Linux suite
// runs those tests.
func Strict() bool { return CI() && runtime.GOOS != "windows" }

// OnWindows is added to the message of a test skipped on Windows for want
// of a Linux tool or a server.
var OnWindows = map[bool]string{true: " (on Windows: the Linux suite of .ci/run runs this test)"}[runtime.GOOS == "windows"]

// WindowsSuiteEnv is set by .ci/run to the Linux run of the tests when it
// runs the Windows suite as well.
const WindowsSuiteEnv = "CCHC_WINDOWS_SUITE"

// WindowsOnly skips a test that only Windows can run, elsewhere. Under CI
// it fails instead, unless .ci/run says it runs the Windows suite too
// (WindowsSuiteEnv=1): such a test is never skipped in silence.
func WindowsOnly(t testing.TB) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	msg := "a test of Windows only: the Windows suite of .ci/run runs it under wine"
	if CI() && os.Getenv(WindowsSuiteEnv) != "1" {
		t.Fatal(msg + ", and this CI run has no Windows suite (" + WindowsSuiteEnv + " is not 1)")
	}
	t.Skip(msg)
}

// FullEnv asks for the long form of the slowest tests (more rounds, more
// trials); .ci/run sets it. Without it `go test ./...` stays a matter of
// minutes on a clerk's-grade machine.
const FullEnv = "CCHC_TEST_FULL"

// Full reports a run that wants the slow tests in full: CCHC_TEST_FULL=1,
// or CI.
func Full() bool { return os.Getenv(FullEnv) == "1" || CI() }

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
