package importer

import (
	"context"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vntext"
)

// Columns of an agency list: the official list of administrative units
// (GSO: commune_code, commune_name, commune_type, district_code,
// district_name, … or its Vietnamese export "Mã", "Tên", "Cấp", "Mã QH",
// "Quận Huyện") or a plain list (name, group, parent).
const (
	acCode       campaign.Column = "code"
	acName       campaign.Column = "name"
	acLevel      campaign.Column = "level"
	acGroup      campaign.Column = "group"
	acShort      campaign.Column = "short_name"
	acParentCode campaign.Column = "parent_code"
	acParentName campaign.Column = "parent_name"
	acIgnored    campaign.Column = "ignored"
)

var agencyRules = []headerRule{
	{acIgnored, func(k string) bool {
		return hasAny(k, "province", "tinh", "ma tp", "district type", "loai huyen", "cap huyen", "ghi chu", "note", "stt", "tt", "no")
	}},
	{acParentCode, func(k string) bool {
		return hasAny(k, "district code", "ma qh", "ma quan huyen", "ma huyen", "parent code", "ma don vi cap tren", "ma cap tren")
	}},
	{acParentName, func(k string) bool {
		return hasAny(k, "district name", "district", "quan huyen", "ten huyen", "huyen", "don vi cap tren", "cap tren", "parent", "thuoc")
	}},
	{acShort, func(k string) bool { return hasAny(k, "ten viet tat", "viet tat", "short name", "short") }},
	{acCode, func(k string) bool {
		return hasAny(k, "commune code", "ma px", "ma phuong xa", "ma xa", "ma", "code", "ma don vi", "ma so")
	}},
	{acLevel, func(k string) bool { return hasAny(k, "commune type", "cap", "level", "type") || startsAny(k, "loai") }},
	{acGroup, func(k string) bool { return hasAny(k, "nhom", "group", "khoi") }},
	{acName, func(k string) bool {
		return hasAny(k, "commune name", "ten phuong xa", "ten xa", "ten", "name", "co quan don vi", "ten don vi", "don vi", "agency")
	}},
}

// PlannedAgency is one row of an agency list as read.
type PlannedAgency struct {
	Line    int
	Agency  campaign.Agency
	Parent  string             // the parent's name, for a commune
	Outcome book.AgencyOutcome // 0 until checked against the book
	Error   bool
}

// OutcomeLabel is the row's outcome as the dry-run table shows it.
func (r PlannedAgency) OutcomeLabel(l lang.Lang) string {
	switch {
	case r.Error:
		return l.T("Lỗi", "Error")
	case r.Outcome == book.AgencyAdded:
		return l.T("Thêm mới", "New")
	case r.Outcome == book.AgencyLinked:
		return l.T("Đưa vào đợt", "Add to campaign")
	case r.Outcome == book.AgencyUnchanged:
		return l.T("Đã có, bỏ qua", "Already there")
	}
	return l.T("Hợp lệ", "Valid")
}

// Under names the unit the row's agency stands under, for the dry run's
// "Thuộc" column: its district, or the province ("Tỉnh") for one directly
// under it, as departments and, since 1 July 2025, communes and wards are.
// A row in error says only what the file named.
func (r PlannedAgency) Under(l lang.Lang) string {
	if r.Parent != "" || r.Error {
		return r.Parent
	}
	return l.T("Tỉnh", "Province")
}

// AgencyPlan is an agency list read and checked.
type AgencyPlan struct {
	Campaign campaign.Campaign
	Rows     []PlannedAgency
	Problems []Problem
	items    []book.AgencyImport
	applied  bool
}

// Errors counts the problems that stop the import.
func (p *AgencyPlan) Errors() int { return errorCount(p.Problems) }

// ReadAgencies reads an agency list for campaign c and checks it against
// the campaign's list; the book's own checks come with Rehearse or Write.
func ReadAgencies(ctx context.Context, st Book, c campaign.Campaign, path string) (*AgencyPlan, error) {
	grids, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	return planAgencies(grids, c, agencies), nil
}

