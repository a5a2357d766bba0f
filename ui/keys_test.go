package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"golang.org/x/text/unicode/norm"

	"cchc/internal/campaign"
	"cchc/internal/lang"
)

// modifierAlone are the keys bubbletea v1 on Windows makes of a lone Ctrl,
// Caps Lock or Windows key (the rune NUL) and of a lone Alt (the same, with
// Alt), and ctrl+space elsewhere.
var modifierAlone = []tea.Msg{
	tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{0}},
	tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{0}, Alt: true},
	tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{0, 0}},
	tea.KeyMsg{Type: tea.KeyNull},
}

func TestModifierKeysAloneChangeNothing(t *testing.T) {
	st := seeded(t)
	screens := []struct {
		name   string
		open   []string
		fields int // a form: each field in turn (tab moves on)
	}{
		{"overview", nil, 0},
		{"agencies", []string{"2"}, 0},
		{"agency search", []string{"2", "/"}, 0},
		{"agency form", []string{"2", "a"}, 6},
		{"entry", []string{"3"}, 13},
		{"entry with an agency", []string{"3", "duc tho", "enter"}, 13},
		{"registrations", []string{"4"}, 0},
		{"registration", []string{"4", "enter"}, 0},
		{"progress", []string{"4", "enter", "p"}, 4},
		{"status", []string{"5"}, 0},
		{"status day", []string{"5", "t"}, 0},
		{"reports", []string{"6"}, 6},
		{"settings", []string{"c"}, 12},
		{"years", []string{"y"}, 0},
		{"new year", []string{"y", "n"}, 3},
		{"import", []string{"2", "i"}, 5},
		{"history", []string{"h"}, 0},
		{"registration search", []string{"4", "/"}, 0},
	}
	dir := t.TempDir()
	t.Chdir(dir) // a report written by mistake would land here
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			h := newHarness(t, st, lang.VI, 100, 30)
			h.keys(sc.open...)
			for f := 0; f <= sc.fields; f++ {
				before := h.view()
				for _, k := range modifierAlone {
					h.send(k)
				}
				if after := h.view(); after != before {
					t.Fatalf("field %d changed by a modifier alone:\n%s\n--- was:\n%s", f, after, before)
				}
				if f < sc.fields {
					h.keys("tab")
				}
			}
		})
	}
	// the report screen shows "Tình hình đăng ký": a modifier then
	// ctrl+s writes that one, not the next
	h := newHarness(t, st, lang.VI, 100, 30)
	h.keys("6")
	for _, k := range modifierAlone {
		h.send(k)
	}
	h.keys("ctrl+s")
	if v := h.view(); !strings.Contains(v, "Đã ghi: ") || !strings.Contains(v, "tinh-hinh") {
		t.Fatalf("the report written is not the one shown:\n%s", v)
	}
	// the entry's area and pre-filled day survive modifiers
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("3"), Alt: true})
	h.keys("duc tho", "enter", "7/UBND", "tab", "tab", "tab", "Một cửa", "tab", "tab")
	shown := lineWith(h.view(), "Lĩnh vực")
	for _, k := range modifierAlone {
		h.send(k)
	}
	h.keys("ctrl+s")
	rows, err := st.Registrations(context.Background(), h.m.ctx.Data.Campaign.ID)
	if err != nil {
		t.Fatal(err)
	}
	saved := false
	for _, r := range rows {
		if r.LetterNumber == "7/UBND" {
			saved = true
			if !strings.Contains(shown, r.Area.Label(lang.VI)) || r.Received != today {
				t.Fatalf("saved area %q received %s, shown %q and %s", r.Area.Label(lang.VI), r.Received, shown, today)
			}
		}
	}
	if !saved {
		t.Fatalf("not saved:\n%s", h.view())
	}
}

const phrase = "Chính quyền thân thiện, chắc chắn được"

