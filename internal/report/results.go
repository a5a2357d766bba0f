package report

import (
	"io"
	"strings"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/vntext"
)

// Results is the year-end report: per agency and group, how many models
// were registered and how far they got; then the completed ones with what
// they achieved.
type Results struct {
	Registrations                         // in report order, received on or before AsOf
	Stages        map[int64]campaign.Step // the latest step of each registration that has one
	// Completions are the completion steps (day, result) of the models that
	// were completed, kept when they were proposed or recognised later.
	Completions map[int64]campaign.Step
	// Agencies are every agency judged, so that those with nothing
	// registered are listed too; nil lists only those with registrations.
	Agencies []compliance.Agency
}

// stage is where a registration stands.
func (r Results) stage(id int64) campaign.Step {
	if st, ok := r.Stages[id]; ok {
		return st
	}
	return campaign.Step{Stage: campaign.Registered}
}

// reachedCompletion: completed, then perhaps proposed or recognised.
func reachedCompletion(s campaign.Stage) bool {
	return s == campaign.Completed || s == campaign.Replicating || s == campaign.Recognised
}

// counts of one agency (or group, or all); the JSON of an agency embeds
// them, hence the tags.
type progressCounts struct {
	Registered int `json:"registered"`
	// NoProgress have no step of progress by then: with UnderWay,
	// Completed and Stopped they make up Registered, so a column of the
	// year-end report does not leave the reader asking where the rest are
	NoProgress int `json:"no_progress"`
	UnderWay   int `json:"in_progress"`
	Completed  int `json:"completed"`
	Proposed   int `json:"proposed"`
	Recognised int `json:"recognised"`
	Stopped    int `json:"stopped"`
}

func (p *progressCounts) add(s campaign.Stage) {
	p.Registered++
	switch s {
	case campaign.Registered:
		p.NoProgress++
	case campaign.InProgress:
		p.UnderWay++
	case campaign.Stopped:
		p.Stopped++
	case campaign.Replicating:
		p.Proposed++
	case campaign.Recognised:
		p.Recognised++
	}
	if reachedCompletion(s) {
		p.Completed++
	}
}

func (p *progressCounts) addCounts(c progressCounts) {
	p.Registered += c.Registered
	p.NoProgress += c.NoProgress
	p.UnderWay += c.UnderWay
	p.Completed += c.Completed
	p.Proposed += c.Proposed
	p.Recognised += c.Recognised
	p.Stopped += c.Stopped
}

func (p progressCounts) cells() []string {
	// the four after Registered add up to it; the last two are among the completed
	return []string{itoa(p.Registered), itoa(p.NoProgress), itoa(p.UnderWay), itoa(p.Stopped), itoa(p.Completed), itoa(p.Proposed), itoa(p.Recognised)}
}

func (r Results) title() string {
	return r.Lang.F("Kết quả thực hiện mô hình, sáng kiến, cách làm hay trong cải cách hành chính năm %d",
		"Results of the administrative-reform models and initiatives, %d", r.Campaign.Year)
}

func (r Results) lines() []string {
	var all progressCounts
	for _, x := range r.Rows {
		all.add(r.stage(x.ID).Stage)
	}
	l := r.Lang
	return []string{
		l.F("Tính đến ngày %s: %s mô hình, sáng kiến đã đăng ký, trong đó %s chưa báo cáo tiến độ; %s đang triển khai; %s dừng thực hiện; %s đã hoàn thành (trong đó %s đề xuất nhân rộng, %s được công nhận)",
			"As of %s: %s registered, of which %s with no progress reported; %s under way; %s stopped; %s completed (of which %s proposed for replication, %s recognised)",
			r.AsOf, l.Num(all.Registered), l.Num(all.NoProgress), l.Num(all.UnderWay), l.Num(all.Stopped), l.Num(all.Completed), l.Num(all.Proposed), l.Num(all.Recognised)),
	}
}

