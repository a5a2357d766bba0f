package common

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"

	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Choice is one option of a choice or picker field.
type Choice struct {
	Label string
	Value int64 // an id, or an index into the caller's list
	Key   string
}

// FieldKind says how a field is edited.
type FieldKind int

const (
	TextField   FieldKind = iota
	ChoiceField           // ‹ one of a fixed list ›, changed with ←/→
	PickerField           // typed text that picks one item from matches shown as you type
)

// Field of a Form.
type Field struct {
	ID      string // matches campaign.Field* ids so store problems land on it
	Label   string
	Kind    FieldKind
	Input   textinput.Model
	Choices []Choice
	Choice  int // index in Choices (ChoiceField) or in Matches (PickerField)
	Hidden  bool
	Err     string
	Hint    string // shown beside the input when focused
	Cut     bool   // the last letters typed or pasted did not all fit: Err says so
	// Date: the field holds a day, read as typed (1/12/26 too) and shown
	// dd/mm/yyyy once read (ReadDate) and when the focus leaves it
	Date bool

	// PickerField: Candidates are all items; Matches those fitting the text;
	// Picked is the chosen item's Value (0 = none).
	Candidates []Choice
	Matches    []Choice
	Picked     int64
	// Stopped are the names not offered, units no longer followed: when
	// no candidate matches, the field says how many of them would
	Stopped      []Choice
	stoppedMatch []string // those matching the text, when no candidate does
	initial      string
	// fresh: the focus came to the field with a value in it, which is
	// selected as in any form: the first letter typed replaces it, a move
	// of the cursor keeps it (Form.Update)
	fresh   bool
	typed   string    // a choice field's type-ahead
	typedAt time.Time // when it was last added to: a pause starts a new one
}

// typeAheadPause is how long a pause in typing ends a type-ahead, as in a
// list box: the next letter starts a new one.
const typeAheadPause = 1500 * time.Millisecond

// typing reports a type-ahead under way.
func (f *Field) typing() bool { return f.typed != "" && time.Since(f.typedAt) < typeAheadPause }

// typeAhead jumps a choice field to the choice matching what was typed:
// "duc" picks "Huyện Đức Thọ"; typing the same letter again moves on to
// the next choice starting with it.
func (f *Field) typeAhead(runes string) bool {
	n := len(f.Choices)
	if n == 0 {
		return false
	}
	find := func(q string, from int) int {
		for i := 0; i < n; i++ {
			j := (from + i) % n
			if vntext.Matches(vntext.Fold(f.Choices[j].Label), q) {
				return j
			}
		}
		return -1
	}
	pick := func(j int) bool {
		changed := j != f.Choice
		f.Choice = j
		return changed
	}
	if !f.typing() {
		f.typed = ""
	}
	f.typedAt = time.Now()
	if f.typed != "" {
		// the words typed so far, and these: the current choice if it
		// still fits, else the next that does
		if q := f.typed + runes; strings.TrimSpace(q) != "" {
			if j := find(q, f.Choice); j >= 0 {
				f.typed = q
				return pick(j)
			}
		}
		// the same letter again moves on to the next choice it starts
		// ("t", "t": the second choice with a word in t)
		if first, _ := utf8.DecodeRuneInString(runes); strings.Trim(f.typed+runes, string(first)) != "" {
			return false // fits no choice: the key is ignored, the choice kept
		}
	}
	if strings.TrimSpace(runes) == "" {
		return false
	}
	if j := find(runes, f.Choice+1); j >= 0 {
		f.typed = runes
		return pick(j)
	}
	return false
}

// selected reports the field's value selected: the focus came to it with a
// value in it and no key has been typed since.
func (f *Field) selected() bool { return f.fresh && f.Input.Value() != "" }

// Value is the field's text (trimmed, NFC) or its choice's label.
func (f *Field) Value() string {
	switch f.Kind {
	case ChoiceField:
		if f.Choice >= 0 && f.Choice < len(f.Choices) {
			return f.Choices[f.Choice].Label
		}
		return ""
	}
	return vntext.Line(f.Input.Value())
}