// telex and vni are what the clerk sees after each key, word by word, as
// Unikey shows it; marks are typed in the word ("quyeenf"), at its end
// ("chac81") and tone before hat ("chasw", "quye2n6"), so that Unikey
// rewrites a letter that has a tone already.
var (
	telex = [][]string{
		{"C", "Ch", "Chi", "Chin", "Chinh", "Chính"},                   // Chinhs
		{"q", "qu", "quy", "quye", "quyê", "quyên", "quyền"},           // quyeenf
		{"t", "th", "tha", "thâ", "thân"},                              // thaan
		{"t", "th", "thi", "thie", "thiê", "thiên", "thiện", "thiện,"}, // thieenj,
		{"c", "ch", "cha", "chá", "chắ", "chắc"},                       // chaswc
		{"c", "ch", "cha", "chă", "chắ", "chắn"},                       // chawsn
		{"d", "đ", "đu", "đư", "đưo", "đươ", "đươc", "được"},           // dduwowcj
	}
	vni = [][]string{
		{"C", "Ch", "Chi", "Chin", "Chinh", "Chính"},                    // Chinh1
		{"q", "qu", "quy", "quye", "quyen", "quyên", "quyền"},           // quyen62
		{"t", "th", "tha", "than", "thân"},                              // than6
		{"t", "th", "thi", "thie", "thien", "thiên", "thiện", "thiện,"}, // thien65,
		{"c", "ch", "cha", "chac", "chăc", "chắc"},                      // chac81
		{"c", "ch", "cha", "chan", "chăn", "chắn"},                      // chan81
		{"d", "đ", "đu", "đuo", "đuoc", "đươc", "được"},                 // d9uoc75
	}
)

// toHop is a text as Unikey sends it in "Unicode tổ hợp": each tone mark
// after its letter, the other marks kept in it (ê, ư, ă…).
func toHop(s string) string {
	var b strings.Builder
	for _, r := range s {
		var tone []rune
		var rest []rune
		for _, c := range norm.NFD.String(string(r)) {
			switch c {
			case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
				tone = append(tone, c)
			default:
				rest = append(rest, c)
			}
		}
		b.WriteString(norm.NFC.String(string(rest)))
		b.WriteString(string(tone))
	}
	return b.String()
}

// unikey is the keys Unikey sends for the words typed: for each new state,
// a backspace per code point of what changes, then what replaces it, one
// key per code point, as the Windows console gives them.
func unikey(words [][]string, form func(string) string, backspace tea.KeyMsg) []tea.Msg {
	var out []tea.Msg
	for i, states := range words {
		if i > 0 {
			out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{' '}})
		}
		shown := []rune{}
		for _, s := range states {
			next := []rune(form(s))
			same := 0
			for same < len(shown) && same < len(next) && shown[same] == next[same] {
				same++
			}
			for range len(shown) - same {
				out = append(out, backspace)
			}
			for _, r := range next[same:] {
				out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
			shown = next
		}
	}
	return out
}

// backspaces are the forms a backspace sent by Unikey or EVKey takes.
var backspaces = map[string]tea.KeyMsg{
	"0x08":      {Type: tea.KeyRunes, Runes: []rune{'\b'}},
	"0x7F":      {Type: tea.KeyRunes, Runes: []rune{0x7f}},
	"backspace": {Type: tea.KeyBackspace},
	"ctrl+h":    {Type: tea.KeyCtrlH},
}

