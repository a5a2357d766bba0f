package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/doc"
	"cchc/internal/lang"
)

// Formats of the status summary as `cchc status` prints it; `cchc report
// status` adds the printed forms (see Formats).
var StatusFormats = []string{"text", "md", "csv", "json"}

// Status is the compliance summary of a campaign as of a day, filtered.
type Status struct {
	Campaign campaign.Campaign
	Summary  compliance.Summary
	Group    campaign.Group // "" for all
	Only     string         // "", missing, short, met, unmet
	Lang     lang.Lang
	// Uncounted are the registrations of units no longer followed, which
	// the totals leave out and the list of registrations holds: said
	// under the totals (book.Reports.Uncounted).
	Uncounted book.Uncounted
}

// Results are the agencies the report lists, after the filters.
func (s Status) Results() []compliance.Result { return s.Summary.Filter(s.Group, s.Only) }

// Groups are the group totals the report shows (one group when filtered).
func (s Status) Groups() []compliance.GroupTotal {
	if s.Group == "" {
		return s.Summary.Groups
	}
	for _, g := range s.Summary.Groups {
		if g.Group == s.Group {
			return []compliance.GroupTotal{g}
		}
	}
	return nil
}

// Write writes the summary in format f (text, md, csv, json, xlsx, html).
func (s Status) Write(w io.Writer, f string) error {
	switch f {
	case "text", "", "md", "html", "docx", "pdf":
		return writeDoc(s.Document(), w, f)
	case "csv":
		return s.writeCSV(w)
	case "json":
		return s.writeJSON(w)
	case "xlsx":
		return s.Sheet().WriteXLSX(w)
	}
	return unknownFormat(f, KindStatus)
}

// Document is the summary as a document. Paper and a screen lay it out
// differently: on paper under the letterhead, the group table numbered and
// the quota in two columns of numbers; on a screen under the campaign's
// name, with the status markers and "2/3".
func (s Status) Document() *doc.Document {
	l, h := s.Lang, s.heading()
	paper := s.Sheet()
	d := paper.head()
	d.Blocks = []doc.Block{doc.For(doc.Paper, d.Blocks...), doc.For(doc.Plain, heading(h[0], 1))}
	for _, line := range h[1:] {
		d.Blocks = append(d.Blocks, doc.For(doc.Plain, subLine(line)))
	}
	groups, agencies := paper.Tables[0], paper.Tables[1]
	if msg := s.groupNotFollowed(); msg != "" {
		d.Blocks = append(d.Blocks, doc.For(doc.Plain, said(msg)),
			doc.For(doc.Paper, append(append(groups.blocks(l), agencies.blocks(l)...), note(quotaLegendSplit(l)))...))
		return d
	}
	d.Blocks = append(d.Blocks, doc.For(doc.Markdown, heading(l.T("Tổng hợp theo nhóm", "Totals by group"), 2)),
		doc.For(doc.Paper, groups.blocks(l)...), doc.For(doc.Plain, s.groupTable().docTable(l)))
	if msg := s.uncountedNote(); msg != "" {
		d.Blocks = append(d.Blocks, note(msg))
	}
	d.Blocks = append(d.Blocks,
		doc.For(doc.Markdown, heading(l.T("Tình hình từng cơ quan, đơn vị", "Each agency"), 2)),
		doc.For(doc.Paper, agencies.blocks(l)...))
	if len(s.Results()) == 0 {
		return d.Append(doc.For(doc.Plain, said(l.T("Không có cơ quan, đơn vị nào khớp bộ lọc.", "No agency matches the filter."))),
			doc.For(doc.Paper, note(quotaLegendSplit(l))))
	}
	d = d.Append(doc.For(doc.Plain, s.agencyTable(false).docTable(l)))
	return d.Append(quotaNote(l)...)
}