// agencyTable counts each agency's models by stage, with a band and a
// subtotal per group and a grand total.
func (r Results) agencyTable() Table {
	l := r.Lang
	t := Table{Caption: l.T("Tổng hợp theo cơ quan, đơn vị", "By agency"), Columns: []Column{
		{Title: l.T("STT", "No."), Align: Right, Type: NumberCell, Width: 7, Ordinal: true},
		{Title: l.T("Cơ quan, đơn vị", "Agency"), Max: 40, Width: 40},
		{Title: l.T("Đã đăng ký", "Registered"), Align: Right, Type: NumberCell, Width: 11},
		{Title: l.T("Chưa báo cáo tiến độ", "No progress reported"), Align: Right, Type: NumberCell, Width: 11},
		{Title: l.T("Đang triển khai", "Under way"), Align: Right, Type: NumberCell, Width: 11},
		{Title: l.T("Dừng thực hiện", "Stopped"), Align: Right, Type: NumberCell, Width: 11},
		{Title: l.T("Đã hoàn thành", "Completed"), Align: Right, Type: NumberCell, Width: 11},
		{Title: l.T("Trong đó: đề xuất nhân rộng", "Of which proposed for replication"), Align: Right, Type: NumberCell, Width: 11},
		{Title: l.T("Trong đó: được công nhận", "Of which recognised"), Align: Right, Type: NumberCell, Width: 11},
	}}
	groups, all := r.agencyGroups()
	for i, g := range groups {
		t.AddBand(bandTitle(r.Campaign, i+1, g.group, len(g.agencies), l), bandContinued(r.Campaign, i+1, g.group, l))
		for n, a := range g.agencies {
			t.Add(append([]string{itoa(n + 1), a.Name}, g.counts[a.ID].cells()...)...)
		}
		t.AddTotal(append([]string{"", l.F("Cộng nhóm %s", "Subtotal, group %s", Roman(i+1))}, g.sum.cells()...)...)
	}
	if len(t.Rows) > 0 {
		t.AddTotal(append([]string{"", l.T("Tổng cộng", "Total")}, all.cells()...)...)
	}
	return t
}

type resultGroup struct {
	group    campaign.Group
	agencies []compliance.Agency
	counts   map[int64]progressCounts
	sum      progressCounts // the group's subtotal
}

// agencyGroups are the agencies by group with their counts: every agency
// judged (in the status's order), then any other that registered (a
// commune, say), in the list's order; and the counts of them all.
func (r Results) agencyGroups() ([]resultGroup, progressCounts) {
	counts := map[int64]progressCounts{}
	var extra []compliance.Agency
	known := map[int64]bool{}
	for _, a := range r.Agencies {
		known[a.ID] = true
	}
	for _, x := range r.Rows {
		c, seen := counts[x.AgencyID]
		c.add(r.stage(x.ID).Stage)
		counts[x.AgencyID] = c
		if !seen && !known[x.AgencyID] {
			extra = append(extra, compliance.Agency{ID: x.AgencyID, Name: x.AgencyName, Group: x.AgencyGroup})
		}
	}
	var out []resultGroup
	var all progressCounts
	for _, g := range campaign.Groups {
		rg := resultGroup{group: g, counts: counts}
		for _, list := range [][]compliance.Agency{r.Agencies, extra} {
			for _, a := range list {
				if a.Group == g {
					a.Name = oneLine(clean(a.Name))
					rg.agencies = append(rg.agencies, a)
					rg.sum.addCounts(counts[a.ID])
				}
			}
		}
		if len(rg.agencies) > 0 {
			out = append(out, rg)
			all.addCounts(rg.sum)
		}
	}
	return out, all
}

// completedTable lists the models that reached completion, with the note
// given when they did (what was achieved).
func (r Results) completedTable() Table {
	l := r.Lang
	t := Table{Caption: l.T("Các mô hình, sáng kiến đã hoàn thành", "Completed models and initiatives"),
		Tab: l.F("Đã hoàn thành %d", "Completed %d", r.Campaign.Year), Columns: []Column{
			{Title: l.T("STT", "No."), Align: Right, Type: NumberCell, Width: 6, Ordinal: true},
			{Title: l.T("Tên mô hình, sáng kiến", "Title"), Max: 40, Width: 30},
			{Title: l.T("Cơ quan/đơn vị chủ trì", "Lead"), Max: 28, Width: 22},
			{Title: l.T("Lĩnh vực CCHC", "Reform area"), Max: 24, Width: 18},
			{Title: l.T("Tiến độ", "Progress"), Max: 22, Width: 15},
			{Title: l.T("Ngày hoàn thành", "Completed on"), Type: DateCell, Width: 12},
			{Title: l.T("Kết quả thực hiện", "Result"), Max: 44, Width: 30}, // 133 in all: the page at 12 pt (xlsxPageChars); a date on one line
		}}
	n := 0
	for _, x := range r.Rows {
		st := r.stage(x.ID)
		if !reachedCompletion(st.Stage) {
			continue
		}
		n++
		done := st // what it achieved is noted when it was completed, not when proposed or recognised
		if c, ok := r.Completions[x.ID]; ok {
			done = c
		}
		t.Add(itoa(n), x.Title, lead(x), x.Area.Short(l), st.Stage.Label(l), done.On.String(), oneLine(done.Note))
	}
	return t
}

// Sheet is the report laid out for paper: a report the Department signs,
// dated the day it is as of.
func (r Results) Sheet() Sheet {
	c := r.Campaign
	return Sheet{
		Name:      r.Lang.F("Kết quả %d", "Results %d", c.Year),
		Head:      letterhead(c, r.Lang),
		Type:      r.Lang.T("BÁO CÁO", "REPORT"),
		Number:    r.Lang.T("Số:", "No.:") + "        /BC" + issuerCode(c),
		Title:     r.title(),
		Lines:     r.lines(),
		Tables:    []Table{r.agencyTable(), r.completedTable()},
		PlaceDate: PlaceDate(clean(c.Place), r.AsOf, r.Lang),
		Signer:    signerOf(c, notAbove(c.Recipients(r.Lang))),
	}
}

