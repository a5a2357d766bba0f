package report

import (
	"cmp"
	"context"
	"io"
	"slices"
	"strings"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/doc"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Registrations is the compiled list of registrations in the template's
// columns, grouped by agency group (I, II, …) and agency, numbered 1, 2, …
// within each group.
type Registrations struct {
	Campaign campaign.Campaign
	AsOf     vndate.Date
	Rows     []book.RegistrationRow // in report order: see NewRegistrations; unused when read from the store
	Lang     lang.Lang
	// open, when set, reads the rows from the store in report order each
	// time the list is written, so that 200,000 of them are never all held.
	open func() (rowSource, error)
	// Progress, when set, hears how many rows are written (Request.Progress).
	Progress func(done, total int)
}

// rowSource gives the counts of a list, then its rows in report order.
type rowSource interface {
	Counts() (book.RegistrationCounts, error)
	Each(fn func(book.RegistrationRow) error) error
	Close() error
}

// storeRows reads the rows from the book as they are written.
type storeRows struct {
	ctx context.Context
	book.RegistrationReader
}

func (s storeRows) Counts() (book.RegistrationCounts, error) {
	return s.RegistrationReader.Counts(s.ctx)
}

func (s storeRows) Each(fn func(book.RegistrationRow) error) error {
	return s.RegistrationReader.Each(s.ctx, fn)
}

// heldRows are rows already in report order.
type heldRows []book.RegistrationRow

func (h heldRows) Counts() (book.RegistrationCounts, error) {
	var c book.RegistrationCounts
	for i, x := range h {
		if len(c.Groups) == 0 || c.Groups[len(c.Groups)-1].Group != x.AgencyGroup {
			c.Groups = append(c.Groups, book.GroupCount{Group: x.AgencyGroup})
		}
		g := &c.Groups[len(c.Groups)-1]
		g.Registrations++
		c.Registrations++
		if i == 0 || h[i-1].AgencyID != x.AgencyID {
			g.Agencies++
			c.Agencies++
		}
	}
	return c, nil
}

func (h heldRows) Each(fn func(book.RegistrationRow) error) error {
	for _, x := range h {
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

func (heldRows) Close() error { return nil }

// cleaner is what cleans the stored text of src's rows for a streamed
// table: rows the store read are clean already (vntext.Line and Text, whose
// output clean leaves as it is) and are not checked again, as they are three
// million cells at national scale; other rows are cleaned as Table.Add does.
// Labels are always cleaned: an unknown kind's label is the stored value.
func cleaner(src rowSource) func(string) string {
	if c, ok := src.(*counted); ok {
		src = c.rowSource
	}
	if _, ok := src.(storeRows); ok {
		return func(s string) string { return s }
	}
	return clean
}

// storeRegistrations is the list read from the store when written.
func storeRegistrations(ctx context.Context, st book.Reports, c campaign.Campaign, asOf vndate.Date, l lang.Lang) Registrations {
	return Registrations{Campaign: c, AsOf: asOf, Lang: l, open: func() (rowSource, error) {
		rr, err := st.ReportRegistrations(ctx, c.ID, asOf)
		if err != nil {
			return nil, err
		}
		return storeRows{ctx, rr}, nil
	}}
}

// rows opens the list's rows for one writing.
func (r Registrations) rows() (rowSource, error) {
	var src rowSource = heldRows(r.Rows)
	if r.open != nil {
		var err error
		if src, err = r.open(); err != nil {
			return nil, err
		}
	}
	if r.Progress != nil {
		src = &counted{rowSource: src, report: r.Progress}
	}
	return src, nil
}

// counted tells its report how many rows were given out, of how many.
type counted struct {
	rowSource
	report      func(done, total int)
	total, done int
}

func (c *counted) Counts() (book.RegistrationCounts, error) {
	n, err := c.rowSource.Counts()
	c.total = n.Registrations
	c.report(c.done, c.total)
	return n, err
}

func (c *counted) Each(fn func(book.RegistrationRow) error) error {
	err := c.rowSource.Each(func(x book.RegistrationRow) error {
		c.done++
		if c.done%256 == 0 || c.done == c.total {
			c.report(c.done, max(c.total, c.done))
		}
		return fn(x)
	})
	c.report(c.done, max(c.total, c.done))
	return err
}

// NewRegistrations keeps the registrations received on or before asOf and
// puts them in report order: group, agency (Vietnamese order), then the
// order the letters came in and their order in each letter.
func NewRegistrations(c campaign.Campaign, rows []book.RegistrationRow, asOf vndate.Date, l lang.Lang) Registrations {
	kept := make([]book.RegistrationRow, 0, len(rows))
	for _, r := range rows {
		if asOf.IsZero() || !r.Received.After(asOf) {
			kept = append(kept, r)
		}
	}
	rank := map[campaign.Group]int{}
	for i, g := range campaign.Groups {
		rank[g] = i
	}
	keys := map[int64]string{}
	for _, r := range kept {
		if _, ok := keys[r.AgencyID]; !ok {
			keys[r.AgencyID] = string(vntext.SortKey(r.AgencyName))
		}
	}
	// Sorted by position, ties broken by the store's order, so that the
	// registrations of one letter keep their order in it; positions, not the
	// wide rows, are moved while sorting.
	order := make([]int32, len(kept))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &kept[i], &kept[j]
		switch {
		case rank[a.AgencyGroup] != rank[b.AgencyGroup]:
			return rank[a.AgencyGroup] - rank[b.AgencyGroup]
		case a.AgencyID != b.AgencyID:
			if c := strings.Compare(keys[a.AgencyID], keys[b.AgencyID]); c != 0 {
				return c
			}
			return cmp.Compare(a.AgencyID, b.AgencyID)
		case !a.Received.Equal(b.Received):
			if a.Received.Before(b.Received) {
				return -1
			}
			return 1
		case a.SubmissionID != b.SubmissionID:
			return cmp.Compare(a.SubmissionID, b.SubmissionID)
		}
		return cmp.Compare(i, j)
	})
	sorted := make([]book.RegistrationRow, len(kept))
	for i, k := range order {
		sorted[i] = kept[k]
	}
	kept = sorted
	return Registrations{Campaign: c, AsOf: asOf, Rows: kept, Lang: l}
}

func (r Registrations) title() string {
	return r.Lang.F("Danh sách đăng ký xây dựng mô hình, sáng kiến, giải pháp, cách làm hay trong cải cách hành chính năm %d",
		"Registered administrative-reform models, initiatives, solutions and good practices, %d", r.Campaign.Year)
}

func (r Registrations) lines(c book.RegistrationCounts) []string {
	l := r.Lang
	return []string{l.F("Tính đến ngày %s: %s mô hình, sáng kiến của %s cơ quan, đơn vị",
		"As of %s: %s registrations from %s agencies", r.AsOf, l.Num(c.Registrations), l.Num(c.Agencies))}
}

// lead is the implementing unit: the agency, and the commune when a
// district named one of its communes.
func lead(x book.RegistrationRow) string {
	if x.LeadAgencyID != 0 && x.LeadAgencyID != x.AgencyID && x.LeadName != "" && x.LeadName != x.AgencyName {
		return x.AgencyName + " (" + x.LeadName + ")"
	}
	return x.AgencyName
}

func bandTitle(c campaign.Campaign, i int, g campaign.Group, count int, l lang.Lang) string {
	return Roman(i) + ". " + strings.ToUpper(c.GroupHeading(g, l)) + " (" + l.Num(count) + ")"
}

// bandContinued is a group's band at the top of the pages it runs onto:
// "I. UBND CẤP XÃ (tiếp theo)".
func bandContinued(c campaign.Campaign, i int, g campaign.Group, l lang.Lang) string {
	return Roman(i) + ". " + strings.ToUpper(c.GroupHeading(g, l)) + l.T(" (tiếp theo)", " (continued)")
}

// table is the template's table, with a band for each group, its rows
// streamed from src as it is written.
func (r Registrations) table(src rowSource, counts book.RegistrationCounts) Table {
	l := r.Lang
	widths := map[campaign.Column]float64{
		// in characters: "Cách làm hay" and "04/2023 - 12/2023" on one line of a printed page
		// and all of them within an A4 landscape page at 12 pt (≥ 11 pt printed)
		campaign.ColSeq: 7, campaign.ColTitle: 27, campaign.ColKind: 11, campaign.ColArea: 17, campaign.ColLead: 18,
		campaign.ColPartners: 15, campaign.ColTimeline: 13, campaign.ColExpected: 22, campaign.ColNote: 11,
	}
	t := Table{}
	for _, c := range campaign.RegistrationColumns {
		col := Column{Title: c.Label(l), Width: widths[c], Max: 40}
		if c == campaign.ColSeq {
			col.Align, col.Type, col.Ordinal = Right, NumberCell, true
			most := 0 // numbered from 1 in each group
			for _, g := range counts.Groups {
				most = max(most, g.Registrations)
			}
			col.Least = itoa(most)
		}
		t.Columns = append(t.Columns, col)
	}
	cl := cleaner(src)
	t.stream = func(add func(cells []string, band bool) error) error {
		return r.eachInGroups(src, counts, func(i int, g book.GroupCount) error {
			return add([]string{clean(bandTitle(r.Campaign, i, g.Group, g.Registrations, l)), clean(bandContinued(r.Campaign, i, g.Group, l))}, true)
		}, func(j int, x book.RegistrationRow) error {
			cells := make([]string, 0, len(campaign.RegistrationColumns))
			for _, c := range campaign.RegistrationColumns {
				if c == campaign.ColKind || c == campaign.ColArea {
					cells = append(cells, clean(r.cell(c, j, x)))
				} else {
					cells = append(cells, cl(r.cell(c, j, x)))
				}
			}
			return add(cells, false)
		})
	}
	return t
}

// eachInGroups calls band at the start of each group (numbered from 1) and
// row for each registration with its number in its group.
func (r Registrations) eachInGroups(src rowSource, counts book.RegistrationCounts, band func(i int, g book.GroupCount) error, row func(j int, x book.RegistrationRow) error) error {
	groups := counts.Groups
	gi, j := -1, 0
	return src.Each(func(x book.RegistrationRow) error {
		if gi < 0 || groups[gi].Group != x.AgencyGroup {
			gi, j = gi+1, 0
			if gi >= len(groups) || groups[gi].Group != x.AgencyGroup {
				return lang.Errorf("Lỗi đọc danh sách: nhóm không khớp", "Error reading the list: the groups do not match")
			}
			if err := band(gi+1, groups[gi]); err != nil {
				return err
			}
		}
		j++
		return row(j, x)
	})
}

func (r Registrations) cell(c campaign.Column, n int, x book.RegistrationRow) string {
	l := r.Lang
	switch c {
	case campaign.ColSeq:
		return itoa(n)
	case campaign.ColTitle:
		return x.Title
	case campaign.ColKind:
		return x.Kind.Label(l)
	case campaign.ColArea:
		return x.Area.Label(l)
	case campaign.ColLead:
		return lead(x)
	case campaign.ColPartners:
		return x.Partners
	case campaign.ColTimeline:
		return x.Timeline
	case campaign.ColExpected:
		return x.ExpectedResult
	case campaign.ColNote:
		return x.Note
	}
	return ""
}

// sheet is the list laid out for paper.
func (r Registrations) sheet(c book.RegistrationCounts, t Table) Sheet {
	return Sheet{
		Name:   r.Lang.F("Đăng ký %d", "Registrations %d", r.Campaign.Year),
		Head:   letterhead(r.Campaign, r.Lang),
		Title:  r.title(),
		Lines:  r.lines(c),
		Tables: []Table{t},
	}
}

// MaxDOCXRows is the longest list written as docx: Word opens about 32 MB
// of text, and each registration takes some 3 KB of document.xml, so 8,000
// keep it under 25 MB. A longer list is refused rather than split by
// group: at national scale a single group holds 100,000 and more, so the
// pieces would be refused too; xlsx and pdf hold any length.
const MaxDOCXRows = 8000

// Write writes the list in format f. Every format but json is written as
// the rows are read, never all held: at national scale they are 200,000.
func (r Registrations) Write(w io.Writer, f string) (err error) {
	if !contains(Formats(KindRegistrations), f) && f != "" {
		return unknownFormat(f, KindRegistrations)
	}
	src, err := r.rows()
	if err != nil {
		return err
	}
	defer func() {
		if cerr := src.Close(); err == nil {
			err = cerr
		}
	}()
	var counts book.RegistrationCounts
	if f != "csv" && f != "json" { // the others say them before the rows
		if counts, err = src.Counts(); err != nil {
			return err
		}
	}
	if f == "docx" && counts.Registrations > MaxDOCXRows {
		return lang.Errorf("Danh sách có %d mô hình, sáng kiến: tệp Word sẽ quá lớn để Word mở được (tối đa %d). Hãy ghi ra xlsx (Excel) hoặc pdf.",
			"The list has %d registrations: a Word file would be too large for Word to open (at most %d). Write it as xlsx (Excel) or pdf instead.",
			counts.Registrations, MaxDOCXRows)
	}
	switch f {
	case "csv":
		return r.writeCSV(w, src)
	case "json":
		return r.writeJSON(w, src)
	case "xlsx":
		return r.sheet(counts, r.table(src, counts)).WriteXLSX(w)
	}
	// each row rendered as it is read (200,000 at national scale; the
	// PDF holds at most doc.PartPages pages at a time)
	var sample [][]string
	if f == "html" || f == "docx" || f == "pdf" { // columns to size
		if sample, err = r.sample(counts); err != nil {
			return err
		}
	}
	return writeDoc(r.document(src, counts, sample), w, f)
}

// document is the list as a document, its rows read as it is rendered: in
// plain text a record for each registration, 80 columns wide.
// On paper its columns are sized to sample (nil: their set widths).
func (r Registrations) document(src rowSource, counts book.RegistrationCounts, sample [][]string) *doc.Document {
	t := r.table(src, counts)
	t.records = true
	t.sample = sample
	d := r.sheet(counts, t).Document()
	d.TextWidth = textWidth
	return d
}

// sampleRows is about how many rows the printed columns are sized to: the
// widths settle long before, and a national list has 200,000.
const sampleRows = 2000

// sample is every n-th row of the list as printed, at most about
// sampleRows, read apart from the rows written (the store is read twice),
// for sizing the columns to their text.
func (r Registrations) sample(counts book.RegistrationCounts) ([][]string, error) {
	var src rowSource = heldRows(r.Rows)
	if r.open != nil {
		var err error
		if src, err = r.open(); err != nil {
			return nil, err
		}
	}
	defer src.Close()
	every := max(1, (counts.Registrations+sampleRows-1)/sampleRows)
	cl := cleaner(src)
	var out [][]string
	n := 0
	err := r.eachInGroups(src, counts, func(int, book.GroupCount) error { return nil }, func(j int, x book.RegistrationRow) error {
		n++
		if n%every != 0 {
			return nil
		}
		cells := make([]string, 0, len(campaign.RegistrationColumns))
		for _, c := range campaign.RegistrationColumns {
			cells = append(cells, cl(r.cell(c, j, x)))
		}
		out = append(out, cells)
		return nil
	})
	return out, err
}

// writeCSV writes every field of every registration, one row each, with its
// group, agency and letter, for compiling in a spreadsheet.
func (r Registrations) writeCSV(w io.Writer, src rowSource) error {
	l := r.Lang
	t := Table{Columns: []Column{
		{Title: campaign.ColSeq.Label(l)}, {Title: l.T("Nhóm", "Group")}, {Title: l.T("Cơ quan, đơn vị", "Agency")},
		{Title: campaign.ColTitle.Label(l)}, {Title: campaign.ColKind.Label(l)}, {Title: campaign.ColArea.Label(l)},
		{Title: campaign.ColLead.Label(l)}, {Title: campaign.ColPartners.Label(l)}, {Title: campaign.ColTimeline.Label(l)},
		{Title: campaign.ColExpected.Label(l)}, {Title: campaign.ColNote.Label(l)}, {Title: l.T("Nội dung tóm tắt", "Summary")},
		{Title: l.T("Số văn bản", "Letter number")}, {Title: l.T("Ngày văn bản", "Letter date")}, {Title: l.T("Ngày nhận", "Received")},
	}}
	cl := cleaner(src)
	days := map[vndate.Date]string{} // a few hundred days on 200,000 rows: each written out once
	day := func(d vndate.Date) string {
		s, ok := days[d]
		if !ok {
			s = d.String()
			days[d] = s
		}
		return s
	}
	t.stream = func(add func(cells []string, band bool) error) error {
		i := 0
		return src.Each(func(x book.RegistrationRow) error {
			i++
			return add([]string{itoa(i), clean(x.AgencyGroup.Label(l)), cl(x.AgencyName), cl(x.Title), clean(x.Kind.Label(l)),
				clean(x.Area.Label(l)), cl(lead(x)), cl(x.Partners), cl(x.Timeline), cl(x.ExpectedResult), cl(x.Note), cl(x.Summary),
				cl(x.LetterNumber), day(x.LetterDate), day(x.Received)}, false)
		})
	}
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	return t.WriteCSV(NewCSV(w))
}

type jsonRegistration struct {
	ID             int64   `json:"id"`
	Group          string  `json:"group"`
	AgencyID       int64   `json:"agency_id"`
	Agency         string  `json:"agency"`
	Lead           string  `json:"lead"`
	Title          string  `json:"title"`
	Kind           string  `json:"kind"`
	Area           string  `json:"area"`
	Partners       string  `json:"partners"`
	Timeline       string  `json:"timeline"`
	ExpectedResult string  `json:"expected_result"`
	Note           string  `json:"note"`
	Summary        string  `json:"summary"`
	LetterNumber   string  `json:"letter_number"`
	LetterDate     *string `json:"letter_date"`
	Received       string  `json:"received"`
}

func (r Registrations) writeJSON(w io.Writer, src rowSource) error {
	out := struct {
		Campaign      jsonCampaign       `json:"campaign"`
		Registrations []jsonRegistration `json:"registrations"`
	}{
		Campaign: jsonCampaign{Year: r.Campaign.Year, Title: oneLine(clean(r.Campaign.Title)), Deadline: r.Campaign.Deadline.ISO(),
			AsOf: r.AsOf.ISO(), DaysLeft: r.AsOf.DaysUntil(r.Campaign.Deadline)},
		Registrations: []jsonRegistration{},
	}
	err := src.Each(func(x book.RegistrationRow) error {
		out.Registrations = append(out.Registrations, jsonRegistration{
			ID: x.ID, Group: string(x.AgencyGroup), AgencyID: x.AgencyID, Agency: x.AgencyName, Lead: lead(x),
			Title: x.Title, Kind: string(x.Kind), Area: string(x.Area), Partners: x.Partners, Timeline: x.Timeline,
			ExpectedResult: x.ExpectedResult, Note: x.Note, Summary: x.Summary, LetterNumber: x.LetterNumber,
			LetterDate: isoOrNil(x.LetterDate), Received: x.Received.ISO(),
		})
		return nil
	})
	if err != nil {
		return err
	}
	return writeJSON(w, out)
}
