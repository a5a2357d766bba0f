package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cchc/internal/tooltest"
)

// buildForTmux builds cchc into dir for a test that drives it in a
// terminal; skipped in -short mode and without tmux.
func buildForTmux(t *testing.T, dir string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	tooltest.Need(t, "drive the application in a terminal (Debian: tmux)", "tmux")
	bin := filepath.Join(dir, "cchc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// tmuxRun is a program running in a 100x30 terminal of a tmux server of
// its own, stopped at the test's end.
type tmuxRun struct {
	t    *testing.T
	sock string
}

// startTmux runs argv in a new tmux server; the name is unique to this
// run (t.TempDir's last element is "001" in every run, and other runs
// share the machine).
func startTmux(t *testing.T, argv ...string) *tmuxRun {
	t.Helper()
	r := &tmuxRun{t: t, sock: fmt.Sprintf("cchc-e2e-%d-%s", os.Getpid(), filepath.Base(filepath.Dir(t.TempDir())))}
	t.Cleanup(func() { r.tmux("kill-server") })
	r.tmux(append([]string{"new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30"}, argv...)...)
	return r
}

func (r *tmuxRun) tmux(args ...string) string {
	out, err := exec.Command("tmux", append([]string{"-L", r.sock}, args...)...).CombinedOutput()
	if err != nil && args[0] != "kill-server" {
		r.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (r *tmuxRun) screen() string { return r.tmux("capture-pane", "-p", "-t", "e2e") }

// send types keys (tmux's names: Enter, Escape, C-s; "-l" then text).
func (r *tmuxRun) send(keys ...string) {
	r.tmux(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// until polls ok instead of sleeping a guess after each key: the test is
// as fast as the app, and a slow machine only makes it wait longer, up to
// the timeout.
func (r *tmuxRun) until(what string, ok func() bool) {
	r.t.Helper()
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if ok() {
			return
		}
	}
	r.t.Fatalf("never %s:\n%s", what, r.screen())
}

// waitFor waits until the screen shows what.
func (r *tmuxRun) waitFor(what string) {
	r.t.Helper()
	r.until(fmt.Sprintf("showed %q", what), func() bool { return strings.Contains(r.screen(), what) })
}

// press sends keys, then waits for what they bring on screen.
func (r *tmuxRun) press(what string, keys ...string) {
	r.t.Helper()
	r.send(keys...)
	r.waitFor(what)
}

// running reports that the program has not ended.
func (r *tmuxRun) running() bool {
	return exec.Command("tmux", "-L", r.sock, "has-session", "-t", "e2e").Run() == nil
}