// issuerCode is "-SNV", the issuer's abbreviation as the request
// letter's number gives it ("/SNV-CCHC&VTLT"), for the report's number
// "/BC-SNV"; "" when the letter's number has none.
func issuerCode(c campaign.Campaign) string {
	code := strings.TrimPrefix(numberCode(clean(c.LetterNumber)), "/")
	code, _, _ = strings.Cut(code, "-")
	if code = strings.TrimSpace(code); code == "" {
		return ""
	}
	return "-" + code
}

// notAbove is the letter's Nơi nhận without "Như trên": a report has no
// addressees above.
func notAbove(copies []string) []string {
	var out []string
	for _, s := range copies {
		if f := vntext.Fold(s); f != "nhu tren" && f != "addressees above" {
			out = append(out, s)
		}
	}
	return out
}

// Write writes the report in format f.
func (r Results) Write(w io.Writer, f string) error {
	switch f {
	case "text", "", "md", "html", "docx", "pdf":
		return writeDoc(r.Sheet().Document(), w, f)
	case "csv":
		return r.writeCSV(w)
	case "json":
		return r.writeJSON(w)
	case "xlsx":
		return r.Sheet().WriteXLSX(w)
	}
	return unknownFormat(f, KindResults)
}

// writeCSV writes one row per registration with its agency and stage: the
// form a spreadsheet can count and filter.
func (r Results) writeCSV(w io.Writer) error {
	l := r.Lang
	t := Table{Columns: []Column{
		{Title: l.T("STT", "No.")}, {Title: l.T("Nhóm", "Group")}, {Title: l.T("Cơ quan, đơn vị", "Agency")},
		{Title: l.T("Tên mô hình, sáng kiến", "Title")}, {Title: l.T("Lĩnh vực CCHC", "Reform area")},
		{Title: l.T("Tiến độ", "Progress")}, {Title: l.T("Ngày", "On")}, {Title: l.T("Ghi chú tiến độ", "Progress note")},
		{Title: l.T("Dự kiến kết quả", "Expected result")},
	}}
	for i, x := range r.Rows {
		st := r.stage(x.ID)
		t.Add(itoa(i+1), r.Campaign.GroupHeading(x.AgencyGroup, l), x.AgencyName, x.Title, x.Area.Label(l), st.Stage.Label(l), st.On.String(), st.Note, x.ExpectedResult)
	}
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	return t.WriteCSV(NewCSV(w))
}

type jsonResultAgency struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Group string `json:"group"`
	progressCounts
}

type jsonResultGroup struct {
	Group    string `json:"group"`
	Agencies int    `json:"agencies"`
	progressCounts
}

type jsonResultModel struct {
	ID     int64   `json:"id"`
	Title  string  `json:"title"`
	Agency string  `json:"agency"`
	Area   string  `json:"area"`
	Stage  string  `json:"stage"`
	On     *string `json:"on"`
	Note   string  `json:"note"`
	Result string  `json:"expected_result"`
}

// writeJSON writes what paper prints: every agency, those with nothing
// registered too, each group's subtotal and the total; then the models.
func (r Results) writeJSON(w io.Writer) error {
	c := r.Campaign
	out := struct {
		Campaign jsonCampaign       `json:"campaign"`
		Groups   []jsonResultGroup  `json:"groups"`
		Total    progressCounts     `json:"total"`
		Agencies []jsonResultAgency `json:"agencies"`
		Models   []jsonResultModel  `json:"models"`
	}{Groups: []jsonResultGroup{}, Agencies: []jsonResultAgency{}, Models: []jsonResultModel{}}
	out.Campaign = jsonCampaign{Year: c.Year, Title: oneLine(clean(c.Title)), Deadline: c.Deadline.ISO(),
		AsOf: r.AsOf.ISO(), DaysLeft: r.AsOf.DaysUntil(c.Deadline)}
	groups, all := r.agencyGroups()
	out.Total = all
	for _, g := range groups {
		out.Groups = append(out.Groups, jsonResultGroup{Group: string(g.group), Agencies: len(g.agencies), progressCounts: g.sum})
		for _, a := range g.agencies {
			out.Agencies = append(out.Agencies, jsonResultAgency{ID: a.ID, Name: a.Name, Group: string(a.Group), progressCounts: g.counts[a.ID]})
		}
	}
	for _, x := range r.Rows {
		st := r.stage(x.ID)
		out.Models = append(out.Models, jsonResultModel{ID: x.ID, Title: oneLine(clean(x.Title)), Agency: oneLine(clean(x.AgencyName)),
			Area: string(x.Area), Stage: string(st.Stage), On: isoOrNil(st.On), Note: oneLine(clean(st.Note)), Result: clean(x.ExpectedResult)})
	}
	return writeJSON(w, out)
}
