package report

import (
	"strings"

	"cchc/internal/campaign"
	"cchc/internal/lang"
)

// Sheet is a table report laid out for paper: the official header, a title,
// the lines under it, then tables. The xlsx and html writers print any Sheet,
// so every table report gets both from one description.
type Sheet struct {
	Name   string // the spreadsheet tab and the html page title
	Head   Letterhead
	Title  string   // printed in capitals, centred
	Lines  []string // under the title, centred
	Tables []Table  // the last one is the main table: its header repeats on every page
	// FirstMain makes the first table the main one, for a sheet whose long
	// table comes first (results): a frozen header far down the sheet
	// would leave nothing to scroll.
	FirstMain bool
}

// Letterhead is the top of an official paper (Nghị định 30/2020/NĐ-CP): the
// issuing body on the left under its parent, the national motto on the right.
// Names come from the campaign, never from code.
type Letterhead struct {
	Parent string // "UBND TỈNH HÀ TĨNH"
	Issuer string // "SỞ NỘI VỤ"
	Lang   lang.Lang
}

func letterhead(c campaign.Campaign, l lang.Lang) Letterhead {
	return Letterhead{Parent: upper(c.IssuerParent), Issuer: upper(c.Issuer), Lang: l}
}

// Motto is the national name and motto, always in Vietnamese: it is part of
// the form of every official paper, whatever the display language.
const (
	MottoNation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	MottoWords  = "Độc lập - Tự do - Hạnh phúc"
)

func upper(s string) string { return strings.ToUpper(clean(s)) }

// main is the table whose header repeats on every printed page.
func (s Sheet) main() Table {
	if len(s.Tables) == 0 {
		return Table{}
	}
	return s.Tables[s.mainIndex()]
}

func (s Sheet) mainIndex() int {
	if s.FirstMain {
		return 0
	}
	return max(len(s.Tables)-1, 0)
}

// Roman numbers the groups of a Vietnamese list: I, II, III, IV.
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