// Selected is the chosen value of a choice or picker field.
func (f *Field) Selected() int64 {
	switch f.Kind {
	case ChoiceField:
		if f.Choice >= 0 && f.Choice < len(f.Choices) {
			return f.Choices[f.Choice].Value
		}
	case PickerField:
		return f.Picked
	}
	return 0
}

// SelectValue sets a choice or picker field to the item with value v.
func (f *Field) SelectValue(v int64) {
	switch f.Kind {
	case ChoiceField:
		for i, c := range f.Choices {
			if c.Value == v {
				f.Choice = i
			}
		}
	case PickerField:
		for _, c := range f.Candidates {
			if c.Value == v {
				f.Picked = v
				f.Input.SetValue(c.Label)
				f.Input.CursorEnd()
				f.Matches = nil
			}
		}
	}
}

// SetText sets a text field's value.
func (f *Field) SetText(s string) {
	f.Input.SetValue(s)
	f.Input.CursorEnd()
}

// ReadDate reads the field as a day the clerk typed (vndate.ParseTyped:
// 1/12/26 too) and, when it reads as one, writes it back as dd/mm/yyyy
// (01/12/2026), as everything else shows days.
func (f *Field) ReadDate() (vndate.Date, error) {
	d, err := vndate.ParseTyped(f.Value())
	if s := d.String(); err == nil && s != "" && s != f.Input.Value() {
		f.SetText(s)
	}
	return d, err
}

func (f *Field) state() string {
	if f.Kind == ChoiceField {
		return f.Value()
	}
	return f.Input.Value()
}

// refreshMatches recomputes a picker's matches for the typed text.
func (f *Field) refreshMatches() {
	q := f.Input.Value()
	f.Matches = f.Matches[:0]
	f.Picked = 0
	key, query := vntext.Fold(q), vntext.NewQuery(q)
	for _, c := range f.Candidates {
		if c.Key == key && key != "" {
			f.Picked = c.Value // typed in full
		}
		if query.Match(c.Key) {
			f.Matches = append(f.Matches, c)
		}
	}
	if q == "" {
		f.Matches = f.Matches[:0]
	}
	f.stoppedMatch = f.stoppedMatch[:0]
	if len(f.Matches) == 0 && q != "" {
		for _, c := range f.Stopped {
			if query.Match(c.Key) {
				f.stoppedMatch = append(f.stoppedMatch, c.Label)
			}
		}
	}
	// the closest names first: enter picks the first
	vntext.SortByRank(f.Matches, func(c Choice) int { return query.Rank(c.Key) })
	f.Choice = 0
}

// Form is a column of labelled fields with one focused.
type Form struct {
	Fields []*Field
	Focus  int
	ctx    *Context
	styles *Styles
	keys   *KeyMap
}

// NewForm makes a form; call MarkClean once initial values are set.
func NewForm(ctx *Context, fields ...*Field) *Form {
	f := &Form{Fields: fields, ctx: ctx, styles: &ctx.Styles, keys: &ctx.Keys}
	f.focusOn(0)
	return f
}

// NewText, NewChoice and NewPicker make fields.
func NewText(id, label, placeholder string, limit int) *Field {
	return &Field{ID: id, Label: label, Kind: TextField, Input: NewInput(placeholder, limit)}
}

func NewChoice(id, label string, choices []Choice) *Field {
	return &Field{ID: id, Label: label, Kind: ChoiceField, Choices: choices, Input: NewInput("", 0)}
}

func NewPicker(id, label, placeholder string, candidates []Choice) *Field {
	for i := range candidates {
		if candidates[i].Key == "" {
			candidates[i].Key = vntext.Fold(candidates[i].Label)
		}
	}
	return &Field{ID: id, Label: label, Kind: PickerField, Candidates: candidates, Input: NewInput(placeholder, 200)}
}

// MarkClean records the current values as unchanged.
func (f *Form) MarkClean() {
	for _, fd := range f.Fields {
		fd.initial = fd.state()
	}
}

