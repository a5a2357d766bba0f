package common

import (
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vntext"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

func newCtx() *Context {
	c := &Context{Lang: lang.VI, Styles: DefaultStyles()}
	c.Keys = Keys(c.T)
	return c
}

func TestListViewRendersOnlyTheWindow(t *testing.T) {
	c := newCtx()
	l := NewListView(&c.Styles, Column{Title: "Tên", Width: 10, Flex: 1}, Column{Title: "Số", Width: 4, Right: true})
	rows := make([][]string, 100000)
	for i := range rows {
		rows[i] = []string{"Đơn vị " + strconv.Itoa(i), strconv.Itoa(i)}
	}
	// rows are counted as the list asks for them: a view that rendered all
	// 100,000 and cut the window out would look the same
	asked := 0
	l.SetRowFunc(len(rows), func(i int) []string { asked++; return rows[i] })
	l.SetSize(40, 11) // title + 10 rows
	v := l.View()
	if asked > 10 {
		t.Fatalf("one view asked for %d rows, not the 10 shown", asked)
	}
	lines := strings.Split(v, "\n")
	if len(lines) != 11 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, line := range lines {
		if lipgloss.Width(line) != 40 {
			t.Fatalf("line width %d: %q", lipgloss.Width(line), line)
		}
	}
	if !strings.HasPrefix(lines[1], "› Đơn vị 0 ") || strings.Contains(v, "Đơn vị 10 ") {
		t.Fatalf("first window:\n%s", v)
	}
	k := c.Keys
	l.Update(tea.KeyMsg{Type: tea.KeyPgDown}, k)
	if l.Cursor() != 10 {
		t.Fatalf("PgDn cursor = %d", l.Cursor())
	}
	l.Update(tea.KeyMsg{Type: tea.KeyEnd}, k)
	asked = 0
	if v := l.View(); l.Cursor() != 99999 || !strings.Contains(v, "› Đơn vị 99999") || asked > 10 {
		t.Fatalf("End: %d, %d rows asked for\n%s", l.Cursor(), asked, v)
	}
	l.Update(tea.MouseMsg{Button: tea.MouseButtonWheelUp}, k)
	if l.Cursor() != 99996 {
		t.Fatalf("wheel up cursor = %d", l.Cursor())
	}
	l.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("g")}, k)
	if l.Cursor() != 0 {
		t.Fatalf("g cursor = %d", l.Cursor())
	}
	l.SetRows(rows[:3])
	if l.Cursor() != 0 || l.Position(lang.VI) != "1/3" {
		t.Fatalf("after shrinking: %d %s", l.Cursor(), l.Position(lang.VI))
	}
	l.SetRows(nil)
	l.Empty = "Không có gì"
	if !strings.Contains(l.View(), "Không có gì") || l.Cursor() != -1 {
		t.Fatal("empty list")
	}
}

func TestFit(t *testing.T) {
	got := Fit("dài quá dòng này\nngắn", 8, 3)
	want := []string{"dài quá…", "ngắn    ", "        "}
	if got != strings.Join(want, "\n") {
		t.Fatalf("Fit = %q", got)
	}
}

func TestInputKeepsNFC(t *testing.T) {
	in := NewInput("", 50)
	in.Focus()
	in, _ = UpdateInput(in, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Tho\u0323")})
	if in.Value() != "Thọ" || in.Position() != 3 {
		t.Fatalf("value %q pos %d", in.Value(), in.Position())
	}
	in, _ = UpdateInput(in, tea.KeyMsg{Type: tea.KeyBackspace})
	if in.Value() != "Th" {
		t.Fatalf("backspace removed part of a letter: %q", in.Value())
	}
}

func TestChoiceTypeAhead(t *testing.T) {
	f := NewChoice("p", "Huyện", []Choice{{Label: "(không có)"}, {Label: "Huyện Can Lộc"}, {Label: "Huyện Đức Thọ"}, {Label: "Huyện Hương Khê"}, {Label: "Huyện Hương Sơn"}})
	f.typeAhead("duc")
	if f.Value() != "Huyện Đức Thọ" {
		t.Fatalf("duc → %q", f.Value())
	}
	f.typeAhead(" t") // continues the same type-ahead: "duc t" still fits
	if f.Value() != "Huyện Đức Thọ" {
		t.Fatalf("duc t → %q", f.Value())
	}
	f.typed = ""
	f.typeAhead("huong")
	first := f.Value()
	f.typed = ""
	f.typeAhead("huong")
	if first == f.Value() || !strings.HasPrefix(f.Value(), "Huyện Hương") {
		t.Fatalf("typing huong again should move on: %q then %q", first, f.Value())
	}
}

func TestPickerMatchesAsYouType(t *testing.T) {
	c := newCtx()
	p := NewPicker("agency", "Văn bản của", "", []Choice{{Label: "Huyện Đức Thọ", Value: 1}, {Label: "Sở Y tế", Value: 2}, {Label: "Sở Tài nguyên và Môi trường", Value: 3}})
	f := NewForm(c, p, NewText("number", "Số", "", 20))
	f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("so y")})
	if len(p.Matches) != 1 || p.Matches[0].Value != 2 {
		t.Fatalf("matches = %+v", p.Matches)
	}
	view := strings.Join(f.View(60, 14), "\n")
	if !strings.Contains(view, "› Sở Y tế") {
		t.Fatalf("suggestions not shown:\n%s", view)
	}
	f.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if p.Selected() != 2 || p.Value() != "Sở Y tế" || f.Focused().ID != "number" {
		t.Fatalf("picked %d %q, focus %s", p.Selected(), p.Value(), f.Focused().ID)
	}
	if !f.Dirty() {
		t.Fatal("form should be dirty")
	}
	f.MarkClean()
	if f.Dirty() {
		t.Fatal("clean form reported dirty")
	}
}

