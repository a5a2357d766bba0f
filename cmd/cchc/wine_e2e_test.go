//go:build linux

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"cchc/internal/tooltest"
)

// The Windows program a clerk gets (.ci/package's cchc.exe) run under wine
// (.ci/wine): .ci/windows sets these after unpacking the zip.
const (
	wineExeEnv   = "CCHC_WINE_EXE"   // the cchc.exe to run
	wineExecEnv  = "CCHC_WINE_EXEC"  // .ci/wine's runner: wine in its prefix
	wineDirEnv   = "CCHC_WINE"       // .ci/wine's folder (the prefix's C: is prefix/drive_c)
	wineShareEnv = "CCHC_WINE_SHARE" // the folder seen as network drive X: and \\cchc-server\share
)

// wineRun runs cchc.exe under wine.
type wineRun struct {
	t         *testing.T
	exe, exec string
	cDir      string // C:\<work> as a Linux path
	win       string // C:\<work>
	share     string
}

func newWineRun(t *testing.T) *wineRun {
	t.Helper()
	if testing.Short() {
		t.Skip("the Windows end-to-end run is skipped in -short mode")
	}
	w := &wineRun{t: t, exe: os.Getenv(wineExeEnv), exec: os.Getenv(wineExecEnv), share: os.Getenv(wineShareEnv)}
	dir := os.Getenv(wineDirEnv)
	if w.exe == "" || w.exec == "" || dir == "" || w.share == "" {
		// .ci/windows runs this test alone, with them, and fails unless it passed
		t.Skipf("no cchc.exe under wine: set %s, %s, %s and %s (.ci/windows does: .ci/wine start, .ci/package)", wineExeEnv, wineExecEnv, wineDirEnv, wineShareEnv)
	}
	name := fmt.Sprintf("e2e-%d-%d", os.Getpid(), time.Now().UnixNano())
	w.cDir = filepath.Join(dir, "prefix", "drive_c", name)
	w.win = `C:\` + name
	if err := os.Mkdir(w.cDir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(w.cDir) })
	return w
}

// on is w for the subtest t: a test fails only from its own goroutine.
func (w wineRun) on(t *testing.T) *wineRun { w.t = t; return &w }

// path is a file of the work folder, as cchc.exe names it.
func (w *wineRun) path(name string) string { return w.win + `\` + name }

// local is a file of the work folder, as this test reads it.
func (w *wineRun) local(name string) string { return filepath.Join(w.cDir, name) }

// cmd runs cchc.exe with args.
func (w *wineRun) cmd(args ...string) *exec.Cmd {
	return exec.Command(w.exec, append([]string{w.exe}, args...)...)
}

// run runs cchc.exe and gives its exit code and output.
func (w *wineRun) run(args ...string) (code int, stdout, stderr string) {
	w.t.Helper()
	var out, errb bytes.Buffer
	c := w.cmd(args...)
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		return exit.ExitCode(), out.String(), errb.String()
	} else if err != nil {
		w.t.Fatalf("cchc.exe %q: %v", args, err)
	}
	return 0, out.String(), errb.String()
}

// ok runs cchc.exe, which must succeed, and gives what it printed.
func (w *wineRun) ok(args ...string) string {
	w.t.Helper()
	code, out, errs := w.run(args...)
	if code != 0 {
		w.t.Fatalf("cchc.exe %q: exit %d\n%s%s", args, code, out, errs)
	}
	return out
}

type wineStatus struct {
	Agencies []struct {
		Name       string `json:"name"`
		Registered int    `json:"registered"`
	} `json:"agencies"`
}

func (w *wineRun) status(db string) map[string]int {
	w.t.Helper()
	var st wineStatus
	if err := json.Unmarshal([]byte(w.ok("--db", db, "status", "--format", "json")), &st); err != nil {
		w.t.Fatalf("status json: %v", err)
	}
	got := map[string]int{}
	for _, a := range st.Agencies {
		got[a.Name] = a.Registered
	}
	return got
}

// TestWindowsExeUnderWine is the clerk's cchc.exe on Windows (wine): the
// command line, then the application in a terminal.
func TestWindowsExeUnderWine(t *testing.T) {
	w := newWineRun(t)

	t.Run("version", func(t *testing.T) {
		w := w.on(t)
		out := w.ok("version")
		want, err := os.ReadFile("../../VERSION")
		if err != nil {
			t.Fatal(err)
		}
		// the version resource Explorer's Properties shows (.ci/package)
		exe, err := os.ReadFile(w.exe)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"ProductName", "CompanyName", "cchc authors", "cchc.exe", strings.TrimSpace(string(want)) + " ("} {
			if !bytes.Contains(exe, []byte(utf16(s))) { // ASCII, as UTF-16LE
				t.Errorf("cchc.exe has no version information %q", s)
			}
		}
		if !strings.HasPrefix(out, "cchc "+strings.TrimSpace(string(want))+" (") || !strings.Contains(out, "\ncommit: ") || strings.Contains(out, "commit: unknown") || strings.Contains(out, "không rõ") {
			t.Fatalf("version: %q", out)
		}
	})

	t.Run("demo and status", func(t *testing.T) {
		w := w.on(t)
		code, _, errs := w.run("--db", w.path("demo.db"), "demo")
		if code != 0 || !strings.Contains(errs, "Đã tạo") {
			t.Fatalf("demo: exit %d, %q", code, errs)
		}
		total := 0
		for _, n := range w.status(w.path("demo.db")) {
			total += n
		}
		if total == 0 {
			t.Fatal("the demo book's status shows no registration")
		}
	})

	book := w.path("cchc.db")
	csv := "STT,Tên mô hình,Loại,Lĩnh vực,Thời gian thực hiện\r\n1,Một cửa điện tử liên thông,Mô hình,Thủ tục hành chính,Quý II/2023\r\n2,Số hóa hồ sơ,Sáng kiến,Chính quyền điện tử,Quý III/2023\r\n"
	if err := os.WriteFile(w.local("dang-ky.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("import", func(t *testing.T) {
		w := w.on(t)
		out := w.ok("--db", book, "import", "registrations", w.path("dang-ky.csv"), "--agency", "Sở Y tế", "--received", "01/03/2023")
		if got := w.status(book)["Sở Y tế"]; got != 2 {
			t.Fatalf("Sở Y tế has %d registrations after the import:\n%s", got, out)
		}
	})

	t.Run("two writers at once", func(t *testing.T) {
		w := w.on(t)
		agencies := []string{"Sở Tư pháp", "Sở Tài chính"}
		var wg sync.WaitGroup
		results := make([]string, len(agencies))
		for i, a := range agencies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out, err := w.cmd("--db", book, "import", "registrations", w.path("dang-ky.csv"), "--agency", a, "--received", "02/03/2023").CombinedOutput()
				if err != nil {
					results[i] = fmt.Sprintf("%s: %v\n%s", a, err, out)
				}
			}()
		}
		wg.Wait()
		for _, r := range results {
			if r != "" {
				t.Error(r)
			}
		}
		st := w.status(book)
		for _, a := range append(agencies, "Sở Y tế") {
			if st[a] != 2 {
				t.Errorf("%s has %d registrations, want 2", a, st[a])
			}
		}
	})

	t.Run("reports", func(t *testing.T) {
		w := w.on(t)
		for format, magic := range map[string]string{"docx": "PK\x03\x04", "xlsx": "PK\x03\x04", "pdf": "%PDF-"} {
			name := "dang-ky." + format
			w.ok("--db", book, "report", "registrations", "--format", format, "-o", w.path(name))
			b, err := os.ReadFile(w.local(name))
			if err != nil || !bytes.HasPrefix(b, []byte(magic)) || len(b) < 1000 {
				t.Errorf("%s report: %d bytes, %v", format, len(b), err)
			}
		}
		// Excel on Windows: csv with a BOM and CRLF
		w.ok("--db", book, "report", "status", "--format", "csv", "-o", w.path("tinh-hinh.csv"))
		if b, err := os.ReadFile(w.local("tinh-hinh.csv")); err != nil || !bytes.HasPrefix(b, []byte("\ufeff")) || !bytes.Contains(b, []byte("\r\n")) {
			t.Errorf("csv report: %v %q", err, b[:min(len(b), 80)])
		}
	})

	t.Run("backup", func(t *testing.T) {
		w := w.on(t)
		w.ok("--db", book, "backup", w.path("sao-luu.db"))
		if got := w.status(w.path("sao-luu.db"))["Sở Tài chính"]; got != 2 {
			t.Fatalf("the backup holds %d registrations of Sở Tài chính", got)
		}
		w.ok("--db", w.path("sao-luu.db"), "check")
		w.ok("--db", book, "backup") // the dated one, beside the book
		if dated, err := filepath.Glob(w.local("cchc-backup-*.db")); err != nil || len(dated) != 1 {
			t.Fatalf("dated backup: %v %v", dated, err)
		}
	})

	t.Run("a share is refused", func(t *testing.T) {
		w := w.on(t)
		copyBook := filepath.Join(w.share, fmt.Sprintf("so-chung-%d.db", os.Getpid()))
		data, err := os.ReadFile(w.local("sao-luu.db"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(copyBook, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
				os.Remove(copyBook + suffix)
			}
		})
		base := filepath.Base(copyBook)
		for _, at := range []string{`X:\`, `\\cchc-server\share\`} {
			// a new book there is not made
			code, _, errs := w.run("--db", at+"moi.db", "import", "registrations", w.path("dang-ky.csv"), "--agency", "Sở Y tế", "--received", "01/03/2023")
			if code == 0 || !strings.Contains(errs, "ổ mạng") {
				t.Errorf("%smoi.db: exit %d, %q", at, code, errs)
			}
			if _, err := os.Stat(filepath.Join(w.share, "moi.db")); err == nil {
				t.Errorf("%smoi.db was created", at)
			}
			// a book there is read, never written
			before := sha256.Sum256(data)
			code, _, errs = w.run("--db", at+base, "import", "registrations", w.path("dang-ky.csv"), "--agency", "Sở Y tế", "--received", "01/03/2023")
			if code == 0 || !strings.Contains(errs, "ổ mạng") {
				t.Errorf("import into %s%s: exit %d, %q", at, base, code, errs)
			}
			if got := w.status(at + base)["Sở Y tế"]; got != 2 {
				t.Errorf("status of %s%s: Sở Y tế has %d", at, base, got)
			}
			if after, err := os.ReadFile(copyBook); err != nil || sha256.Sum256(after) != before {
				t.Errorf("the book on the share changed (%v)", err)
			}
		}
	})

	t.Run("the application in a terminal", func(t *testing.T) { wineTUI(t, w.on(t)) })
}

// wineTUI types a registration into cchc.exe's form in tmux, saves it with
// ctrl+s and compares the stored row with what the screen showed. Wine's
// console ignores cursor-up, so the screen drifts: what is waited for is
// new text, and the verdict is the stored row, not the picture.
func wineTUI(t *testing.T, w *wineRun) {
	tooltest.Need(t, "drive the application in a terminal (Debian: tmux)", "tmux")
	db := w.path("tui.db")
	sock := fmt.Sprintf("cchc-wine-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil && args[0] != "kill-server" {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	t.Cleanup(func() { tmux("kill-server") })
	tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30",
		"env", "CCHC_TODAY=21/03/2023", "TERM=xterm-256color", w.exec, w.exe, "--db", db)
	screen := func() string { return tmux("capture-pane", "-p", "-t", "e2e") }
	waitFor := func(what string) string {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second) // wine starts slowly on a busy machine
		for time.Now().Before(deadline) {
			if s := screen(); strings.Contains(s, what) {
				return s
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("screen never showed %q:\n%s", what, screen())
		return ""
	}
	press := func(what string, k ...string) string {
		t.Helper()
		tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...)
		return waitFor(what)
	}
	typ := func(text string) { t.Helper(); press(text, "-l", text) }
	field := func(s, label string) string { // the value last shown after a field's label
		value := ""
		for _, line := range strings.Split(s, "\n") {
			if rest, ok := strings.CutPrefix(strings.TrimPrefix(strings.TrimSpace(line), "›"), label+" "); ok {
				value = strings.Trim(rest, " ‹›")
			}
		}
		return value
	}

	waitFor("n nhập mới") // the overview's keys: its first line may have drifted away
	press("Văn bản đăng ký mới", "3")
	typ("duc tho")
	press("✓ Huyện Đức Thọ", "Enter")
	typ("312/UBND-NV")
	tmux("send-keys", "-t", "e2e", "Tab")
	typ("20/03/2023")
	tmux("send-keys", "-t", "e2e", "Tab", "Tab") // Ngày nhận keeps its 21/03/2023
	title := "Bộ phận một cửa thân thiện tại xã Tùng Ảnh"
	typ(title)
	tmux("send-keys", "-t", "e2e", "Tab")
	press("‹ Sáng kiến ›", "Right")
	tmux("send-keys", "-t", "e2e", "Tab")
	shown := press("‹ Cải cách thủ tục hành chính ›", "Right")
	area := field(shown, "Lĩnh vực")
	kind := field(shown, "Loại")
	received := field(shown, "Ngày nhận")
	press("Đã lưu «"+title+"» của Huyện Đức Thọ", "C-s")
	// the overview's latest letters: the tab bar may have drifted off the
	// screen (and an esc at once followed by q would be alt+q)
	press("Số 312/UBND-NV", "Escape")
	press("Hôm nay chưa sao lưu", "q") // once a day, a backup is offered on quit
	tmux("send-keys", "-t", "e2e", "n")
	running := func() bool { return exec.Command("tmux", "-L", sock, "has-session", "-t", "e2e").Run() == nil }
	for deadline := time.Now().Add(60 * time.Second); running() && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond) // polling for the end
	}
	if running() {
		t.Fatalf("cchc.exe did not quit on q:\n%s", screen())
	}

	var rep struct {
		Registrations []struct {
			Agency, Title, Kind, Area, Received string
			LetterNumber                        string `json:"letter_number"`
			LetterDate                          string `json:"letter_date"`
		} `json:"registrations"`
	}
	if err := json.Unmarshal([]byte(w.ok("--db", db, "report", "registrations", "--format", "json")), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Registrations) != 1 {
		t.Fatalf("stored %d registrations, want 1: %+v", len(rep.Registrations), rep.Registrations)
	}
	r := rep.Registrations[0]
	kinds := map[string]string{"Sáng kiến": "initiative", "Mô hình": "model"}
	areas := map[string]string{"Cải cách thể chế": "institutions", "Cải cách thủ tục hành chính": "procedures"}
	t.Logf("screen: Loại %q, Lĩnh vực %q, Ngày nhận %q; stored: %+v", kind, area, received, r)
	if r.Agency != "Huyện Đức Thọ" || r.Title != title || r.LetterNumber != "312/UBND-NV" || r.LetterDate != "2023-03-20" ||
		r.Kind != kinds[kind] || r.Area != areas[area] || received != "21/03/2023" || r.Received != "2023-03-21" {
		t.Errorf("the stored row is not what the screen showed:\n%s", strings.Join(strings.FieldsFunc(shown, func(r rune) bool { return r == '\n' }), "\n"))
	}
}