// PlanAgencies reads an agency list for campaign c and rehearses its import
// (nothing is changed): Rows say what Apply would do with each.
func PlanAgencies(ctx context.Context, st Book, c campaign.Campaign, path string) (*AgencyPlan, error) {
	p, err := ReadAgencies(ctx, st, c, path)
	if err != nil {
		return nil, err
	}
	p.Rehearse(ctx, st)
	return p, nil
}

// Rehearse checks a list read by ReadAgencies against the book without
// writing: Rows say what Apply would do, and what the book refuses is one
// of the Problems.
func (p *AgencyPlan) Rehearse(ctx context.Context, st book.Imports) { p.run(ctx, st, true) }

// Write checks and writes a list read by ReadAgencies in one pass and one
// transaction, all or nothing, without a rehearsal first (half the work:
// the command line has no preview to show). What the book refuses is one
// of the Problems, and then nothing is written.
func (p *AgencyPlan) Write(ctx context.Context, st book.Imports) { p.run(ctx, st, false) }

func (p *AgencyPlan) run(ctx context.Context, st book.Imports, rehearse bool) {
	if p.Errors() > 0 {
		return
	}
	if len(p.items) > 0 {
		out, err := st.ImportAgencies(ctx, p.Campaign.ID, p.items, rehearse)
		if err != nil {
			p.Problems = append(p.Problems, Problem{Msg: asLangError(err)})
			return
		}
		p.mark(out)
	}
	p.applied = !rehearse
}

// Apply writes the list in one transaction, all or nothing.
func (p *AgencyPlan) Apply(ctx context.Context, st book.Imports) error {
	if n := p.Errors(); n > 0 {
		return lang.Errorf("Tệp có %d lỗi; không ghi gì vào sổ dữ liệu", "The file has %d errors; nothing was written", n)
	}
	out, err := st.ImportAgencies(ctx, p.Campaign.ID, p.items, false)
	if err != nil {
		return err
	}
	p.mark(out)
	p.applied = true
	return nil
}

func (p *AgencyPlan) mark(out []book.ImportedAgency) {
	for i, o := range out {
		p.Rows[i].Outcome = o.Outcome
		p.Rows[i].Agency.ID = o.ID
	}
}

// Tally is the closing line: "Đã thêm 216 cơ quan, đơn vị vào đợt đăng ký
// 2023; bỏ qua 0 đã có; 0 lỗi".
func (p *AgencyPlan) Tally(l lang.Lang) string {
	added, kept := 0, 0
	for _, r := range p.Rows {
		switch r.Outcome {
		case book.AgencyAdded, book.AgencyLinked:
			added++
		case book.AgencyUnchanged:
			kept++
		}
	}
	verb := l.T("Đã thêm", "Added")
	if !p.applied {
		verb = l.T("Sẽ thêm", "Would add")
	}
	errs := p.Errors()
	line := l.F("%s %s vào đợt đăng ký %d; bỏ qua %s đã có; %s", "%s %s to the %d campaign; skipped %s already there; %s",
		verb, l.Count(added, "cơ quan, đơn vị", "agency", "agencies"), p.Campaign.Year, l.Num(kept), l.Count(errs, "lỗi", "error", "errors"))
	switch {
	case errs > 0:
		line += l.T(" — không ghi gì vào sổ dữ liệu", " — nothing was written")
	case !p.applied:
		line += l.T(" (chạy thử: chưa ghi gì)", " (dry run: nothing written)")
	}
	return line
}

