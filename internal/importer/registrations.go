package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/files"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// RegistrationOptions are what the clerk says about a file of registrations.
type RegistrationOptions struct {
	Agency   string      // the sending agency; "" to take it from the file
	Received vndate.Date // the day the letter arrived; zero for Today
	Letter   string      // the letter's number; "" to take it from the title block
	Today    vndate.Date // the clerk's today
	// AnyYear takes a file whose heading names another year than the
	// campaign's (the clerk's explicit word: --year-mismatch-ok)
	AnyYear bool
}

// RowStatus is what an import does (or would do) with a row.
type RowStatus int

const (
	RowValid     RowStatus = iota // read without problem; not yet checked against the book
	RowAdd                        // added (or, in a dry run, would be)
	RowDuplicate                  // the agency already has this title: skipped
	RowError                      // has a problem: nothing is written
)

// Label is the status as the dry-run table shows it.
func (s RowStatus) Label(l lang.Lang) string {
	switch s {
	case RowAdd:
		return l.T("Thêm", "Add")
	case RowDuplicate:
		return l.T("Trùng, bỏ qua", "Duplicate, skipped")
	case RowError:
		return l.T("Lỗi", "Error")
	}
	return l.T("Hợp lệ", "Valid")
}

// PlannedRow is one row of the file as read.
type PlannedRow struct {
	Line         int // the row as the spreadsheet numbers it
	Registration campaign.Registration
	Agency       campaign.Agency // the sending agency (zero when unknown)
	Lead         string          // the implementing unit as it will be shown
	Status       RowStatus
}

// RegistrationPlan is a file of registrations read and checked: what the
// dry run shows and what Apply writes.
type RegistrationPlan struct {
	Campaign     campaign.Campaign
	Sheet        string
	LetterNumber string
	LetterDate   vndate.Date
	Received     vndate.Date
	Rows         []PlannedRow
	Problems     []Problem // errors stop the import; warnings do not

	letters []book.ImportLetter
	rowOf   [][]int // rowOf[letter][item] is the index in Rows
	applied bool
}

// Errors counts the problems that stop the import.
func (p *RegistrationPlan) Errors() int { return errorCount(p.Problems) }

// PlanRegistrations reads a file of registrations for campaign c and checks
// it against the book without changing anything: every problem is in
// Problems; when there is none, each row is marked as to be added or a
// duplicate, exactly as Apply would do it.
func PlanRegistrations(ctx context.Context, st Book, c campaign.Campaign, path string, opt RegistrationOptions) (*RegistrationPlan, error) {
	grids, data, err := readFileData(path)
	if err != nil {
		return nil, err
	}
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	agencies, m, err := withPredecessors(ctx, st, c, agencies)
	if err != nil {
		return nil, err
	}
	p := planRegistrations(grids, c, agencies, opt)
	if err := p.nameMerged(ctx, st, agencies, m); err != nil {
		return nil, err
	}
	if len(p.letters) == 0 {
		return p, nil
	}
	p.keepFile(filepath.Base(path), data)
	if p.Errors() > 0 {
		// nothing will be written, but the rows already in the book are
		// said now, not only once the errors are mended
		dups, err := st.ImportDuplicates(ctx, p.letters)
		if err != nil {
			return nil, err
		}
		for li, items := range dups {
			for _, i := range items {
				p.Rows[p.rowOf[li][i]].Status = RowDuplicate
			}
		}
		return p, nil
	}
	out, err := st.ImportRegistrations(ctx, p.letters, true)
	if err != nil {
		p.Problems = append(p.Problems, Problem{Msg: asLangError(err)})
		return p, nil
	}
	p.mark(out)
	return p, nil
}

// keepFile has the file read kept with each letter it holds. A file the
// book cannot keep as it is (a workbook renamed .csv, one over the size
// limit) is still imported, with a warning that it is not kept.
func (p *RegistrationPlan) keepFile(name string, data []byte) {
	name = files.CleanName(name)
	err := files.CheckSize(name, int64(len(data)), 0)
	if err == nil {
		err = files.CheckContent(name, data)
	}
	if err != nil {
		p.Problems = append(p.Problems, Problem{Msg: &lang.Error{
			VI: "Tệp sẽ không được lưu kèm văn bản: " + lang.Message(err, lang.VI),
			EN: "The file will not be kept with the letter: " + lang.Message(err, lang.EN)}, Warning: true})
		return
	}
	f := &book.NewFile{Name: name, Content: data}
	for i := range p.letters {
		p.letters[i].File = f
	}
}