// Dirty reports input not yet saved.
func (f *Form) Dirty() bool {
	for _, fd := range f.Fields {
		if !fd.Hidden && fd.state() != fd.initial {
			return true
		}
	}
	return false
}

// Field returns the field with the id.
func (f *Form) Field(id string) *Field {
	for _, fd := range f.Fields {
		if fd.ID == id {
			return fd
		}
	}
	return nil
}

// Focused is the field with the focus.
func (f *Form) Focused() *Field { return f.Fields[f.Focus] }

func (f *Form) focusOn(i int) {
	f.focusAt(i, true)
}

// focusAt moves the focus to field i; selecting selects its value (a field
// the clerk moves into), else the cursor waits at its end (the field a form
// opens on: an edit's title is not replaced by a stray key).
func (f *Form) focusAt(i int, selecting bool) {
	if f.Focus != i && f.Focus >= 0 && f.Focus < len(f.Fields) && f.Fields[f.Focus].Date {
		f.Fields[f.Focus].ReadDate() // a day left as 1/12/26 shows as 01/12/2026
	}
	for j, fd := range f.Fields {
		fd.typed = "" // a type-ahead ends where the field is left
		fd.fresh = false
		if j == i {
			fd.Input.Focus()
			fd.Input.CursorEnd()
			// a value set after the form is made (NewForm focuses before
			// the caller fills the fields) is selected too: see selected
			fd.fresh = selecting && fd.Kind != ChoiceField
		} else {
			fd.Input.Blur()
		}
	}
	f.Focus = i
}

// FocusOpen puts the focus on the field with the id without selecting its
// value: where a form opens, for the clerk to go on typing.
func (f *Form) FocusOpen(id string) {
	for i, fd := range f.Fields {
		if fd.ID == id && !fd.Hidden {
			f.focusAt(i, false)
		}
	}
}

// FocusID moves the focus to the field with the id.
func (f *Form) FocusID(id string) {
	for i, fd := range f.Fields {
		if fd.ID == id && !fd.Hidden {
			f.focusOn(i)
		}
	}
}

// Move moves the focus by delta visible fields (wrapping).
func (f *Form) Move(delta int) {
	n := len(f.Fields)
	i := f.Focus
	for step := 0; step < n; step++ {
		i = (i + delta + n) % n
		if !f.Fields[i].Hidden {
			f.focusOn(i)
			return
		}
	}
}

// ClearErrors removes every field's error.
func (f *Form) ClearErrors() {
	for _, fd := range f.Fields {
		fd.Err = ""
	}
}