func planAgencies(grids []*Grid, c campaign.Campaign, agencies []campaign.Agency) *AgencyPlan {
	p := &AgencyPlan{Campaign: c}
	var g *Grid
	var h header
	for _, x := range grids {
		if hh, ok := findHeader(x, agencyRules, acName, 1); ok {
			g, h = x, hh
			break
		}
	}
	if g == nil {
		p.Problems = append(p.Problems, Problem{Msg: lang.Errorf(
			"Không tìm thấy dòng tiêu đề trong %d dòng đầu (cần cột tên, ví dụ commune_name hoặc \"Tên cơ quan, đơn vị\", và cột cấp, nhóm hoặc đơn vị cấp trên): hãy thêm một dòng tiêu đề như vậy ở đầu danh sách rồi lưu lại",
			"No header row in the first %d rows (expected a name column such as commune_name or \"Tên cơ quan, đơn vị\", and a level, group or parent column): add such a header row above the list and save it again",
			headerWindow)})
		return p
	}
	res := NewResolver(agencies)
	// the campaign's agencies by code: a list of 10,000 communes looked up
	// in 15,000 agencies row by row was 150 million comparisons
	coded := map[string][]campaign.Agency{}
	for _, x := range agencies {
		if x.Code != "" {
			coded[x.Code] = append(coded[x.Code], x)
		}
	}
	cell := func(r int, col campaign.Column) string {
		if c, ok := h.at(col); ok {
			return vntext.Line(g.Cell(r, c))
		}
		return ""
	}
	title := func(col campaign.Column, vi, en string) string {
		if t, ok := h.titles[col]; ok {
			return t
		}
		return vi
	}
	problem := func(line int, col campaign.Column, label string, msg *lang.Error) {
		p.Problems = append(p.Problems, Problem{Line: line, Column: title(col, label, label), Msg: msg})
	}
	// districts added by this same list, by code and by name, for their communes
	newByCode, newByName := map[string]int{}, map[string]int{}
	if pr := g.headerSplit(h.row); pr != nil {
		p.Problems = append(p.Problems, *pr)
	}
	if pr := h.ignored(); pr != nil {
		p.Problems = append(p.Problems, *pr)
	}

	for r := h.row + 1; r < len(g.Rows); r++ {
		if blank(g.Rows[r]) {
			continue
		}
		line := r + 1
		row := PlannedAgency{Line: line}
		before := p.Errors()
		name := cell(r, acName)
		level := key(cell(r, acLevel))
		a := campaign.Agency{Name: name, ShortName: cell(r, acShort), Code: cell(r, acCode), Active: true}
		if msg := g.misaligned(h.row, r); msg != nil {
			p.Problems = append(p.Problems, Problem{Line: line, Msg: msg})
			row.Agency, row.Error = a, true
			p.Rows = append(p.Rows, row)
			continue // its cells say nothing sure
		}
		if name == "" {
			problem(line, acName, "Tên", lang.Errorf("không được để trống", "must not be empty"))
		}
		// A level word missing from the name is put in front: "Trần Phú", "Phường" → "Phường Trần Phú".
		if lv := cell(r, acLevel); lv != "" && name != "" && !startsAny(key(name), key(lv)) && levelGroup(level) != "" {
			a.Name = lv + " " + name
		}
		if gtext := cell(r, acGroup); gtext != "" {
			gr, ok := campaign.ParseGroup(gtext)
			if !ok {
				gr = levelGroup(key(gtext))
			}
			if gr == "" {
				problem(line, acGroup, "Nhóm", lang.Errorf("%q không phải nhóm nào (department, central, district, commune)",
					"%q is not a group (department, central, district, commune)", gtext))
			}
			a.Group = gr
		} else {
			a.Group = levelGroup(level)
		}
		parentCode, parentName := cell(r, acParentCode), cell(r, acParentName)
		if a.Group == "" && (parentCode != "" || parentName != "") {
			a.Group = campaign.Commune
		}
		if a.Group == "" && name != "" {
			problem(line, acLevel, "Cấp", lang.Errorf("không rõ là cấp nào: thêm cột cấp (Xã, Phường, Thị trấn, Huyện…) hoặc nhóm",
				"the level is unknown: add a level column (Xã, Phường, Thị trấn, Huyện…) or a group"))
		}
		item := book.AgencyImport{Line: line}
		var parent *campaign.Agency
		if a.Group == campaign.Commune {
			isDistrict := func(x campaign.Agency) bool { return x.Group == campaign.District }
			found := false
			if parentCode != "" {
				for _, x := range coded[parentCode] {
					if x.Group == campaign.District && x.Code == parentCode {
						parent, found = &x, true
						break
					}
				}
				if i, ok := newByCode[parentCode]; ok && !found {
					item.ParentIndex, found = i+1, true
				}
			}
			if !found && parentName != "" {
				if i, ok := newByName[key(parentName)]; ok {
					item.ParentIndex, found = i+1, true
				} else if x, err := res.Find(parentName, isDistrict); err == nil {
					parent, found = &x, true
				} else {
					problem(line, acParentName, "Đơn vị cấp trên", labelled("Đơn vị cấp trên", "Parent", err))
				}
			}
			// no district named: since 1 July 2025 (the list published
			// after it has no district columns) the commune or ward
			// stands directly under the province
			if !found && parentName == "" && parentCode != "" {
				problem(line, acParentCode, "Mã đơn vị cấp trên", lang.Errorf("không có huyện nào mang mã %s trong đợt đăng ký",
					"no district has the code %s in the campaign", parentCode))
			}
			if parent != nil {
				a.ParentID = parent.ID
				row.Parent = parent.Name
			} else if item.ParentIndex > 0 {
				row.Parent = p.Rows[item.ParentIndex-1].Agency.Name
				parent = &p.Rows[item.ParentIndex-1].Agency // for Validate: a district
			}
		}
		if a.Group == campaign.Commune && a.ParentID == 0 && item.ParentIndex == 0 {
			a.Code = newMapCode(p, line, title(acCode, "Mã", "Code"), a, coded[a.Code])
		}
		for _, x := range coded[a.Code] {
			if a.Code != "" && x.Code == a.Code && key(x.Name) != key(a.Name) {
				p.Problems = append(p.Problems, Problem{Line: line, Column: title(acCode, "Mã", "Code"), Warning: true, Msg: lang.Errorf(
					"mã %s đã là của %s trong sổ dữ liệu; giữ nguyên, không thêm %s", "code %s already belongs to %s in the book; kept, %s not added",
					a.Code, x.Name, a.Name)})
			}
		}
		if p.Errors() == before && name != "" {
			for _, pr := range a.Validate(parent) {
				p.Problems = append(p.Problems, Problem{Line: line, Msg: pr.Msg})
			}
		}
		if a.Group == campaign.District {
			if a.Code != "" {
				newByCode[a.Code] = len(p.Rows)
			}
			newByName[key(a.Name)] = len(p.Rows)
		}
		row.Agency = a
		row.Error = p.Errors() > before
		item.Agency = a
		p.Rows = append(p.Rows, row)
		p.items = append(p.items, item)
	}
	if len(p.Rows) == 0 && p.Errors() == 0 {
		p.Problems = append(p.Problems, Problem{Msg: lang.Errorf("Danh sách không có dòng nào dưới dòng tiêu đề (dòng %d): hãy ghi mỗi đơn vị một dòng dưới dòng tiêu đề rồi lưu lại",
			"The list has no rows under its header (row %d): write one agency a row under the header and save it again", h.row+1)})
	}
	if p.Errors() > 0 {
		p.items = nil
	}
	return p
}

