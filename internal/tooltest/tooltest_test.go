package tooltest

import (
	"os"
	"strings"
	"testing"
)

// Under CI=true a missing tool fails the test; elsewhere it skips it. The
// verdict is read from a child run of this test binary.
func TestMissingToolFailsUnderCI(t *testing.T) {
	if os.Getenv("TOOLTEST_CHILD") == "1" {
		Need(t, "test the helper", "no-such-tool-cchc")
		return
	}
	for ci, want := range map[string]string{"true": "--- FAIL", "": "--- SKIP"} {
		out, failed := Rerun(t, "TestMissingToolFailsUnderCI", "TOOLTEST_CHILD=1", "CI="+ci)
		if failed != (ci == "true") || !strings.Contains(out, want) || !strings.Contains(out, "no-such-tool-cchc not found: needed to test the helper") {
			t.Errorf("CI=%q: want %s, got (failed: %v)\n%s", ci, want, failed, out)
		}
	}
	if p := Need(t, "run a shell", "no-such-tool-cchc", "sh"); p == "" {
		t.Fatal("sh not found")
	}
}