// Apply writes the plan in one transaction: all rows or, on any error,
// none. It refuses a plan with errors.
func (p *RegistrationPlan) Apply(ctx context.Context, st book.Imports) error {
	if n := p.Errors(); n > 0 {
		return lang.Errorf("Tệp có %d lỗi; không ghi gì vào sổ dữ liệu", "The file has %d errors; nothing was written", n)
	}
	out, err := st.ImportRegistrations(ctx, p.letters, false)
	if err != nil {
		return err
	}
	p.mark(out)
	p.applied = true
	return nil
}

func (p *RegistrationPlan) mark(out []book.ImportedLetter) {
	for li, lo := range out {
		for _, i := range lo.Added {
			p.Rows[p.rowOf[li][i]].Status = RowAdd
		}
		for _, i := range lo.Duplicates {
			p.Rows[p.rowOf[li][i]].Status = RowDuplicate
		}
	}
}

// Tally is the closing line: "Đã thêm 3 mô hình của Huyện Đức Thọ; bỏ qua
// 1 trùng; 0 lỗi". Before Apply it says what would be done.
func (p *RegistrationPlan) Tally(l lang.Lang) string {
	added, dups := 0, 0
	seen := map[int64]string{}
	for _, r := range p.Rows {
		switch r.Status {
		case RowAdd:
			added++
		case RowDuplicate:
			dups++
		}
		if r.Agency.ID != 0 {
			seen[r.Agency.ID] = r.Agency.Name
		}
	}
	of := ""
	switch len(seen) {
	case 0:
	case 1:
		for _, name := range seen {
			of = l.F(" của %s", " from %s", name)
		}
	default:
		of = l.F(" của %d cơ quan, đơn vị", " from %d agencies", len(seen))
	}
	errs := p.Errors()
	verb := l.T("Đã thêm", "Added")
	if !p.applied {
		verb = l.T("Sẽ thêm", "Would add")
	}
	line := l.F("%s %s%s; bỏ qua %s; %s", "%s %s%s; skipped %s; %s", verb, l.Count(added, "mô hình", "registration", "registrations"), of,
		l.Count(dups, "trùng", "duplicate", "duplicates"), l.Count(errs, "lỗi", "error", "errors")) // "1 error", not "1 errors"
	switch {
	case errs > 0:
		line += l.T(" — không ghi gì vào sổ dữ liệu", " — nothing was written")
	case !p.applied:
		line += l.T(" (chạy thử: chưa ghi gì)", " (dry run: nothing written)")
	}
	return line
}

func asLangError(err error) *lang.Error {
	if le, ok := err.(*lang.Error); ok {
		return le
	}
	return &lang.Error{VI: lang.Message(err, lang.VI), EN: lang.Message(err, lang.EN)}
}

// regReader reads the rows of one sheet under a recognised header.
type regReader struct {
	g        *Grid
	h        header
	res      *Resolver
	fixed    *campaign.Agency // the sending agency when known for the whole file
	named    bool             // an agency was named for the whole file (found or not)
	problems []Problem
	// others are the campaign's other agencies the lead-unit column names
	// while the file is one agency's: a compiled list of several
	// agencies' registrations (cchc's own, say) if there are several
	others []string
}