func TestUnikeyTypingIsStoredNFC(t *testing.T) {
	n := 0
	for _, method := range []struct {
		name  string
		words [][]string
	}{{"Telex", telex}, {"VNI", vni}} {
		for _, form := range []struct {
			name string
			f    func(string) string
		}{{"dựng sẵn", norm.NFC.String}, {"tổ hợp", toHop}} {
			for bsName, bs := range backspaces {
				n++
				t.Run(method.name+" "+form.name+" "+bsName, func(t *testing.T) {
					keys := unikey(method.words, form.f, bs)
					typeIn := func(h *harness) {
						for _, k := range keys {
							h.send(k)
						}
					}
					st := seeded(t)
					h := newHarness(t, st, lang.VI, 100, 30)
					number := "K" + itoa(n)
					// every text field of the entry form
					h.keys("3", "duc tho", "enter", number, "tab", "tab", "tab")
					typeIn(h) // title
					h.keys("tab", "tab", "tab", "tab")
					for range 5 { // partners, timeline, result, summary, note
						typeIn(h)
						h.keys("tab")
					}
					h.keys("ctrl+s")
					rows, err := st.Registrations(context.Background(), h.m.ctx.Data.Campaign.ID)
					if err != nil {
						t.Fatal(err)
					}
					found := false
					for _, r := range rows {
						if r.LetterNumber != number {
							continue
						}
						found = true
						for name, got := range map[string]string{"title": r.Title, "partners": r.Partners, "timeline": r.Timeline,
							"result": r.ExpectedResult, "summary": r.Summary, "note": r.Note} {
							if got != phrase {
								t.Errorf("%s stored %q (%+q), want %q", name, got, got, phrase)
							}
						}
					}
					if !found {
						t.Fatalf("nothing saved:\n%s", h.view())
					}
					// a progress step's note
					h.keys("esc", "4", "/", "chinh quyen than thien", "enter", "enter", "p", "tab", "tab")
					typeIn(h)
					h.keys("ctrl+s")
					var id int64
					for _, r := range rows {
						if r.LetterNumber == number {
							id = r.ID
						}
					}
					steps, err := st.(interface {
						ProgressSteps(context.Context, int64) ([]campaign.Step, error)
					}).ProgressSteps(context.Background(), id)
					if err != nil {
						t.Fatal(err)
					}
					if len(steps) == 0 || steps[len(steps)-1].Note != phrase {
						t.Errorf("progress notes %+v, want the last %q\n%s", steps, phrase, h.view())
					}
					// the agency form's name
					h.keys("esc", "esc", "esc", "2", "a")
					typeIn(h)
					h.keys("tab", "X"+number, "tab", "cấp xã", "tab", "duc", "ctrl+s")
					named := false
					for _, a := range h.m.ctx.Data.Agencies {
						if a.ShortName == "X"+number {
							named = a.Name == phrase
							if !named {
								t.Errorf("agency name %q (%+q), want %q", a.Name, a.Name, phrase)
							}
						}
					}
					if !named && !t.Failed() {
						t.Fatalf("agency not saved:\n%s", h.view())
					}
				})
			}
		}
	}
}

// The files the clerk writes go to the clerk's folder (Documents\CCHC
// when started by a double-click), which the form names.
func TestFilesGoToTheClerksFolder(t *testing.T) {
	st := seeded(t)
	folder := t.TempDir()
	t.Chdir(t.TempDir()) // not the current folder
	h := &harness{t: t, m: New(st, Options{Lang: lang.VI, Today: today, Folder: folder})}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	h.run(h.m.Init())
	h.keys("6")
	want := filepath.Join(folder, "tinh-hinh-2023.txt")
	if v := h.view(); !strings.Contains(v, want) {
		t.Fatalf("the form does not name %s:\n%s", want, v)
	}
	h.keys("ctrl+s")
	if _, err := os.Stat(want); err != nil {
		t.Fatalf("the report is not in the clerk's folder: %v\n%s", err, h.view())
	}
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("5"), Alt: true})
	h.keys("w")
	written, err := filepath.Glob(filepath.Join(folder, "tinh-hinh-2023*.md"))
	if err != nil || len(written) != 1 {
		t.Fatalf("the status screen wrote %v (%v):\n%s", written, err, h.view())
	}
}

// The backup offered on quitting goes to the clerk's folder too, and is
// offered once a day there.
func TestTheQuitBackupGoesToTheClerksFolder(t *testing.T) {
	st := seeded(t)
	folder := t.TempDir()
	start := func() *harness {
		h := &harness{t: t, m: New(st, Options{Lang: lang.VI, Today: today, Folder: folder})}
		h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
		h.run(h.m.Init())
		return h
	}
	h := start()
	h.keys("q")
	if !strings.Contains(h.view(), "Hôm nay chưa sao lưu") {
		t.Fatalf("no offer:\n%s", h.view())
	}
	h.keys("y")
	path, ok := strings.CutPrefix(h.m.farewell, "Đã sao lưu sổ dữ liệu vào ")
	if !ok || filepath.Dir(path) != folder {
		t.Fatalf("backed up to %q, not into %s", h.m.farewell, folder)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	h2 := start()
	_, cmd := h2.m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	if cmd == nil {
		t.Fatalf("not quitting:\n%s", h2.view())
	}
	if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatalf("asked twice the same day:\n%s", h2.view())
	}
}
