package ui

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/demo/demotest"
	"cchc/internal/lang"
	"cchc/internal/store"
	"cchc/internal/vndate"
	"cchc/ui/common"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	code := m.Run()
	demotest.Cleanup() // the national book of the benchmarks, if one was made
	os.Exit(code)
}

var today = vndate.Of(2023, 3, 27)

// seeded opens a new book with a few letters received around the deadline.
func seeded(t testing.TB) book.Book {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "cchc.db"), store.Options{
		Now: func() time.Time { return time.Date(2023, 3, 27, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	c, agencies := agenciesOf(t, st, 0)
	id := func(name string) int64 {
		for _, a := range agencies {
			if a.Name == name {
				return a.ID
			}
		}
		t.Fatalf("no %s", name)
		return 0
	}
	letters := []struct {
		agency, number string
		received       vndate.Date
		titles         []string
		area           campaign.Area
	}{
		{"Thành phố Hà Tĩnh", "88/UBND-NV", vndate.Of(2023, 3, 23), []string{"Phường thông minh", "Một cửa số", "Chợ không tiền mặt"}, campaign.DigitalGovt},
		{"Sở Y tế", "57/SYT-VP", vndate.Of(2023, 3, 22), []string{"Khám bệnh không giấy tờ"}, campaign.Procedures},
		{"Huyện Đức Thọ", "312/UBND-NV", vndate.Of(2023, 3, 21), []string{"Bộ phận một cửa thân thiện"}, campaign.Procedures},
		{"Sở Thông tin và Truyền thông", "60/STTTT-VP", vndate.Of(2023, 3, 25), []string{"Trợ lý ảo công chức", "Bản đồ số"}, campaign.DigitalGovt},
	}
	for _, l := range letters {
		var regs []campaign.Registration
		for _, title := range l.titles {
			regs = append(regs, campaign.Registration{Title: title, Kind: campaign.Model, Area: l.area, Timeline: "Quý II/2023"})
		}
		if _, _, err := st.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: id(l.agency), Number: l.number,
			Received: l.received}, regs); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// harness drives the root model the way Bubble Tea would, running every
// command synchronously so the test sees the state after each step.
type harness struct {
	t *testing.T
	m *Model
	// leaveJobs leaves a job going at its first tick instead of following
	// it to its end: a write stalled on purpose (cancel_test.go)
	leaveJobs bool
}

func newHarness(t *testing.T, st book.Book, l lang.Lang, w, h int) *harness {
	hs := &harness{t: t, m: New(st, Options{Lang: l, Today: today})}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

// run follows a command's chain as bubbletea would. A job's progress
// ticks (every 100 ms) do not count toward the depth: a job slowed down by
// a loaded machine (CI under -race) is followed to its end, up to a minute.
func (h *harness) run(cmd tea.Cmd) {
	deadline := time.Now().Add(time.Minute)
	for depth := 0; cmd != nil && depth < 20 && time.Now().Before(deadline); depth++ {
		msg := cmd()
		if _, tick := msg.(common.JobProgressMsg); tick {
			if h.leaveJobs {
				return
			}
			depth--
		}
		switch msg := msg.(type) {
		case nil:
			return
		case tea.BatchMsg:
			for _, c := range msg {
				h.run(c)
			}
			return
		case tea.QuitMsg:
			return
		default:
			_, cmd = h.m.Update(msg)
		}
	}
}

func (h *harness) send(msg tea.Msg) {
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

func (h *harness) keys(keys ...string) {
	for _, k := range keys {
		switch k {
		case "enter":
			h.send(tea.KeyMsg{Type: tea.KeyEnter})
		case "esc":
			h.send(tea.KeyMsg{Type: tea.KeyEsc})
		case "tab":
			h.send(tea.KeyMsg{Type: tea.KeyTab})
		case "down":
			h.send(tea.KeyMsg{Type: tea.KeyDown})
		case "up":
			h.send(tea.KeyMsg{Type: tea.KeyUp})
		case "right":
			h.send(tea.KeyMsg{Type: tea.KeyRight})
		case "left":
			h.send(tea.KeyMsg{Type: tea.KeyLeft})
		case "ctrl+s":
			h.send(tea.KeyMsg{Type: tea.KeyCtrlS})
		case "ctrl+n":
			h.send(tea.KeyMsg{Type: tea.KeyCtrlN})
		case "ctrl+u":
			h.send(tea.KeyMsg{Type: tea.KeyCtrlU})
		case "ctrl+g":
			h.send(tea.KeyMsg{Type: tea.KeyCtrlG})
		case "ctrl+o":
			h.send(tea.KeyMsg{Type: tea.KeyCtrlO})
		case "shift+tab":
			h.send(tea.KeyMsg{Type: tea.KeyShiftTab})
		default:
			h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		}
	}
}

func (h *harness) view() string { return h.m.View() }

// golden compares a screen with testdata/NAME.golden (go test -update rewrites).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s:\n%s", name, path, got)
	}
}

// checkFills asserts the view is exactly w×h cells.
func checkFills(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw != w {
			t.Fatalf("line %d is %d wide, want %d: %q", i, lw, w, l)
		}
	}
}

var sizes = []struct{ w, h int }{{80, 24}, {120, 40}}

func sizeName(w, h int) string {
	return strings.ReplaceAll(strings.TrimSpace(strings.Join([]string{itoa(w), itoa(h)}, "x")), " ", "")
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestGoldenScreens(t *testing.T) {
	st := seeded(t)
	screens := []struct {
		name  string
		steps func(h *harness)
		want  []string
	}{
		{"overview", func(h *harness) {}, []string{"Tổng quan", "2/19 đạt", "1/13 đạt", "Mới nhận", "Sở Thông tin và Truyền thông"}},
		{"agencies-missing", func(h *harness) { h.keys("2", "s", "s") }, []string{"Tình trạng: Chưa đăng ký", "✗ Chưa "}},
		{"agencies-search", func(h *harness) { h.keys("2", "/", "duc tho") }, []string{"Huyện Đức Thọ", "◐ Chưa đủ", "1/1 cơ quan"}},
		{"agency-detail", func(h *harness) { h.keys("2", "/", "duc tho", "enter", "enter") }, []string{"Huyện Đức Thọ (Đức Thọ)", "Bộ phận một cửa", "312/UBND-NV"}},
		{"entry-error", func(h *harness) {
			h.keys("3", "sở y", "enter", "12/UBND", "tab", "31/02/2023", "tab", "ctrl+s")
		}, []string{"✓ Sở Y tế", "không phải ngày có thật", "Tên mô hình, sáng kiến: không được để trống", "Chưa lưu"}},
		{"registrations", func(h *harness) { h.keys("4") }, []string{"Phường thông minh", "1/7 mô hình", "Bộ phận một cửa"}},
		{"compliance", func(h *harness) { h.keys("5") }, []string{"Tính đến ngày 27/03/2023", "Tổng cộng", "✗ Chưa "}},
	}
	for _, sc := range screens {
		for _, sz := range sizes {
			name := sc.name + "-" + sizeName(sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				h := newHarness(t, st, lang.VI, sz.w, sz.h)
				sc.steps(h)
				v := h.view()
				checkFills(t, v, sz.w, sz.h)
				for _, w := range sc.want {
					if !strings.Contains(v, w) {
						t.Errorf("screen lacks %q:\n%s", w, v)
					}
				}
				golden(t, name, v)
			})
		}
	}
}

var _ = compliance.Met
var _ = common.TabEntry
