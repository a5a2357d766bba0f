package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestEndToEndInTmux drives the real binary in a terminal: a fresh
// database, a registration for Huyện Đức Thọ entered through the form,
// quit, then `cchc status --format json` shows it registered 1 of 2.
func TestEndToEndInTmux(t *testing.T) {
	dir := t.TempDir()
	bin := buildForTmux(t, dir)
	db := filepath.Join(dir, "data", "cchc.db")
	r := startTmux(t, "env", "CCHC_TODAY=21/03/2023", "TERM=xterm-256color", bin, "--db", db)
	// press sends keys, then waits for what they bring on screen ("›" marks
	// the field that has the focus).
	press, waitFor := r.press, r.waitFor
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
	r.send("y")
	r.until("quit on q", func() bool { return !r.running() })
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