// Sheet is the summary laid out for paper: group totals, then every agency.
func (s Status) Sheet() Sheet {
	l, h := s.Lang, s.heading()
	groups := s.groupTable()
	// On paper the group table gets a number column, so that its columns
	// line up with the agency table's in a spreadsheet.
	groups.Columns = append([]Column{{Title: l.T("STT", "No."), Type: NumberCell, Ordinal: true}}, groups.Columns...)
	for i := range groups.Columns[2:] {
		groups.Columns[i+2].Type = NumberCell
	}
	for i, r := range groups.Rows {
		n := itoa(i + 1)
		if groups.Total && i == len(groups.Rows)-1 {
			n = ""
		}
		groups.Rows[i] = append([]string{n}, r...)
	}
	groups.Caption = l.T("I. TỔNG HỢP THEO NHÓM", "I. TOTALS BY GROUP")
	groups.Note = s.uncountedNote() // in a workbook under the totals it explains, not after 2,428 rows
	agencies := splitQuota(s.agencyTable(true), 4, l)
	agencies.Caption = l.T("II. TÌNH HÌNH TỪNG CƠ QUAN, ĐƠN VỊ", "II. EACH AGENCY")
	return Sheet{
		Name:   l.F("Tình hình %d", "Status %d", s.Campaign.Year),
		Head:   letterhead(s.Campaign, l),
		Title:  l.F("Tình hình đăng ký mô hình, sáng kiến, cách làm hay trong CCHC năm %d", "Registrations of administrative-reform models and initiatives, %d", s.Campaign.Year),
		Lines:  h[2:],
		Tables: []Table{groups.fitted(), agencies.fitted()},
		Notes:  []string{quotaLegendSplit(l)},
	}
}

// uncountedNote says, under the totals, what they leave out that the list
// of registrations holds: the registrations of units no longer followed.
// "" when they count every one, or when one group is shown (those units
// are in none).
func (s Status) uncountedNote() string {
	u, l := s.Uncounted, s.Lang
	if u.Registrations <= 0 || s.Group != "" {
		return ""
	}
	return l.F("Số liệu tổng hợp không tính %s của %s đã ngừng theo dõi (không có đơn vị kế thừa); danh sách mô hình, sáng kiến đã đăng ký vẫn liệt kê các mô hình này.",
		"The totals leave out %s of %s no longer followed (stopped, succeeded by no unit); the registrations list still includes them.",
		l.Count(u.Registrations, "mô hình", "registration", "registrations"), l.Count(u.Units, "đơn vị", "unit", "units"))
}

func (s Status) heading() []string {
	l, c := s.Lang, s.Campaign
	lines := []string{
		l.F("ĐỢT ĐĂNG KÝ NĂM %d", "CAMPAIGN %d", c.Year),
		c.Title,
	}
	if letter := c.LetterRef(l); letter != "" {
		if c.Issuer != "" {
			letter += l.F(" của %s", " from %s", c.Issuer)
		}
		lines = append(lines, letter)
	}
	lines = append(lines, l.F("Hạn đăng ký: %s · Tính đến ngày %s: %s", "Deadline: %s · As of %s: %s",
		c.Deadline, s.Summary.AsOf, compliance.DaysTextOn(s.Summary.DaysLeft(), l)))
	if s.Group != "" {
		lines = append(lines, l.F("Nhóm: %s", "Group: %s", s.Group.Label(l)))
	}
	if s.Only != "" {
		lines = append(lines, l.F("Chỉ gồm: %s", "Only: %s", s.onlyLabel()))
	}
	return lines
}

// groupNotFollowed says that the campaign follows no unit of the group
// asked for (districts in a campaign after July 2025), instead of an empty
// table and "nothing matches"; "" when the group has units.
func (s Status) groupNotFollowed() string {
	if s.Group == "" || len(s.Groups()) > 0 {
		return ""
	}
	return s.Lang.F("Đợt đăng ký năm %d không theo dõi cơ quan, đơn vị nào thuộc nhóm %s.",
		"The %d campaign follows no agency in the group %s.", s.Campaign.Year, s.Group.Label(s.Lang))
}

func (s Status) onlyLabel() string {
	if s.Only == "unmet" {
		return s.Lang.T("chưa đạt (chưa đăng ký hoặc chưa đủ)", "not met (missing or short)")
	}
	return strings.ToLower(compliance.Status(s.Only).Label(s.Lang))
}

