package tooltest

import (
	"os"
	"os/exec"
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
		cmd := exec.Command(os.Args[0], "-test.run=^TestMissingToolFailsUnderCI$", "-test.v")
		cmd.Env = append(os.Environ(), "TOOLTEST_CHILD=1", "CI="+ci)
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), want) || !strings.Contains(string(out), "no-such-tool-cchc not found: needed to test the helper") {
			t.Errorf("CI=%q: want %s, got\n%s", ci, want, out)
		}
	}
	if p := Need(t, "run a shell", "no-such-tool-cchc", "sh"); p == "" {
		t.Fatal("sh not found")
	}
}
