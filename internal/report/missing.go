package report

import (
	"encoding/json"
	"io"
	"strings"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/doc"
	"cchc/internal/lang"
)

// Missing lists the agencies not yet meeting their quota, by group, with
// what each still owes: the list the clerk phones or writes to.
type Missing struct {
	Campaign campaign.Campaign
	Summary  compliance.Summary
	Lang     lang.Lang
}

// Owing is one agency still short of its quota.
type Owing struct {
	compliance.Result
	Owed        int // registrations still needed to reach the minimum
	DaysOverdue int // days past the deadline as of the day judged; 0 when not past
}

// OwingGroup is the agencies of one group still short.
type OwingGroup struct {
	Group    campaign.Group
	Agencies []Owing
}

// Owing groups the agencies not meeting their quota, in report order.
func owing(s compliance.Summary) []OwingGroup {
	var out []OwingGroup
	overdue := max(-s.DaysLeft(), 0)
	for _, g := range campaign.Groups {
		var list []Owing
		for _, r := range s.Filter(g, "unmet") {
			r.Agency.Name = oneLine(clean(r.Agency.Name))
			list = append(list, Owing{Result: r, Owed: r.Quota.Required - r.Registered, DaysOverdue: overdue})
		}
		if len(list) > 0 {
			out = append(out, OwingGroup{Group: g, Agencies: list})
		}
	}
	return out
}

// Groups are the agencies still short, by group.
func (m Missing) Groups() []OwingGroup { return owing(m.Summary) }

func (m Missing) count() int {
	n := 0
	for _, g := range m.Groups() {
		n += len(g.Agencies)
	}
	return n
}

func (m Missing) title() string {
	return m.Lang.F("Danh sách cơ quan, đơn vị chưa đăng ký đủ mô hình, sáng kiến năm %d",
		"Agencies short of their registrations, %d", m.Campaign.Year)
}

// lines are what the list is judged against: the deadline, the day, the count.
func (m Missing) lines() []string {
	l, c, s := m.Lang, m.Campaign, m.Summary
	return []string{
		l.F("Hạn đăng ký: %s · Tính đến ngày %s: %s", "Deadline: %s · As of %s: %s", c.Deadline, s.AsOf, compliance.DaysTextOn(s.DaysLeft(), l)),
		l.F("Số cơ quan, đơn vị chưa đạt chỉ tiêu: %s", "Agencies not meeting their quota: %s", l.Num(m.count())),
	}
}

// table has a band per group ("I. SỞ, BAN, NGÀNH CẤP TỈNH (2)") and the
// agencies numbered within it.
func (m Missing) table() Table {
	l := m.Lang
	t := Table{Columns: []Column{
		{Title: l.T("STT", "No."), Align: Right, Type: NumberCell, Width: 7, Ordinal: true},
		{Title: l.T("Cơ quan, đơn vị", "Agency"), Max: 44, Width: 42},
		{Title: l.T("Đã ĐK", "Reg."), Align: Right, Type: NumberCell, Width: 8},
		{Title: l.T("Chỉ tiêu", "Quota"), Align: Right, Width: 9},
		{Title: l.T("Còn thiếu", "Owed"), Align: Right, Type: NumberCell, Width: 9},
		{Title: l.T("Tình trạng", "Status"), Width: 15},
		{Title: l.T("Nhận gần nhất", "Last received"), Type: DateCell, Width: 13},
		{Title: l.T("Số ngày quá hạn", "Days overdue"), Align: Right, Type: NumberCell, Width: 10},
	}}
	for gi, g := range m.Groups() {
		head := Roman(gi+1) + ". " + strings.ToUpper(g.Group.Heading(l))
		t.AddBand(head+" ("+l.Num(len(g.Agencies))+")", head+l.T(" (tiếp theo)", " (continued)"))
		for i, o := range g.Agencies {
			days := ""
			if o.DaysOverdue > 0 {
				days = itoa(o.DaysOverdue)
			}
			t.Add(itoa(i+1), shownName(o.Agency, l), itoa(o.Registered), QuotaText(o.Quota), itoa(o.Owed),
				o.Status.Label(l), o.LastOn.String(), days)
		}
	}
	return t
}

// Sheet is the list laid out for paper.
func (m Missing) Sheet() Sheet {
	return Sheet{
		Name:   m.Lang.F("Chưa đạt %d", "Short %d", m.Campaign.Year),
		Head:   letterhead(m.Campaign, m.Lang),
		Title:  m.title(),
		Lines:  m.lines(),
		Tables: []Table{splitQuota(m.table(), 3, m.Lang)},
		Notes:  []string{quotaLegendSplit(m.Lang)},
	}
}