func (s Status) groupTable() Table {
	l := s.Lang
	t := Table{Columns: []Column{
		{Title: l.T("Nhóm", "Group")},
		{Title: l.T("Số cơ quan", "Agencies"), Align: Right, Type: NumberCell},
		{Title: l.T("Đạt", "Met"), Align: Right, Type: NumberCell},
		{Title: l.T("Chưa đủ", "Short"), Align: Right, Type: NumberCell},
		{Title: l.T("Chưa đăng ký", "Missing"), Align: Right, Type: NumberCell},
		{Title: l.T("Nộp muộn", "Late"), Align: Right, Type: NumberCell},
		{Title: l.T("Mô hình", "Registrations"), Align: Right, Type: NumberCell},
	}}
	groups := s.Groups()
	for _, g := range groups {
		t.Add(g.Group.Heading(l), itoa(g.Agencies), itoa(g.Met), itoa(g.Short), itoa(g.Missing), itoa(g.Late), itoa(g.Registrations))
	}
	if len(groups) > 1 {
		t.Total = true
		tot := s.Summary.Total()
		t.Add(l.T("Tổng cộng", "Total"), itoa(tot.Agencies), itoa(tot.Met), itoa(tot.Short), itoa(tot.Missing), itoa(tot.Late), itoa(tot.Registrations))
	}
	return t
}

// shownName is an agency's name with those it succeeds, where the reader
// needs them: "Sở Nông nghiệp và Môi trường (hợp nhất Sở TN&MT, Sở NN&PTNT)".
func shownName(a compliance.Agency, l lang.Lang) string {
	return campaign.WithPredecessors(a.Name, a.Predecessors, l)
}

// QuotaText is "1" or "2/3" (minimum / target).
func QuotaText(q campaign.Quota) string {
	if q.Target > q.Required {
		return fmt.Sprintf("%d/%d", q.Required, q.Target)
	}
	return itoa(q.Required)
}

// Remarks are the notes on an agency's line: late, overdue, target met.
func Remarks(r compliance.Result, l lang.Lang, ascii bool) string {
	return remarks(r, l, compliance.LateMarker(ascii)+" ")
}

// remarks with the late marker given: "" on paper, where words say it all.
func remarks(r compliance.Result, l lang.Lang, lateMarker string) string {
	var out []string
	if r.Late {
		out = append(out, lateMarker+l.T("Nộp muộn", "Late"))
	}
	if r.Overdue {
		out = append(out, l.T("Quá hạn", "Overdue"))
	}
	if r.TargetMet && r.Quota.Target > r.Quota.Required {
		out = append(out, l.T("Đạt chỉ tiêu phấn đấu", "Target met"))
	}
	return strings.Join(out, "; ")
}

// agencyTable lists every agency; on paper the status is in words only
// (the markers are for screens, where colour may be missing).
func (s Status) agencyTable(paper bool) Table {
	l := s.Lang
	t := Table{Columns: []Column{
		{Title: l.T("STT", "No."), Align: Right, Type: NumberCell, Width: 7, Ordinal: true},
		{Title: l.T("Cơ quan, đơn vị", "Agency"), Max: 44, Width: 36},
		{Title: l.T("Nhóm", "Group"), Width: 14},
		{Title: l.T("Đã ĐK", "Reg."), Align: Right, Type: NumberCell, Width: 8},
		{Title: l.T("Chỉ tiêu", "Quota"), Align: Right, Width: 9},
		{Title: l.T("Tình trạng", "Status"), Width: 15},
		{Title: l.T("Ngày đạt", "Met on"), Type: DateCell, Width: 13},
		{Title: l.T("Ghi chú", "Remarks"), Width: 24},
	}}
	for i, r := range s.Results() {
		status, late := r.Status.Marker(false)+" "+r.Status.Label(l), compliance.LateMarker(false)+" "
		if paper {
			status, late = r.Status.Label(l), ""
		}
		t.Add(itoa(i+1), shownName(r.Agency, l), r.Agency.Group.Short(l), itoa(r.Registered), QuotaText(r.Quota),
			status, r.MetOn.String(), remarks(r, l, late))
	}
	return t
}

