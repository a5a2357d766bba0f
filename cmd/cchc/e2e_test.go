package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEndToEndInTmux drives the real binary in a terminal: a fresh
// database, a registration for Huyện Đức Thọ entered through the form,
// quit, then `cchc status --format json` shows it registered 1 of 2.
func TestEndToEndInTmux(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; .ci/run installs it for this test")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "cchc")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "data", "cchc.db")
	sock := "cchc-e2e-" + filepath.Base(dir)
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
	waitFor := func(what string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if strings.Contains(screen(), what) {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("screen never showed %q:\n%s", what, screen())
	}
	keys := func(k ...string) {
		tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...)
		time.Sleep(80 * time.Millisecond)
	}
	waitFor("Tổng quan")
	keys("3")
	waitFor("Văn bản đăng ký mới")
	keys("-l", "duc tho")
	waitFor("Huyện Đức Thọ")
	keys("Enter")
	keys("-l", "312/UBND-NV")
	keys("Tab")
	keys("-l", "20/03/2023")
	keys("Tab")
	keys("Tab")
	keys("-l", "Bộ phận một cửa thân thiện tại xã Tùng Ảnh")
	keys("Tab")
	keys("Right") // Sáng kiến
	keys("C-s")
	waitFor("Đã lưu «Bộ phận một cửa thân thiện tại xã Tùng Ảnh» của Huyện Đức Thọ")
	keys("Escape")
	waitFor("[1 Tổng quan]")
	keys("q")
	waitFor("Hôm nay chưa sao lưu") // once a day, a backup is offered on quit
	keys("y")
	running := func() bool { return exec.Command("tmux", "-L", sock, "has-session", "-t", "e2e").Run() == nil }
	for deadline := time.Now().Add(5 * time.Second); running() && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if running() {
		t.Fatalf("the app did not quit on q:\n%s", screen())
	}
	if backups, _ := filepath.Glob(filepath.Join(dir, "data", "cchc-backup-*.db")); len(backups) != 1 {
		t.Fatalf("backups on quit: %v", backups)
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