func planRegistrations(grids []*Grid, c campaign.Campaign, agencies []campaign.Agency, opt RegistrationOptions) *RegistrationPlan {
	// the clerk's word on the letter, told even when the file has no table
	p := &RegistrationPlan{Campaign: c, LetterNumber: vntext.Line(opt.Letter), Received: opt.Received}
	if p.Received.IsZero() {
		p.Received = opt.Today
	}
	var g *Grid
	var h header
	// the registrations table is the one whose header names the most
	// columns: a contact table ("Tên người liên hệ", "Đơn vị") may look
	// like a header too; the first wins a tie
	for _, x := range grids {
		if hh, ok := findHeader(x, registrationRules, campaign.ColTitle, 1); ok && (g == nil || len(hh.cols) > len(h.cols)) {
			g, h = x, hh
		}
	}
	if g == nil {
		p.Problems = append(p.Problems, Problem{Msg: lang.Errorf(
			"Không tìm thấy dòng tiêu đề của bảng trong %d dòng đầu (cần cột %q và các cột như %q, %q): hãy chép danh sách vào mẫu đăng ký (trong ứng dụng: màn 6 Báo cáo, «Mẫu đăng ký»; dòng lệnh: cchc template), hoặc ghi tiêu đề các cột như trong mẫu, rồi lưu lại",
			"No header row in the first %d rows (expected a column %q and columns such as %q, %q): copy the list into the registration template (in the application: screen 6 Reports, “Registration template”; command line: cchc template), or title its columns as the template does, and save it again",
			headerWindow, campaign.ColTitle.Label(lang.VI), campaign.ColKind.Label(lang.VI), campaign.ColArea.Label(lang.VI))})
		return p
	}
	p.Sheet = g.Name
	rr := &regReader{g: g, h: h, res: NewResolver(agencies)}
	tb := readTitleBlock(g, h.row)
	tb.useAttachment(c)
	rr.problems = append(rr.problems, tb.problems...)
	if pr := tb.otherYear(c.Year); pr != nil && !opt.AnyYear {
		rr.problems = append(rr.problems, *pr)
	}
	if pr := g.headerSplit(h.row); pr != nil {
		rr.problems = append(rr.problems, *pr)
	}
	if pr := h.ignored(); pr != nil {
		pr.Line = g.line(h.row)
		rr.problems = append(rr.problems, *pr)
	}

	// The sending agency: the clerk's word, else the title block, else each row's.
	switch {
	case strings.TrimSpace(opt.Agency) != "":
		rr.named = true
		a, err := rr.res.Find(opt.Agency, nil)
		if err != nil {
			rr.problems = append(rr.problems, Problem{Msg: labelled("Cơ quan gửi (--agency)", "Sent by (--agency)", err)})
		} else {
			rr.fixed = &a
		}
	case tb.agency != "":
		rr.named = true
		a, err := rr.res.Find(tb.agency, nil)
		if err != nil {
			rr.problems = append(rr.problems, Problem{Line: tb.agencyLine, Msg: labelled("Tên cơ quan, đơn vị", "Agency", err)})
		} else {
			rr.fixed = &a
		}
	default:
		// the letter's issuer block, or the "Kèm theo" line: names that
		// are not labelled, taken only when one is an agency of the list
		for _, name := range tb.senders {
			if a, err := rr.res.Find(name, nil); err == nil {
				rr.named, rr.fixed = true, &a
				break
			}
		}
	}

	if p.LetterNumber == "" {
		p.LetterNumber = tb.number
	}
	p.LetterDate = tb.date
	rr.readRows(p)
	p.Problems = append(p.Problems, rr.problems...)
	p.group(opt.Today, tb.dateLine)
	return p
}

// labelled puts a label in front of err's message in each language.
func labelled(vi, en string, err error) *lang.Error {
	return &lang.Error{VI: vi + ": " + lang.Message(err, lang.VI), EN: en + ": " + lang.Message(err, lang.EN)}
}

// group turns the rows into one letter per sending agency and checks the
// letters (received date, letter date).
func (p *RegistrationPlan) group(today vndate.Date, dateLine int) {
	index := map[int64]int{}
	for i, r := range p.Rows {
		if r.Status == RowError || r.Agency.ID == 0 {
			continue // said already; the letters are for the rows that can go in
		}
		li, ok := index[r.Agency.ID]
		if !ok {
			li = len(p.letters)
			index[r.Agency.ID] = li
			sub := campaign.Submission{CampaignID: p.Campaign.ID, AgencyID: r.Agency.ID, Number: p.LetterNumber,
				LetterDate: p.LetterDate, Received: p.Received}
			if len(p.letters) == 0 {
				for _, pr := range sub.Validate(today, p.Campaign.Earliest()) {
					line := 0
					if pr.Field == campaign.FieldLetterDate {
						line = dateLine
					}
					p.Problems = append(p.Problems, Problem{Line: line, Msg: pr.Msg})
				}
			}
			p.letters = append(p.letters, book.ImportLetter{Submission: sub})
			p.rowOf = append(p.rowOf, nil)
		}
		p.letters[li].Items = append(p.letters[li].Items, book.ImportItem{Line: r.Line, Registration: r.Registration})
		p.rowOf[li] = append(p.rowOf[li], i)
	}
}

