package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cchc/internal/tooltest"
)

// TestEndToEndInTmux drives the real binary in a terminal: a fresh
// database, a registration for Huyện Đức Thọ entered through the form,
// quit, then `cchc status --format json` shows it registered 1 of 2.
func TestEndToEndInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	tooltest.Need(t, "drive the application in a terminal (Debian: tmux)", "tmux")
	dir := t.TempDir()
	bin := filepath.Join(dir, "cchc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "data", "cchc.db")
	// a server of its own: the name is unique to this run (t.TempDir's
	// last element is "001" in every run, and other runs share the machine)
	sock := fmt.Sprintf("cchc-e2e-%d-%s", os.Getpid(), filepath.Base(filepath.Dir(dir)))
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil && args[0] != "kill-server" {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	t.Cleanup(func() { tmux("kill-server") })
	tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30",
		"env", "CCHC_TODAY=21/03/2023", "TERM=xterm-256color", bin, "--db", db)
	screen := func() string { return tmux("capture-pane", "-p", "-t", "e2e") }
	// waitFor polls the screen until it shows what, instead of sleeping a
	// guess after each key: the test is as fast as the app, and a slow
	// machine only makes it wait longer, up to the timeout.
	waitFor := func(what string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for time.Now().Before(deadline) {
			if strings.Contains(screen(), what) {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("screen never showed %q:\n%s", what, screen())
	}
	// press sends keys, then waits for what they bring on screen ("›" marks
	// the field that has the focus).
	press := func(what string, k ...string) {
		t.Helper()
		tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...)
		waitFor(what)
	}
	typ := func(text string) { t.Helper(); press(text, "-l", text) }
	waitFor("Tổng quan")
	press("Văn bản đăng ký mới", "3")
	typ("duc tho")
	press("Huyện Đức Thọ", "Enter")
	waitFor("›Số văn bản") // the agency is taken and the focus moves on
	typ("312/UBND-NV")
	press("›Ngày văn bản", "Tab")
	typ("20/03/2023")
	press("›Ngày nhận", "Tab")
	press("›Tên", "Tab")
	typ("Bộ phận một cửa thân thiện tại xã Tùng Ảnh")
	press("›Loại", "Tab")
	press("‹ Sáng kiến ›", "Right")
	press("Đã lưu «Bộ phận một cửa thân thiện tại xã Tùng Ảnh» của Huyện Đức Thọ", "C-s")
	press("[1 Tổng quan]", "Escape")
	press("Hôm nay chưa sao lưu", "q") // once a day, a backup is offered on quit
	tmux("send-keys", "-t", "e2e", "y")
	running := func() bool { return exec.Command("tmux", "-L", sock, "has-session", "-t", "e2e").Run() == nil }
	for deadline := time.Now().Add(15 * time.Second); running() && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond) // polling for the end, not waiting a guess
	}
	if running() {
		t.Fatalf("the app did not quit on q:\n%s", screen())
	}
	if backups, err := filepath.Glob(filepath.Join(dir, "data", "cchc-backup-*.db")); err != nil || len(backups) != 1 {
		t.Fatalf("backups on quit: %v (%v)", backups, err)
	}

	out, err := exec.Command(bin, "--db", db, "status", "--format", "json", "--as-of", "21/03/2023").Output()
	if err != nil {
		t.Fatalf("status: %v", err)
	}
	var st struct {
		Agencies []struct {
			Name       string `json:"name"`
			Registered int    `json:"registered"`
			Required   int    `json:"required"`
			Status     string `json:"status"`
		} `json:"agencies"`
	}
	if err := json.Unmarshal(out, &st); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range st.Agencies {
		if a.Name == "Huyện Đức Thọ" {
			found = true
			if a.Registered != 1 || a.Required != 2 || a.Status != "short" {
				t.Fatalf("Đức Thọ = %+v", a)
			}
		} else if a.Registered != 0 {
			t.Fatalf("%s registered %d", a.Name, a.Registered)
		}
	}
	if !found {
		t.Fatal("Huyện Đức Thọ missing from status")
	}
	if info, err := os.Stat(db); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("database file: %v %v", err, info)
	}
}