// newMapCode is the code a commune of the list published after 1 July
// 2025 is added with: its own, unless a unit of the old map that the
// merge replaced still holds it (new units often took the code of one of
// the communes merged into them); then it is added without, and said so,
// rather than the old unit being taken for it. agencies are those of the
// campaign with a's code.
func newMapCode(p *AgencyPlan, line int, column string, a campaign.Agency, agencies []campaign.Agency) string {
	for _, x := range agencies {
		if a.Code != "" && x.Code == a.Code && key(x.Name) != key(a.Name) && x.ParentID != 0 {
			p.Problems = append(p.Problems, Problem{Line: line, Column: column, Warning: true, Msg: lang.Errorf(
				"mã %s vẫn là của %s (trước 01/7/2025); thêm %s trực thuộc tỉnh, không kèm mã", "code %s still belongs to %s (before 1 July 2025); %s added directly under the province, without it",
				a.Code, x.Name, a.Name)})
			return ""
		}
	}
	return a.Code
}

// levelGroup is the group of an administrative level word.
func levelGroup(k string) campaign.Group {
	switch {
	case startsAny(k, "xa", "phuong", "thi tran", "dac khu", "commune", "ward", "township", "special zone"):
		return campaign.Commune
	case startsAny(k, "huyen", "thi xa", "thanh pho", "quan", "district", "town", "city"):
		return campaign.District
	}
	return ""
}
