package tooltest

import (
	"os"
	"runtime"
	"strings"
	"testing"
)

// Under CI=true a missing tool fails the test; elsewhere, and on Windows
// (whose suite lacks the Linux tools), it skips it, saying why. The
// verdict is read from a child run of this test binary.
func TestMissingToolFailsUnderCI(t *testing.T) {
	if os.Getenv("TOOLTEST_CHILD") == "1" {
		Need(t, "test the helper", "no-such-tool-cchc")
		return
	}
	windows := runtime.GOOS == "windows"
	for ci, want := range map[string]string{"true": "--- FAIL", "": "--- SKIP"} {
		if windows {
			want = "--- SKIP"
		}
		out, failed := Rerun(t, "TestMissingToolFailsUnderCI", "TOOLTEST_CHILD=1", "CI="+ci)
		if failed != (want == "--- FAIL") || !strings.Contains(out, want) || !strings.Contains(out, "no-such-tool-cchc not found: needed to test the helper") {
			t.Errorf("CI=%q: want %s, got (failed: %v)\n%s", ci, want, failed, out)
		}
		if windows && !strings.Contains(out, "the Linux suite of .ci/run runs this test") {
			t.Errorf("CI=%q: the skip does not say why:\n%s", ci, out)
		}
	}
	sh := "sh"
	if windows {
		sh = "cmd"
	}
	if p := Need(t, "run a shell", "no-such-tool-cchc", sh); p == "" {
		t.Fatal(sh + " not found")
	}
}

// A test of Windows only runs on Windows; elsewhere it skips, but under CI
// only when .ci/run says its Windows suite runs it.
func TestWindowsOnlyIsNeverSkippedInSilence(t *testing.T) {
	if os.Getenv("TOOLTEST_CHILD") == "1" {
		WindowsOnly(t)
		t.Log("ran")
		return
	}
	for _, tc := range []struct{ ci, suite, want string }{
		{"", "", "--- SKIP"},
		{"true", "1", "--- SKIP"},
		{"true", "", "--- FAIL"},
	} {
		if runtime.GOOS == "windows" {
			tc.want = "--- PASS"
		}
		out, failed := Rerun(t, "TestWindowsOnlyIsNeverSkippedInSilence", "TOOLTEST_CHILD=1", "CI="+tc.ci, WindowsSuiteEnv+"="+tc.suite)
		if failed != (tc.want == "--- FAIL") || !strings.Contains(out, tc.want) {
			t.Errorf("CI=%q %s=%q: want %s, got (failed: %v)\n%s", tc.ci, WindowsSuiteEnv, tc.suite, tc.want, failed, out)
		}
	}
}