// titleBlock is what the lines above the table say.
type titleBlock struct {
	agency     string
	agencyLine int
	number     string
	date       vndate.Date
	dateLine   int // the row of the date, also when it was wrong
	// senders are names that may be the sending agency without a label:
	// the "của …" of a "Kèm theo" line, then the issuer block's lines,
	// the lowest first ("SỞ Y TẾ" under "UBND TỈNH HÀ TĨNH")
	senders  []string
	att      attachment // the "Kèm theo" line
	problems []Problem  // what the title block says wrong
	// heading is a line that names the year it is for ("… NĂM 2023"),
	// and year that year
	heading     string
	headingLine int
	year        int
}

var (
	agencyLabel = regexp.MustCompile(`^(ten co quan don vi|ten co quan|ten don vi|co quan don vi|co quan|don vi|ten dia phuong|dia phuong|agency)$`)
	numberLabel = regexp.MustCompile(`^(so|so van ban|so hieu van ban|so hieu|so cong van|letter number|number)$`)
	dateLabel   = regexp.MustCompile(`^(ngay van ban|ngay ban hanh|ngay|letter date|date)$`)
)

// readTitleBlock reads "Tên cơ quan, đơn vị: …", "Số: 125/UBND-NV" and the
// letter's date from the rows above the header. A label's value is after
// its colon, or in the next filled cell of the row. A date written there
// that does not exist ("Ngày: 31/02/2023") is a problem of its row, never
// dropped in silence.
func readTitleBlock(g *Grid, headerRow int) titleBlock {
	var tb titleBlock
	issuer := issuerBlock(g, headerRow)
	for r := 0; r < headerRow; r++ {
		row := g.Rows[r]
		for c := 0; c < len(row); c++ {
			cell := vntext.Line(row[c])
			if cell == "" {
				continue
			}
			if strings.HasPrefix(key(cell), "kem theo") {
				tb.attached(cell, g.line(r))
				continue
			}
			label, value, hasColon := strings.Cut(cell, ":")
			lk := key(label)
			next := func() string {
				for j := c + 1; j < len(row); j++ {
					if v := vntext.Line(row[j]); v != "" && v != cell {
						if strings.HasSuffix(v, ":") {
							return "" // the next label: this one was left blank
						}
						return v
					}
				}
				return ""
			}
			if hasColon {
				value = strings.TrimSpace(value)
				if value == "" {
					value = next()
				}
				if key(value) == "" {
					value = "" // a blank template's dots
				}
			}
			switch {
			case hasColon && agencyLabel.MatchString(lk) && tb.agency == "":
				tb.agency, tb.agencyLine = value, g.line(r)
			case hasColon && numberLabel.MatchString(lk) && tb.number == "":
				tb.number = cutAtDate(value)
				if tb.dateLine == 0 {
					tb.readDate(dateAfterNumber(value), g.line(r)) // "Số: 125/UBND-NV ngày 20/3/2023"
				}
			case hasColon && dateLabel.MatchString(lk) && tb.dateLine == 0:
				tb.readDate(value, g.line(r))
			case tb.dateLine == 0 && vietnameseDate.MatchString(vntext.Fold(cell)):
				tb.readDate(cell, g.line(r))
			}
			if tb.year == 0 {
				tb.readYear(cell, g.line(r))
			}
		}
	}
	tb.senders = append(tb.senders, issuer...)
	return tb
}