// Words typed into a choice field, key by key as the clerk types them,
// pick the choice they describe: a space between words is part of them.
func TestChoiceTypeAheadOfSeveralWords(t *testing.T) {
	var areas []Choice
	for i, a := range campaign.Areas {
		areas = append(areas, Choice{Label: a.Label(lang.VI), Value: int64(i)})
	}
	typeKeys := func(f *Form, s string) {
		for _, r := range s {
			if r == ' ' { // as a terminal sends it: a key of its own
				f.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{r}})
				continue
			}
			f.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		}
	}
	for _, tc := range []struct{ typed, want string }{
		{"tai chinh cong", "Cải cách tài chính công"},
		{"the che", "Cải cách thể chế"},
		{"tai chinh", "Cải cách tài chính công"},
		{"thủ tục hành chính", "Cải cách thủ tục hành chính"},
		{"cong vu", "Cải cách chế độ công vụ"},
		{"chinh phu dien tu", campaign.DigitalGovt.Label(lang.VI)},
		{"bo may xyz", "Cải cách tổ chức bộ máy hành chính nhà nước"}, // a word that fits nothing is ignored
	} {
		for start := range areas { // whichever choice the field showed before
			f := NewForm(newCtx(), NewChoice("area", "Lĩnh vực", areas))
			f.Fields[0].Choice = start
			typeKeys(f, tc.typed)
			if got := f.Fields[0].Value(); got != tc.want {
				t.Errorf("typed %q from choice %d: %q, want %q", tc.typed, start, got, tc.want)
			}
		}
	}
	// before any letter a space moves on, as the right arrow does
	f := NewForm(newCtx(), NewChoice("area", "Lĩnh vực", areas))
	typeKeys(f, " ")
	if f.Fields[0].Choice != 1 {
		t.Fatalf("space moved to %d", f.Fields[0].Choice)
	}
	// leaving the field ends the words typed: coming back, new ones count
	kinds := []Choice{{Label: "Mô hình"}, {Label: "Sáng kiến"}, {Label: "Giải pháp"}, {Label: "Cách làm hay"}}
	f = NewForm(newCtx(), NewChoice("kind", "Loại", kinds), NewText("x", "X", "", 10))
	typeKeys(f, "giai")
	f.Update(tea.KeyMsg{Type: tea.KeyTab})
	f.Update(tea.KeyMsg{Type: tea.KeyShiftTab})
	typeKeys(f, "sang")
	if got := f.Fields[0].Value(); got != "Sáng kiến" {
		t.Fatalf("after leaving and coming back, sang → %q", got)
	}
	// so does a pause
	typeKeys(f, "cach")
	f.Fields[0].typedAt = time.Now().Add(-2 * typeAheadPause)
	typeKeys(f, "mo")
	if got := f.Fields[0].Value(); got != "Mô hình" {
		t.Fatalf("after a pause, mo → %q", got)
	}
}

// A flex column stops at its Max and leaves the rest of its share to the
// other flex columns; the widths fill the list.
func TestListColumnMax(t *testing.T) {
	c := newCtx()
	l := NewListView(&c.Styles, Column{Title: "Tên", Width: 10, Flex: 1}, Column{Title: "Lĩnh vực", Width: 10, Flex: 1, Max: 14}, Column{Title: "Nhận", Width: 5})
	l.SetSize(100, 10)
	if l.widths[1] != 14 {
		t.Fatalf("capped column is %d wide", l.widths[1])
	}
	if total := 2 + l.widths[0] + 1 + l.widths[1] + 1 + l.widths[2]; total != 100 { // to the last cell
		t.Fatalf("widths %v fill %d of 100", l.widths, total)
	}
	l.Columns[1].Width, l.Columns[1].Flex = 0, 0 // left out, its separator too
	l.SetSize(100, 10)
	if total := 2 + l.widths[0] + 1 + l.widths[2]; total != 100 || strings.Contains(l.View(), "Lĩnh vực") {
		t.Fatalf("widths %v fill %d of 100", l.widths, total)
	}
}