// Write writes the list in format f.
func (m Missing) Write(w io.Writer, f string) error {
	switch f {
	case "text", "", "md", "html", "docx", "pdf":
		return writeDoc(m.Document(), w, f)
	case "csv":
		return m.writeCSV(w)
	case "json":
		return m.writeJSON(w)
	case "xlsx":
		return m.Sheet().WriteXLSX(w)
	}
	return unknownFormat(f, KindMissing)
}

// Document is the list as a document: on paper the quota in two columns
// of numbers, on a screen "2/3"; when nobody is short a screen says so.
func (m Missing) Document() *doc.Document {
	s := m.Sheet()
	d := s.head()
	if m.count() == 0 {
		return d.Append(doc.For(doc.Paper, append(s.Tables[0].blocks(m.Lang), note(quotaLegendSplit(m.Lang)))...),
			doc.For(doc.Plain, said(nobody(m.Lang))))
	}
	d = d.Append(doc.For(doc.Paper, s.Tables[0].docTable(m.Lang)), doc.For(doc.Plain, m.table().docTable(m.Lang)))
	return d.Append(quotaNote(m.Lang)...)
}

// nobody is said instead of an empty table.
func nobody(l lang.Lang) string {
	return l.T("Tất cả cơ quan, đơn vị đã đăng ký đủ chỉ tiêu.", "Every agency has met its quota.")
}

// writeCSV writes one row per agency with its group, for a spreadsheet.
func (m Missing) writeCSV(w io.Writer) error {
	l := m.Lang
	t := Table{Columns: []Column{
		{Title: l.T("STT", "No.")}, {Title: l.T("Nhóm", "Group")}, {Title: l.T("Cơ quan, đơn vị", "Agency")},
		{Title: l.T("Đã đăng ký", "Registered")}, {Title: l.T("Chỉ tiêu tối thiểu", "Minimum")},
		{Title: l.T("Chỉ tiêu phấn đấu", "Target")}, {Title: l.T("Còn thiếu", "Owed")},
		{Title: l.T("Tình trạng", "Status")}, {Title: l.T("Nhận gần nhất", "Last received")},
		{Title: l.T("Số ngày quá hạn", "Days overdue")},
	}}
	n := 0
	for _, g := range m.Groups() {
		for _, o := range g.Agencies {
			n++
			t.Add(itoa(n), g.Group.Heading(l), shownName(o.Agency, l), itoa(o.Registered), itoa(o.Quota.Required),
				itoa(o.Quota.Target), itoa(o.Owed), o.Status.Label(l), o.LastOn.String(), itoa(o.DaysOverdue))
		}
	}
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	return t.WriteCSV(NewCSV(w))
}

type jsonOwing struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Group        string   `json:"group"`
	Registered   int      `json:"registered"`
	Required     int      `json:"required"`
	Target       int      `json:"target"`
	Owed         int      `json:"owed"`
	Status       string   `json:"status"`
	LastReceived *string  `json:"last_received"`
	DaysOverdue  int      `json:"days_overdue"`
	Succeeds     []string `json:"succeeds,omitempty"` // the units it took over from (a merge)
}

func jsonOwingList(groups []OwingGroup) []jsonOwing {
	out := []jsonOwing{}
	for _, g := range groups {
		for _, o := range g.Agencies {
			out = append(out, jsonOwing{ID: o.Agency.ID, Name: o.Agency.Name, Group: string(g.Group), Registered: o.Registered,
				Required: o.Quota.Required, Target: o.Quota.Target, Owed: o.Owed, Status: string(o.Status),
				LastReceived: isoOrNil(o.LastOn), DaysOverdue: o.DaysOverdue, Succeeds: o.Agency.Predecessors})
		}
	}
	return out
}

func jsonCampaignOf(c campaign.Campaign, s compliance.Summary) jsonCampaign {
	return jsonCampaign{Year: c.Year, Title: oneLine(clean(c.Title)), Deadline: c.Deadline.ISO(), AsOf: s.AsOf.ISO(), DaysLeft: s.DaysLeft()}
}

func (m Missing) writeJSON(w io.Writer) error {
	out := struct {
		Campaign jsonCampaign `json:"campaign"`
		Agencies []jsonOwing  `json:"agencies"`
	}{jsonCampaignOf(m.Campaign, m.Summary), jsonOwingList(m.Groups())}
	return writeJSON(w, out)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
