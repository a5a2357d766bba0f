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
	Title  string   // printed in capitals, centred; under Type, as it is (the trích yếu)
	Lines  []string // under the title, centred
	Tables []Table  // the last one is the main table: its header repeats on every page
	Notes  []string // under the tables, in italics: the legend
	// Type and Number make the sheet an official paper (Nghị định
	// 30/2020/NĐ-CP): the document's type ("BÁO CÁO") above the title, and
	// its number ("Số:        /BC-SNV") under the issuer.
	Type, Number string
	// PlaceDate ("Hà Tĩnh, ngày 31 tháng 12 năm 2023") under the motto and
	// Signer at the end make a report that is signed; a list has neither.
	PlaceDate string
	Signer    *Signer
}

// Signer is the foot of a signed report, as of a letter: Nơi nhận on the
// left, the signer on the right.
type Signer struct {
	CopiesTo []string // each item ending with ";" and the last with "."
	Lines    []string // the authority, if any, and the title
	Name     string
}

// signerOf is the campaign's signer (settings, `c` on the overview); copies
// is the Nơi nhận, each item ending as a list's does.
func signerOf(c campaign.Campaign, copies []string) *Signer {
	authority, title := c.Signer()
	return &Signer{CopiesTo: listItems(copies), Lines: signerLines(upper(authority), upper(title)), Name: clean(c.SignerName)}
}

// signerLines are the lines above the signature: the authority, if any, and the title.
func signerLines(authority, title string) []string {
	if authority == "" {
		return []string{title}
	}
	return []string{authority, title}
}

// listItems end each item of a list with ";" and the last with ".".
func listItems(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		end := ";"
		if i == len(items)-1 {
			end = "."
		}
		out[i] = clean(s) + end
	}
	return out
}

// quotaLegend explains the quota, on paper under the tables and under the
// text formats' "2/3".
func quotaLegend(l lang.Lang) string {
	return l.T("Chỉ tiêu: số mô hình, sáng kiến tối thiểu phải đăng ký và số phấn đấu đăng ký (viết “2/3”: tối thiểu 02, phấn đấu 03).",
		"Quota: the least number of registrations asked for, and the number to aim for (“2/3”: at least 2, aiming for 3).")
}

// quotaLegendSplit explains the quota where it is two columns (paper,
// xlsx): no “2/3” there to explain.
func quotaLegendSplit(l lang.Lang) string {
	return l.T("Chỉ tiêu tối thiểu: số mô hình, sáng kiến tối thiểu phải đăng ký; chỉ tiêu phấn đấu: số mô hình, sáng kiến phấn đấu đăng ký.",
		"Minimum: the least number of registrations asked for; target: the number to aim for.")
}

// splitQuota makes a table's quota column ("2/3") two columns of numbers,
// the minimum and the target, so that a spreadsheet can count them.
func splitQuota(t Table, col int, l lang.Lang) Table {
	cols := append([]Column{}, t.Columns[:col]...)
	width := max(t.Columns[col].Width, 8)
	cols = append(cols, Column{Title: l.T("Chỉ tiêu tối thiểu", "Minimum"), Align: Right, Type: NumberCell, Width: width},
		Column{Title: l.T("Chỉ tiêu phấn đấu", "Target"), Align: Right, Type: NumberCell, Width: width})
	t.Columns = append(cols, t.Columns[col+1:]...)
	for i, r := range t.Rows {
		if t.bands[i] || col >= len(r) {
			continue
		}
		least, target, ok := strings.Cut(r[col], "/")
		if !ok {
			target = least
		}
		out := append([]string{}, r[:col]...)
		out = append(out, least, target)
		t.Rows[i] = append(out, r[col+1:]...)
	}
	return t
}

// Letterhead is the top of an official paper (Nghị định 30/2020/NĐ-CP): the
// issuing body on the left under its parent, the national motto on the right.
// Names come from the campaign, never from code.
type Letterhead struct {
	Parent string // "UBND TỈNH HÀ TĨNH"
	Issuer string // "SỞ NỘI VỤ"
	Lang   lang.Lang
}

// LetterheadOf is the campaign's letterhead, for a sheet made elsewhere
// (the dossier's index).
func LetterheadOf(c campaign.Campaign, l lang.Lang) Letterhead { return letterhead(c, l) }

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

func (s Sheet) mainIndex() int { return max(len(s.Tables)-1, 0) }

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