// Colour codes pasted along with text are dropped whole.
func TestPastedColourCodesAreDropped(t *testing.T) {
	in := NewInput("", 100)
	in.Focus()
	in, _ = UpdateInput(in, tea.KeyMsg{Type: tea.KeyRunes, Paste: true, Runes: []rune("Mô hình \x1b[31mđỏ\x1b[0m số")})
	if in.Value() != "Mô hình đỏ số" {
		t.Fatalf("value %q", in.Value())
	}
}

func TestCutMiddleKeepsTheEnd(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"Ban Dân tộc tỉnh Bình Dương", 40, "Ban Dân tộc tỉnh Bình Dương"},
		{"Cục Quản lý thị trường tỉnh Bà Rịa - Vũng Tàu", 30, "Cục Quản lý…nh Bà Rịa - Vũng Tàu"},
	} {
		got := CutMiddle(tc.in, tc.w)
		if vntext.Width(got) > tc.w || !strings.HasSuffix(got, "Tàu") && tc.w < vntext.Width(tc.in) {
			t.Errorf("CutMiddle(%q, %d) = %q", tc.in, tc.w, got)
		}
	}
	// a letter with a mark no single character has (x́) is never parted from it
	marked := strings.Repeat("x\u0301y ", 12)
	for w := 8; w < 40; w++ {
		got := strings.ReplaceAll(CutMiddle(marked, w), "x\u0301", "")
		if strings.Contains(got, "x") || strings.Contains(got, "\u0301") {
			t.Errorf("CutMiddle(%q, %d) parts a letter from its mark: %q", marked, w, CutMiddle(marked, w))
		}
	}
	a, b := CutMiddle("Cục Quản lý thị trường tỉnh Bình Dương", 24), CutMiddle("Cục Quản lý thị trường tỉnh Bình Định", 24)
	if a == b || vntext.Width(a) > 24 {
		t.Errorf("%q and %q", a, b)
	}
}

// A merged unit's name keeps its head noun and its end, and what it was
// merged from stays readable: the name is cut before its brackets are.
func TestCutNamesKeepTheHeadAndTheMergedFrom(t *testing.T) {
	for _, tc := range []struct {
		in    string
		w     int
		wants []string
	}{
		{"Sở Khoa học và Công nghệ (hợp nhất Sở TT&TT)", 37, []string{"Sở Khoa", "Công nghệ (hợp nhất Sở TT&TT)"}},
		{"Sở Nông nghiệp và Môi trường (hợp nhất Sở NN&PTNT, Sở TN&MT)", 37, []string{"Sở Nông", "Môi trường (+Sở NN&PTNT, …)"}},
		{"Sở Khoa học và Công nghệ (hợp nhất Sở TT&TT)", 29, []string{"Sở Khoa", "Công nghệ (+Sở TT&TT)"}},
		{"Sở Nông nghiệp và Môi trường (hợp nhất Sở NN&PTNT, Sở TN&MT)", 50, []string{"Sở Nông", "Môi trường (hợp nhất Sở NN&PTNT, Sở TN&MT)"}},
		{"Agriculture and Environment Department (merged from DARD, DONRE)", 37, []string{"Agriculture", "Department (+DARD, DONRE)"}},
		{"Sở Khoa học và Công nghệ (hợp nhất Sở TT&TT) (ngừng theo dõi)", 40, []string{"Sở Khoa", "(ngừng theo dõi)"}},
	} {
		got := CutMiddle(tc.in, tc.w)
		ok := vntext.Width(got) <= tc.w
		for _, w := range tc.wants {
			ok = ok && strings.Contains(got, w)
		}
		if !ok || !strings.HasPrefix(got, tc.wants[0]) {
			t.Errorf("CutMiddle(%q, %d) = %q", tc.in, tc.w, got)
		}
	}
}

// A picker lists the closest names first, so enter picks the one typed.
func TestPickerListsTheClosestNameFirst(t *testing.T) {
	p := NewPicker("agency", "Văn bản của", "", []Choice{{Label: "Sở Y tế tỉnh Hà Giang", Value: 1}, {Label: "Sở Y tế tỉnh Hải Dương", Value: 2}, {Label: "Sở Y tế tỉnh Hà Tĩnh", Value: 3}})
	p.Input.SetValue("so y te ha tinh")
	p.refreshMatches()
	if len(p.Matches) != 3 || p.Matches[0].Value != 3 {
		t.Fatalf("matches %+v", p.Matches)
	}
}

// A message of two lines takes a line from the screen above it: a list's
// padding gives way, not the selected line under it.
func TestSqueezeDropsPaddingFirst(t *testing.T) {
	s := "head\n\nrow 1\n\n\n\nselected\nfile"
	got := Squeeze(s, 6)
	if want := "head\n\nrow 1\n\nselected\nfile"; got != want {
		t.Fatalf("Squeeze = %q, want %q", got, want)
	}
	if got := Squeeze("a\nb\nc", 2); got != "a\nb\nc" {
		t.Fatalf("no padding: %q (Fit cuts it)", got)
	}
}