// readDate takes the letter's date from s, written on row line; one that
// does not exist is a problem. A blank to fill in ("…/…/2023") is no date.
func (tb *titleBlock) readDate(s string, line int) {
	d, err := ParseDate(s)
	switch {
	case err == nil && !d.IsZero():
		tb.date, tb.dateLine = d, line
	case err != nil && len(digitRuns.FindAllString(s, -1)) >= 2:
		tb.dateLine = line // the date was written, wrong: no other line stands in for it
		tb.problems = append(tb.problems, Problem{Line: line, Msg: &lang.Error{
			VI: fmt.Sprintf("Ngày văn bản %q: %s", s, vndate.Problem(err, lang.VI)),
			EN: fmt.Sprintf("Letter date %q: %s", s, vndate.Problem(err, lang.EN)),
		}})
	}
}

var digitRuns = regexp.MustCompile(`\d+`)

// headingYear is "năm 2023" in a heading ("ĐĂNG KÝ MÔ HÌNH … NĂM 2023"),
// folded; the "năm" of a date ("ngày 20 tháng 3 năm 2023") is not one.
var headingYear = regexp.MustCompile(`(^|[^a-z0-9])nam\s+(\d{4})\b`)

// readYear notes the year a heading names.
func (tb *titleBlock) readYear(cell string, line int) {
	folded := vntext.Fold(cell)
	if vietnameseDate.MatchString(folded) {
		return
	}
	m := headingYear.FindStringSubmatch(folded)
	if m == nil {
		return
	}
	y, err := strconv.Atoi(m[2])
	if err != nil || y < 2000 || y > 2100 {
		return
	}
	tb.heading, tb.headingLine, tb.year = cell, line, y
}

// otherYear is the problem of a file whose heading names another year
// than the campaign's: last year's reply, imported into this year, would
// count for an agency that has not replied.
func (tb *titleBlock) otherYear(campaignYear int) *Problem {
	if tb.year == 0 || tb.year == campaignYear {
		return nil
	}
	return &Problem{Line: tb.headingLine, Msg: lang.Errorf(
		"Tệp là của năm %d (%q) nhưng đợt đăng ký đang chọn là năm %d; không ghi gì. Hãy chọn đợt %d (trong ứng dụng: phím y; dòng lệnh: --campaign %d), hoặc nếu tệp đúng là của đợt %d thì nhập bằng dòng lệnh với --year-mismatch-ok",
		"The file is for %d (%q) but the campaign is %d's; nothing was written. Choose the %d campaign (in the application: the y key; command line: --campaign %d), or, if the file really is for %d, import it from the command line with --year-mismatch-ok",
		tb.year, tb.heading, campaignYear, tb.year, tb.year, campaignYear)}
}