// Update handles a message for the form: moving between fields, cycling
// choices, choosing from a picker's matches and typing. It reports whether
// the focused field's value changed.
func (f *Form) Update(msg tea.Msg) (changed bool, cmd tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return false, nil
	}
	fd := f.Focused()
	k := f.keys
	if fd.Kind == PickerField && len(fd.Matches) > 0 && fd.Picked == 0 {
		switch km.String() {
		case "up":
			if fd.Choice > 0 {
				fd.Choice--
			}
			return false, nil
		case "down":
			if fd.Choice < len(fd.Matches)-1 {
				fd.Choice++
			}
			return false, nil
		case "enter", "tab":
			fd.SelectValue(fd.Matches[fd.Choice].Value)
			f.Move(1)
			return true, nil
		}
	}
	switch {
	case key.Matches(km, k.NextField), km.String() == "enter":
		f.Move(1)
		return false, nil
	case key.Matches(km, k.PrevField):
		f.Move(-1)
		return false, nil
	}
	if fd.Kind == ChoiceField {
		switch {
		case key.Matches(km, k.Left) && len(fd.Choices) > 0:
			fd.Choice = (fd.Choice + len(fd.Choices) - 1) % len(fd.Choices)
			return true, nil
		case km.Type == tea.KeySpace || km.Type == tea.KeyRunes:
			// letters (and a space, which the terminal sends as a key of its
			// own) go to the type-ahead; a space before any letter moves on
			// as → does
			runes := string(km.Runes)
			if km.Type == tea.KeySpace {
				runes = " "
			}
			if runes == " " && !fd.typing() {
				if len(fd.Choices) > 0 {
					fd.Choice = (fd.Choice + 1) % len(fd.Choices)
				}
				return true, nil
			}
			changed := fd.typeAhead(runes)
			if changed {
				fd.Err = ""
			}
			return changed, nil
		case key.Matches(km, k.Right):
			if len(fd.Choices) > 0 {
				fd.Choice = (fd.Choice + 1) % len(fd.Choices)
			}
			return true, nil
		}
		fd.typed = ""
		return false, nil
	}
	before := fd.Input.Value()
	if key.Matches(km, k.ClearField) { // the whole field, not only left of the cursor
		fd.fresh = false
		fd.Input.SetValue("")
		msg = nil
	}
	if fd.fresh {
		fd.fresh = false
		switch km.Type {
		case tea.KeyRunes, tea.KeySpace, tea.KeyBackspace, tea.KeyDelete:
			// the selected value goes: typed over (a paste included), or
			// deleted whole
			fd.Input.SetValue("")
			if km.Type == tea.KeyBackspace || km.Type == tea.KeyDelete {
				msg = nil
			}
		}
	}
	had := fd.Input.Value() // what the typed runes are added to
	fd.Input, cmd = UpdateInput(fd.Input, msg)
	if fd.Input.Value() != before {
		if fd.Kind == PickerField {
			fd.refreshMatches()
		}
		fd.Err = "" // said of what was there before; checked again on saving
		fd.Cut = fd.Input.CharLimit > 0 && km.Type == tea.KeyRunes && cut(had, fd.Input.Value(), km.Runes)
		if fd.Cut {
			// a paste longer than the field: say what was left out, and
			// only when it was
			fd.Err = f.ctx.F("%s: dài quá %d ký tự; phần sau đó không được nhận", "%s: longer than %d characters; the rest was left out", fd.Label, fd.Input.CharLimit)
		}
		return true, cmd
	}
	return false, cmd
}

// cut reports that runes typed into a field holding had left some out:
// the field now holds fewer letters than had and runes together (counted
// in NFC, as the field keeps them).
func cut(had, now string, runes []rune) bool {
	want := utf8.RuneCountInString(norm.NFC.String(had + ansi.Strip(string(runes))))
	return utf8.RuneCountInString(now) < want
}