// writeCSV writes one row per agency, the form a spreadsheet wants.
func (s Status) writeCSV(w io.Writer) error {
	l := s.Lang
	t := Table{Columns: []Column{
		{Title: l.T("STT", "No.")}, {Title: l.T("Cơ quan, đơn vị", "Agency")}, {Title: l.T("Nhóm", "Group")},
		{Title: l.T("Đã đăng ký", "Registered")}, {Title: l.T("Chỉ tiêu tối thiểu", "Minimum")},
		{Title: l.T("Chỉ tiêu phấn đấu", "Target")}, {Title: l.T("Tình trạng", "Status")},
		{Title: l.T("Ngày đạt", "Met on")}, {Title: l.T("Nộp muộn", "Late")}, {Title: l.T("Quá hạn", "Overdue")},
	}}
	yes := func(b bool) string {
		if b {
			return l.T("Có", "Yes")
		}
		return ""
	}
	for i, r := range s.Results() {
		t.Add(itoa(i+1), shownName(r.Agency, l), r.Agency.Group.Heading(l), itoa(r.Registered), itoa(r.Quota.Required),
			itoa(r.Quota.Target), r.Status.Label(l), r.MetOn.String(), yes(r.Late), yes(r.Overdue))
	}
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	return t.WriteCSV(NewCSV(w))
}

type jsonCampaign struct {
	Year     int    `json:"year"`
	Title    string `json:"title"`
	Deadline string `json:"deadline"`
	AsOf     string `json:"as_of"`
	DaysLeft int    `json:"days_left"`
}

type jsonGroup struct {
	Group         string `json:"group"`
	Agencies      int    `json:"agencies"`
	Met           int    `json:"met"`
	Short         int    `json:"short"`
	Missing       int    `json:"missing"`
	Registrations int    `json:"registrations"`
	TargetMet     int    `json:"target_met"`
	Late          int    `json:"late"`
}

type jsonUncounted struct {
	Registrations int `json:"registrations"`
	Units         int `json:"units"`
}

type jsonAgency struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Group        string   `json:"group"`
	Required     int      `json:"required"`
	Target       int      `json:"target"`
	Registered   int      `json:"registered"`
	Status       string   `json:"status"`
	TargetMet    bool     `json:"target_met"`
	MetOn        *string  `json:"met_on"`
	Late         bool     `json:"late"`
	Overdue      bool     `json:"overdue"`
	LastReceived *string  `json:"last_received"`
	Succeeds     []string `json:"succeeds,omitempty"` // the units it took over from (a merge)
}

func isoOrNil(d interface{ ISO() string }) *string {
	s := d.ISO()
	if s == "" {
		return nil
	}
	return &s
}

func (s Status) writeJSON(w io.Writer) error {
	out := struct {
		Campaign jsonCampaign `json:"campaign"`
		Groups   []jsonGroup  `json:"groups"`
		Agencies []jsonAgency `json:"agencies"`
		// the registrations the totals leave out (units no longer followed); none: absent
		Uncounted *jsonUncounted `json:"uncounted,omitempty"`
	}{
		Campaign: jsonCampaignOf(s.Campaign, s.Summary),
		Groups:   []jsonGroup{},
		Agencies: []jsonAgency{},
	}
	if s.uncountedNote() != "" {
		out.Uncounted = &jsonUncounted{s.Uncounted.Registrations, s.Uncounted.Units}
	}
	for _, g := range s.Groups() {
		out.Groups = append(out.Groups, jsonGroup{string(g.Group), g.Agencies, g.Met, g.Short, g.Missing, g.Registrations, g.TargetMet, g.Late})
	}
	for _, r := range s.Results() {
		out.Agencies = append(out.Agencies, jsonAgency{
			ID: r.Agency.ID, Name: oneLine(clean(r.Agency.Name)), Group: string(r.Agency.Group), Required: r.Quota.Required,
			Target: r.Quota.Target, Registered: r.Registered, Status: string(r.Status), TargetMet: r.TargetMet,
			MetOn: isoOrNil(r.MetOn), Late: r.Late, Overdue: r.Overdue, LastReceived: isoOrNil(r.LastOn), Succeeds: r.Agency.Predecessors,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func itoa(n int) string { return strconv.Itoa(n) }

// quotaNote is the legend under a table whose quota is split on paper
// and written “2/3” elsewhere.
func quotaNote(l lang.Lang) []doc.Block {
	return []doc.Block{doc.For(doc.Paper, note(quotaLegendSplit(l))), doc.For(doc.Plain, note(quotaLegend(l)))}
}
