package importer

import (
	"strings"
	"unicode"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vntext"
)

// Columns the registration list may have beyond the template's.
const (
	colSummary campaign.Column = "summary" // Nội dung tóm tắt
	colAgency  campaign.Column = "agency"  // the sending agency, when a list holds several
)

// key folds header or value text for matching: no case, no diacritics,
// punctuation and line breaks as single spaces, "&" as "và".
func key(s string) string {
	f := vntext.Fold(strings.ReplaceAll(s, "&", " và "))
	var b strings.Builder
	space := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// has reports whether the words of phrase appear together in k (whole words).
func has(k, phrase string) bool {
	return strings.Contains(" "+k+" ", " "+phrase+" ")
}

func hasAny(k string, phrases ...string) bool {
	for _, p := range phrases {
		if has(k, p) {
			return true
		}
	}
	return false
}

func startsAny(k string, words ...string) bool {
	for _, w := range words {
		if k == w || strings.HasPrefix(k, w+" ") {
			return true
		}
	}
	return false
}

// headerRule recognises one column by what its title means; the rules are
// tried in order, the more specific first ("Đơn vị phối hợp" before
// "Đơn vị chủ trì" before a bare "Đơn vị").
type headerRule struct {
	col   campaign.Column
	match func(k string) bool
}

var registrationRules = []headerRule{
	{campaign.ColNote, func(k string) bool { return hasAny(k, "ghi chu", "note", "notes", "remarks") }},
	{campaign.ColPartners, func(k string) bool { return hasAny(k, "phoi hop", "partners", "partner") }},
	{campaign.ColLead, func(k string) bool {
		return hasAny(k, "chu tri", "don vi thuc hien", "co quan thuc hien", "lead", "lead unit", "implementing unit")
	}},
	{campaign.ColArea, func(k string) bool { return hasAny(k, "linh vuc", "area", "reform area", "field") }},
	{campaign.ColKind, func(k string) bool { return startsAny(k, "loai", "phan loai", "hinh thuc", "kind", "type") }},
	{campaign.ColTimeline, func(k string) bool { return hasAny(k, "thoi gian", "tien do", "timeline", "time") }},
	{campaign.ColExpected, func(k string) bool { return hasAny(k, "ket qua", "hieu qua", "result", "expected result") }},
	{colSummary, func(k string) bool { return hasAny(k, "noi dung", "mo ta", "tom tat", "summary", "description") }},
	{campaign.ColTitle, func(k string) bool {
		if startsAny(k, "ten co quan", "ten don vi", "ten dia phuong") {
			return false
		}
		return startsAny(k, "ten", "title", "name") ||
			hasAny(k, "mo hinh", "sang kien", "giai phap", "cach lam hay", "model", "initiative")
	}},
	{campaign.ColSeq, func(k string) bool { return k == "" || hasAny(k, "stt", "tt", "so tt", "so thu tu", "no") }},
	{colAgency, func(k string) bool { return hasAny(k, "co quan", "don vi", "dia phuong", "agency", "unit") }},
}

// header is a recognised header row: where it is and which column holds what.
type header struct {
	row    int                     // index into Grid.Rows
	cols   map[campaign.Column]int // column index of each recognised column
	titles map[campaign.Column]string
	// unknown are the titles of the columns no rule recognised: read by
	// nobody, and said so
	unknown []string
}

func (h header) at(c campaign.Column) (int, bool) {
	i, ok := h.cols[c]
	return i, ok
}

// classify names the column a header cell is, if any. Long cells are text,
// not titles (a title block line that mentions "mô hình, sáng kiến").
func classify(rules []headerRule, cell string) (campaign.Column, bool) {
	cell = strings.TrimSpace(cell)
	if cell == "" || len([]rune(cell)) > 80 {
		return "", false
	}
	k := key(cell)
	for _, r := range rules {
		if r.match(k) {
			return r.col, true
		}
	}
	return "", false
}

// findHeader finds the header row in the first rows of g: the first row
// with a column recognised as required and at least minOther others.
func findHeader(g *Grid, rules []headerRule, required campaign.Column, minOther int) (header, bool) {
	for r := g.first; r < len(g.Rows) && r < g.first+headerWindow; r++ {
		h := header{row: r, cols: map[campaign.Column]int{}, titles: map[campaign.Column]string{}}
		for c, cell := range g.Rows[r] {
			col, ok := classify(rules, cell)
			if !ok && strings.TrimSpace(cell) != "" && !numberingCell.MatchString(strings.ToLower(strings.TrimSpace(cell))) {
				h.unknown = append(h.unknown, vntext.Line(cell))
			}
			if !ok || col == campaign.ColSeq {
				continue
			}
			if _, dup := h.cols[col]; dup {
				continue // a merged title copied across, or a second column of the same meaning
			}
			h.cols[col] = c
			h.titles[col] = vntext.Line(cell)
		}
		if _, ok := h.cols[required]; ok && len(h.cols)-1 >= minOther {
			return h, true
		}
	}
	return header{}, false
}

// ignored is the warning that the header's unknown columns are not
// imported, or nil when there are none.
func (h header) ignored() *Problem {
	if len(h.unknown) == 0 {
		return nil
	}
	names := `"` + strings.Join(h.unknown, `", "`) + `"`
	return &Problem{Line: h.row + 1, Warning: true, Msg: lang.Errorf(
		"cột %s không có trong mẫu nên không được nhập (bỏ qua); nếu đó là một cột của mẫu ghi khác đi, hãy sửa tiêu đề của nó theo mẫu",
		"the column(s) %s are not in the template, so they are not imported (ignored); if one is a template column titled otherwise, retitle it as in the template",
		names)}
}

// Problem is one thing wrong with a file, pointing at its row and column.
type Problem struct {
	Line    int    // the row as the spreadsheet numbers it; 0 for the file as a whole
	Column  string // the column's title as written in the file; "" when none
	Msg     *lang.Error
	Warning bool // shown to the clerk but does not stop the import
}

// maxProblem bounds a problem's message in runes: the longest said is
// about 500, and a huge cell quoted in it is cut.
const maxProblem = 1000

// Text is the problem as one line for the clerk.
func (p Problem) Text(l lang.Lang) string {
	where := ""
	switch {
	case p.Line > 0 && p.Column != "":
		where = l.F("Dòng %d, cột %q: ", "Row %d, column %q: ", p.Line, p.Column)
	case p.Line > 0:
		where = l.F("Dòng %d: ", "Row %d: ", p.Line)
	case p.Column != "":
		where = l.F("Cột %q: ", "Column %q: ", p.Column)
	}
	msg := l.T(p.Msg.VI, p.Msg.EN)
	if r := []rune(msg); len(r) > maxProblem { // a cell of 64 KB quoted back
		msg = string(r[:maxProblem]) + "…"
	}
	if p.Warning {
		return l.T("Lưu ý — ", "Note — ") + where + msg
	}
	return where + msg
}

// errorCount counts the problems that stop an import.
func errorCount(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if !p.Warning {
			n++
		}
	}
	return n
}