// View renders the fields, one per line with labels labelW wide; a
// picker's matches are listed under it while it has the focus.
func (f *Form) View(width, labelW int) []string {
	var out []string
	s := f.styles
	for i, fd := range f.Fields {
		if fd.Hidden {
			continue
		}
		focused := i == f.Focus
		label := " " + s.Label.Render(vntext.Pad(fd.Label, labelW-1))
		if focused {
			label = s.FocusedLabel.Render("›" + vntext.Pad(fd.Label, labelW-1))
		}
		inputW := width - labelW - 6
		var value string
		var more string // a long value left, its second line
		switch fd.Kind {
		case ChoiceField:
			v := fd.Value()
			if focused && len(fd.Choices) > 1 { // arrows only where there is something to choose
				value = s.Cursor.Render("‹ ") + v + s.Cursor.Render(" ›")
			} else {
				value = "  " + v
			}
		default:
			mark := "  "
			if fd.Kind == PickerField && fd.Picked != 0 {
				mark = s.Met.Render("✓") + " "
			}
			fd.Input.Width = inputW
			if focused && fd.Hint != "" && fd.Err == "" {
				// room for the hint after the input, not past the edge
				fd.Input.Width = max(inputW-vntext.Width(fd.Hint)-2, 12)
			}
			switch v := fd.Input.Value(); {
			case focused && fd.selected():
				// over two lines, as when left; a path (one long word)
				// cut in its middle, keeping its file name
				lines := Wrap(v, fd.Input.Width)
				if len(lines) == 1 {
					lines[0] = CutMiddle(v, fd.Input.Width)
				}
				value = mark + s.Selected.Render(vntext.Truncate(lines[0], fd.Input.Width))
				if len(lines) > 1 {
					more = s.Selected.Render(vntext.Truncate(strings.Join(lines[1:], " "), fd.Input.Width))
				}
			case !focused && vntext.Width(v) > inputW && fd.Kind == TextField:
				// the start of what is there over two lines, "…" where it
				// is cut (the input would show the part around its
				// cursor: the end)
				lines := Wrap(v, inputW)
				value, more = mark+vntext.Truncate(lines[0], inputW), vntext.Truncate(strings.Join(lines[1:], " "), inputW)
			case !focused && v != "":
				value = mark + vntext.Truncate(v, inputW)
			default:
				if focused { // the window around the cursor, for this width
					fd.Input.SetCursor(fd.Input.Position())
				}
				value = mark + fd.Input.View()
			}
		}
		line := " " + label + value
		if focused && fd.Hint != "" && fd.Err == "" {
			line += "  " + s.Muted.Render(fd.Hint)
		}
		out = append(out, FitLine(line, width))
		if more != "" {
			out = append(out, FitLine(strings.Repeat(" ", labelW+3)+more, width))
		}
		if fd.Err != "" { // under the field, over two lines if it must: the end says what to do
			pad := strings.Repeat(" ", labelW+3)
			lines := Wrap("! "+fd.Err, width-labelW-4)
			if len(lines) > 2 {
				lines = append(lines[:1], strings.Join(lines[1:], " "))
			}
			for _, l := range lines {
				out = append(out, FitLine(pad+s.Error.Render(l), width))
			}
		}
		if focused && fd.Kind == PickerField && fd.Picked == 0 && len(fd.Matches) == 0 && fd.Input.Value() != "" {
			// "345": screen keys typed into the form, most likely
			text := f.ctx.T("không có tên nào khớp; trong biểu mẫu chữ số được gõ vào ô: chuyển màn hình bằng alt+1…6, rời biểu mẫu bằng esc",
				"no name matches; in a form digits are typed in: alt+1…6 switch screens, esc leaves the form")
			if n := len(fd.stoppedMatch); n > 0 { // they exist: the clerk is told why they are not offered
				names := strings.Join(fd.stoppedMatch[:min(n, 3)], ", ")
				if n > 3 {
					names += ", …"
				}
				text = f.ctx.F("không có đơn vị đang theo dõi nào khớp; %s khớp nhưng đã ngừng theo dõi trong đợt này (%s): theo dõi lại ở màn 2 (x) để nhập văn bản của đơn vị đó",
					"no unit followed matches; %s match but are no longer followed in this campaign (%s): follow one again on screen 2 (x) to record its letter",
					f.ctx.Lang.Count(n, "đơn vị", "unit", "units"), names)
			}
			for _, l := range Wrap(text, width-labelW-4) {
				out = append(out, FitLine(strings.Repeat(" ", labelW+3)+s.Muted.Render(l), width))
			}
		}
		if focused && fd.Kind == PickerField && fd.Picked == 0 && len(fd.Matches) > 0 {
			for j, c := range fd.Matches {
				if j >= 5 {
					out = append(out, FitLine(strings.Repeat(" ", labelW+3)+s.Muted.Render(f.ctx.F("… và %s cơ quan khác", "… and %s more", f.ctx.Lang.Num(len(fd.Matches)-5))), width))
					break
				}
				mark := "  "
				st := s.Muted
				if j == fd.Choice {
					mark, st = "› ", s.Cursor
				}
				out = append(out, FitLine(strings.Repeat(" ", labelW+1)+st.Render(mark+c.Label), width))
			}
		}
	}
	return out
}

// Wrap breaks text into lines of at most w cells, at spaces.
func Wrap(text string, w int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && vntext.Width(line+" "+word) > w {
			lines = append(lines, line)
			line = word
			continue
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}