// plainDate is a timeline that is one day, dd/mm/yyyy.
var plainDate = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{4}$`)

// dateAfterNumber is what follows "ngày" after a letter number
// ("21/SYT ngày 15/03/2023" gives "15/03/2023"), or "".
func dateAfterNumber(s string) string {
	fields := strings.Fields(s)
	for i, f := range fields {
		if strings.HasPrefix(key(f), "ngay") {
			rest := strings.Join(fields[i:], " ")
			if vietnameseDate.MatchString(vntext.Fold(rest)) {
				return rest // ngày 15 tháng 3 năm 2023
			}
			return strings.TrimLeftFunc(rest, func(r rune) bool { return !unicode.IsDigit(r) })
		}
	}
	return ""
}

// cutAtDate keeps a letter number without a date written after it
// ("125/UBND-NV ngày 20/3/2023").
func cutAtDate(s string) string {
	var keep []string
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(key(f), "ngay") {
			break
		}
		keep = append(keep, f)
	}
	return strings.Join(keep, " ")
}

func (rr *regReader) title(col campaign.Column) string {
	if t, ok := rr.h.titles[col]; ok {
		return t
	}
	return col.Label(lang.VI)
}

func (rr *regReader) cell(r int, col campaign.Column) string {
	c, ok := rr.h.at(col)
	if !ok {
		return ""
	}
	return rr.g.Cell(r, c)
}

func (rr *regReader) add(line int, col campaign.Column, msg *lang.Error, warning bool) {
	column := ""
	if col != "" {
		column = rr.title(col)
	}
	rr.problems = append(rr.problems, Problem{Line: line, Column: column, Msg: msg, Warning: warning})
}

// compiledList is how many other agencies of the campaign the lead-unit
// column of one agency's file may name before the file is taken for a
// list of several agencies': one or two are a model carried out with, or
// at, another agency.
const compiledList = 3

// readRows reads the rows under the header up to the end of the table,
// skipping empty and numbering rows and stopping at a signature block.
func (rr *regReader) readRows(p *RegistrationPlan) {
	g := rr.g
	sawBlank := false
	for r := rr.h.row + 1; r < len(g.Rows); r++ {
		row := g.Rows[r]
		own := 0
		for c := range row {
			if g.own(r, c) {
				own++
			}
		}
		if own == 0 {
			sawBlank = sawBlank || blank(row)
			continue
		}
		hasData := rr.ownAt(r, campaign.ColKind) || rr.ownAt(r, campaign.ColArea)
		if !hasData && rr.footer(r) {
			break
		}
		if rr.numbering(r) || (own == 1 && (rr.band(r) || rr.leadNote(r))) {
			continue
		}
		title := vntext.Line(rr.cell(r, campaign.ColTitle))
		if title == "" && sawBlank && own == 1 {
			break // a name under a signature, after the table
		}
		p.Rows = append(p.Rows, rr.readRow(r, title))
	}
	if len(rr.others) >= compiledList {
		rr.add(0, "", lang.Errorf("Tệp này có vẻ là danh sách tổng hợp đăng ký của nhiều cơ quan, đơn vị, không phải văn bản của %s: cột %q ghi %d cơ quan, đơn vị khác của đợt đăng ký (%s…), nên không nhập gì. Hãy nhập văn bản đăng ký của từng cơ quan, đơn vị",
			"This file looks like a compiled list of several agencies' registrations, not a letter from %s: its %q column names %d other agencies of the campaign (%s…), so nothing is imported. Import each agency's own letter",
			rr.fixed.Name, rr.title(campaign.ColLead), len(rr.others), strings.Join(rr.others[:compiledList], "; ")), false)
	}
	if len(p.Rows) == 0 && errorCount(rr.problems) == 0 {
		rr.add(0, "", lang.Errorf("Bảng không có dòng mô hình, sáng kiến nào dưới dòng tiêu đề (dòng %d): hãy điền mỗi mô hình, sáng kiến một dòng dưới dòng tiêu đề rồi lưu lại",
			"The table has no registration rows under its header (row %d): fill in one registration a row under the header and save it again", rr.g.line(rr.h.row)), false)
	}
}

// leadNote reports the blank template's own line on the lead-unit column
// ("Cơ quan/đơn vị chủ trì: Ghi …", leadNote in template.go), in either
// language: a note, not a registration, nor the end of the table, since
// an agency may add rows under it.
func (rr *regReader) leadNote(r int) bool {
	for c, cell := range rr.g.Rows[r] {
		if !rr.g.own(r, c) {
			continue
		}
		for _, l := range []lang.Lang{lang.VI, lang.EN} {
			if strings.HasPrefix(vntext.Fold(strings.TrimSpace(cell)), vntext.Fold(campaign.ColLead.Label(l)+":")) {
				return true
			}
		}
	}
	return false
}

func (rr *regReader) ownAt(r int, col campaign.Column) bool {
	c, ok := rr.h.at(col)
	return ok && rr.g.own(r, c)
}

var footerWords = []string{"nguoi lap", "nguoi lap bieu", "thu truong", "chu tich", "pho chu tich", "giam doc", "pho giam doc",
	"tm", "kt", "noi nhan", "xac nhan", "ky ghi ro", "ky ten", "ky va ghi", "ky dong dau", "ky ho ten", "lanh dao"}

// footer reports a signature block line: "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ
// tên)", "Đức Thọ, ngày … tháng … năm 2023".
func (rr *regReader) footer(r int) bool {
	for c := range rr.g.Rows[r] {
		if !rr.g.own(r, c) {
			continue
		}
		k := key(rr.g.Rows[r][c])
		if startsAny(k, footerWords...) || (has(k, "ngay") && has(k, "thang") && strings.Contains(k, "nam")) {
			return true
		}
	}
	return false
}

// band reports a heading row inside the table ("I. Sở, ban, ngành" merged
// across the columns): its one value of its own spread over the Loại or
// Lĩnh vực column. (A Lĩnh vực merged down from the row above holds
// another value.)
func (rr *regReader) band(r int) bool {
	g, own := rr.g, ""
	for c := range g.Rows[r] {
		if g.own(r, c) {
			own = strings.TrimSpace(g.Rows[r][c])
		}
	}
	for _, col := range []campaign.Column{campaign.ColKind, campaign.ColArea} {
		if c, ok := rr.h.at(col); ok && g.merged[[2]int{r, c}] && strings.TrimSpace(g.Cell(r, c)) == own {
			return true
		}
	}
	return false
}

var numberingCell = regexp.MustCompile(`^[\(\[]?([0-9]+|[ivxlc]+|[a-z])[\)\]\.]?$`)

// numbering reports a row that only numbers the columns or the rows
// ("(1) (2) (3)…", or STT alone in an unused template row).
func (rr *regReader) numbering(r int) bool {
	for c, cell := range rr.g.Rows[r] {
		if rr.g.own(r, c) && !numberingCell.MatchString(strings.ToLower(strings.TrimSpace(cell))) {
			return false
		}
	}
	return true
}

// readRow reads one registration and reports its problems.
func (rr *regReader) readRow(r int, title string) PlannedRow {
	line := rr.g.line(r)
	before := errorCount(rr.problems)
	reg := campaign.Registration{
		Title:          title,
		Partners:       vntext.Line(rr.cell(r, campaign.ColPartners)),
		Timeline:       vntext.Line(serialText(rr.cell(r, campaign.ColTimeline))),
		ExpectedResult: vntext.Text(rr.cell(r, campaign.ColExpected)),
		Note:           vntext.Text(rr.cell(r, campaign.ColNote)),
		Summary:        vntext.Text(rr.cell(r, colSummary)),
	}
	row := PlannedRow{Line: line}
	if plainDate.MatchString(reg.Timeline) {
		if _, err := ParseDate(reg.Timeline); err != nil { // 31/02/2026
			rr.add(line, campaign.ColTimeline, &lang.Error{
				VI: fmt.Sprintf("%q: %s; hãy sửa ngày trong tệp (hoặc ghi thời gian bằng lời, ví dụ \"Tháng 02/2026\")", reg.Timeline, vndate.Problem(err, lang.VI)),
				EN: fmt.Sprintf("%q: %s; correct the day in the file (or write the time in words, such as \"Tháng 02/2026\")", reg.Timeline, vndate.Problem(err, lang.EN)),
			}, false)
		}
	}
	if msg := rr.g.misaligned(rr.h.row, r); msg != nil {
		rr.add(line, "", msg, false)
		row.Registration, row.Status = reg, RowError
		return row // its cells say nothing sure
	}

	kindText := vntext.Line(rr.cell(r, campaign.ColKind))
	switch k, ok := matchKind(kindText); {
	case ok:
		reg.Kind = k
	case kindText == "":
		if k, ok := kindFromTitle(title); ok {
			reg.Kind = k
		} else {
			rr.add(line, campaign.ColKind, &lang.Error{
				VI: lang.VI.F("không được để trống (chọn: %s)", "", kindChoices(lang.VI)),
				EN: lang.EN.F("", "must not be empty (choose: %s)", kindChoices(lang.EN)),
			}, false)
		}
	default:
		rr.add(line, campaign.ColKind, &lang.Error{
			VI: lang.VI.F("%q không phải loại nào trong danh sách (chọn: %s)", "", kindText, kindChoices(lang.VI)),
			EN: lang.EN.F("", "%q is not a kind on the list (choose: %s)", kindText, kindChoices(lang.EN)),
		}, false)
	}

	areaText := vntext.Line(rr.cell(r, campaign.ColArea))
	switch a, ok := matchArea(areaText); {
	case ok:
		reg.Area = a
	case areaText == "":
		rr.add(line, campaign.ColArea, &lang.Error{
			VI: lang.VI.F("không được để trống (chọn: %s)", "", areaChoices(lang.VI)),
			EN: lang.EN.F("", "must not be empty (choose: %s)", areaChoices(lang.EN)),
		}, false)
	default:
		rr.add(line, campaign.ColArea, &lang.Error{
			VI: lang.VI.F("%q không khớp một lĩnh vực trong danh sách (chọn: %s)", "", areaText, areaChoices(lang.VI)),
			EN: lang.EN.F("", "%q matches no single area on the list (choose: %s)", areaText, areaChoices(lang.EN)),
		}, false)
	}

	rr.resolveAgency(r, &row, &reg)

	for _, pr := range reg.Validate() {
		switch pr.Field {
		case campaign.FieldKind, campaign.FieldArea:
			continue // reported above with the text found
		case campaign.FieldTitle:
			rr.add(line, campaign.ColTitle, pr.Msg, false)
		default:
			rr.add(line, "", pr.Msg, false)
		}
	}
	row.Registration = reg
	if errorCount(rr.problems) > before {
		row.Status = RowError
	}
	return row
}

// resolveAgency sets the row's sending agency and implementing unit: a
// commune named as the lead is linked when it is under the agency; another
// lead is kept in the note, with a warning, so that nothing is lost.
func (rr *regReader) resolveAgency(r int, row *PlannedRow, reg *campaign.Registration) {
	line := rr.g.line(r)
	leadText := vntext.Line(rr.cell(r, campaign.ColLead))
	agency := rr.fixed
	if agency == nil && rr.named {
		return // the name given for the whole file is already reported
	}
	if agency == nil {
		col := campaign.ColLead
		text := leadText
		if _, ok := rr.h.at(colAgency); ok {
			col, text = colAgency, vntext.Line(rr.cell(r, colAgency))
		}
		if text == "" {
			rr.add(line, col, lang.Errorf(
				"không rõ cơ quan, đơn vị gửi: ghi \"Tên cơ quan, đơn vị: …\" phía trên bảng, hoặc chỉ rõ cơ quan gửi (trong ứng dụng: ô «Cơ quan gửi»; dòng lệnh: --agency)",
				"the sending agency is unknown: write \"Tên cơ quan, đơn vị: …\" above the table, or name the sending agency (in the application: the “Sent by” field; command line: --agency)"), false)
			return
		}
		a, err := rr.res.Find(text, nil)
		if err != nil {
			rr.add(line, col, asLangError(err), false)
			return
		}
		if col == campaign.ColLead && a.Group == campaign.Commune {
			if parent, ok := rr.res.byID[a.ParentID]; ok {
				row.Agency, row.Lead, reg.LeadAgencyID = parent, a.Name, a.ID
				return
			}
		}
		agency = &a
	}
	row.Agency, row.Lead = *agency, agency.Name
	if leadText == "" {
		return
	}
	ag := *agency
	lead, err := rr.res.Find(leadText, func(x campaign.Agency) bool { return x.ID == ag.ID || x.ParentID == ag.ID })
	if err == nil {
		row.Lead = lead.Name
		if lead.ID != ag.ID {
			reg.LeadAgencyID = lead.ID
		}
		return
	}
	if other, ok := rr.res.Exactly(leadText); ok && rr.fixed != nil && other.ID != ag.ID && !slices.Contains(rr.others, other.Name) {
		rr.others = append(rr.others, other.Name)
	}
	row.Lead = leadText
	prefix := lang.VI.F("Đơn vị chủ trì: %s", "", leadText)
	if reg.Note != "" {
		reg.Note = prefix + "\n" + reg.Note
	} else {
		reg.Note = prefix
	}
	rr.add(line, campaign.ColLead, &lang.Error{
		VI: lang.VI.F("%q không phải %s hay một xã thuộc đơn vị đó; đã ghi vào Ghi chú", "", leadText, ag.Name),
		EN: lang.EN.F("", "%q is not %s or one of its communes; kept in the note", leadText, ag.Name),
	}, true)
}
