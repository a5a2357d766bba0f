package importer

import (
	"strings"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// attached reads the line under a list's title that names the letter it
// came with: "(Kèm theo Công văn số 312/UBND-NV ngày 20/3/2023 của UBND
// huyện Đức Thọ)": its number, its date (dd/mm/yyyy or "ngày 20 tháng 3
// năm 2023") and the sender after "của". A blank template's dots
// ("số …… ngày ……") give nothing.
func (tb *titleBlock) attached(cell string, line int) {
	a := &tb.att
	if a.seen {
		return // the first such line
	}
	a.seen, a.line = true, line
	words := strings.Fields(strings.Trim(cell, "()[] "))
	trim := func(w string) string { return strings.Trim(w, ".,;:()[]") }
	for i := 0; i < len(words); i++ {
		switch k := key(words[i]); {
		case k == "so" && i+1 < len(words):
			if n := trim(words[i+1]); key(n) != "" && a.number == "" {
				a.number = n
			}
			i++
		case k == "ngay" && a.date.IsZero():
			d, err := ParseDate(strings.Join(words[i:], " ")) // "ngày 20 tháng 3 năm 2023"
			if written := strings.Join(words[i:min(i+6, len(words))], " "); err != nil && vietnameseDate.MatchString(vntext.Fold(written)) {
				a.dateText, a.dateErr = written, err // "ngày 31 tháng 2 năm 2023": said, not skipped
			} else if (err != nil || d.IsZero()) && i+1 < len(words) {
				d, err = ParseDate(trim(words[i+1])) // "ngày 20/3/2023"
				if err != nil && strings.ContainsAny(words[i+1], "0123456789") {
					a.dateText, a.dateErr = trim(words[i+1]), err // "ngày 31/02/2023": said, not skipped
				}
			}
			if err == nil && !d.IsZero() {
				a.date, a.dateErr = d, nil
			}
		case k == "cua" && i+1 < len(words):
			a.sender = trim(strings.Join(words[i+1:], " "))
			return
		}
	}
}

// attachment is what a "Kèm theo" line says.
type attachment struct {
	number, sender string
	date           vndate.Date
	line           int // its row (0 above a Word table)
	seen           bool
	dateText       string // a date that is not one, and why
	dateErr        error
}

// useAttachment takes the letter's number, date and sender from the
// "Kèm theo" line where the title block does not say them otherwise,
// unless the line names the campaign's own request letter (the blank
// template carries "(Kèm theo văn bản số …/SNV-CCHC&VTLT của Sở Nội vụ)").
func (tb *titleBlock) useAttachment(c campaign.Campaign) {
	a := tb.att
	if a.number == "" && a.date.IsZero() && a.sender == "" && a.dateErr == nil {
		return
	}
	code := func(n string) string {
		if i := strings.Index(n, "/"); i >= 0 {
			return key(n[i:])
		}
		return ""
	}
	if own := code(c.LetterNumber); (own != "" && code(a.number) == own) || (a.sender != "" && key(a.sender) == key(c.Issuer)) {
		return
	}
	if tb.number == "" {
		tb.number = a.number
	}
	if a.dateErr != nil && tb.date.IsZero() {
		tb.problems = append(tb.problems, Problem{Line: a.line, Msg: &lang.Error{
			VI: lang.VI.F("Ngày văn bản %q trong dòng \"Kèm theo\": %s", "", a.dateText, vndate.Problem(a.dateErr, lang.VI)),
			EN: lang.EN.F("", "The letter's date %q in the \"Kèm theo\" line: %s", a.dateText, vndate.Problem(a.dateErr, lang.EN)),
		}})
	}
	if tb.date.IsZero() && !a.date.IsZero() {
		tb.date, tb.dateLine = a.date, a.line
	}
	if a.sender != "" {
		tb.senders = append([]string{a.sender}, tb.senders...)
	}
}

// issuerBlock is the issuing body of a letter's title block: the lines
// above its "Số:" line (or its V/v), leaving out the national motto and
// labelled lines, the lowest first ("SỞ Y TẾ", then "UBND TỈNH HÀ TĨNH").
// They are only candidates: one is taken when it names an agency of the list.
func issuerBlock(g *Grid, headerRow int) []string {
	var lines []string
	for r := 0; r < headerRow && r < headerWindow; r++ {
		stop := false
		for _, cell := range g.Rows[r] {
			cell = vntext.Line(cell)
			k := key(cell)
			label, _, colon := strings.Cut(cell, ":")
			switch {
			case k == "" || startsAny(k, "cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc"):
			case colon && numberLabel.MatchString(key(label)), startsAny(k, "v v", "ve viec"):
				stop = true
			case colon || vietnameseDate.MatchString(vntext.Fold(cell)) || len([]rune(cell)) > 80:
			default:
				lines = append(lines, cell)
			}
		}
		if stop {
			break
		}
	}
	for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	return lines
}
