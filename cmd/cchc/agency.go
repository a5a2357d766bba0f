package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/importer"
	"cchc/internal/lang"
	"cchc/internal/report"
	"cchc/internal/vntext"
)

func init() {
	register(command{
		name: "agency",
		summary: func(l lang.Lang) string {
			return l.T("hợp nhất, đổi tên, ngừng hoặc tiếp tục theo dõi cơ quan, đơn vị; liệt kê",
				"merge, rename, stop or resume following agencies; list them")
		},
		run: runAgency,
	})
}

func runAgency(e *env, args []string) error {
	l := e.lang
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		agencyHelp(e)
		if len(args) == 0 {
			return usageError{l.T("Thiếu lệnh con: merge, rename, stop, follow hoặc list", "Missing sub-command: merge, rename, stop, follow or list")}
		}
		return nil
	}
	switch args[0] {
	case "merge":
		return runAgencyMerge(e, args[1:])
	case "rename":
		return runAgencyRename(e, args[1:])
	case "stop":
		return runAgencyFollow(e, args[1:], false)
	case "follow":
		return runAgencyFollow(e, args[1:], true)
	case "list":
		return runAgencyList(e, args[1:])
	}
	return usageError{l.F("Không có lệnh con %q; dùng merge, rename, stop, follow hoặc list",
		"No sub-command %q; use merge, rename, stop, follow or list", args[0])}
}

// parseNames parses flags that may come before, between or after the
// names: "cchc agency merge A B --into C" and "--into C A B" alike.
func parseNames(fs *flag.FlagSet, e *env, args []string, help func()) ([]string, error) {
	var names []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			return nil, parse(fs, e, rest, help) // the same error in the clerk's language
		}
		if fs.NArg() == 0 {
			return names, nil
		}
		names = append(names, fs.Arg(0))
		rest = fs.Args()[1:]
	}
}

// unitsOf opens the book on a campaign (the latest by default) and its units.
func unitsOf(e *env, year string) (book.Book, campaign.Campaign, []campaign.Agency, error) {
	st, c, err := openYear(e, year, false)
	if err != nil {
		return nil, campaign.Campaign{}, nil, err
	}
	list, err := st.CampaignAgencies(e.ctx, c.ID)
	if err != nil {
		st.Close()
		return nil, campaign.Campaign{}, nil, err
	}
	return st, c, list, nil
}

// findUnits resolves names the way import does (no accents or case,
// "UBND xã …", "Sở TT&TT"); an unknown or ambiguous name, or one named
// twice, is refused with the closest names.
func findUnits(res *importer.Resolver, names []string, within func(campaign.Agency) bool) ([]campaign.Agency, error) {
	return eachUnit(names, func(n string) (campaign.Agency, error) { return res.Find(n, within) })
}

// eachUnit finds the unit of each name with find; a unit named twice is refused.
func eachUnit(names []string, find func(name string) (campaign.Agency, error)) ([]campaign.Agency, error) {
	var out []campaign.Agency
	seen := map[int64]string{}
	for _, n := range names {
		a, err := find(n)
		if err != nil {
			return nil, err
		}
		if first, ok := seen[a.ID]; ok {
			return nil, lang.Errorf("%q và %q cùng là %s: mỗi đơn vị chỉ nêu một lần", "%q and %q are both %s: name each unit once", first, n, a.Name)
		}
		seen[a.ID] = n
		out = append(out, a)
	}
	return out, nil
}

func runAgencyMerge(e *env, args []string) error {
	fs := newFlags("agency merge", e)
	into := fs.String("into", "", "")
	code := fs.String("code", "", "")
	year := fs.String("campaign", "", "")
	names, err := parseNames(fs, e, args, func() { agencyHelp(e) })
	if err != nil {
		return err
	}
	l := e.lang
	if len(names) == 0 || strings.TrimSpace(*into) == "" {
		return usageError{l.T(`Cần các đơn vị cũ và --into, ví dụ: cchc agency merge "Sở TN&MT" "Sở NN&PTNT" --into "Sở Nông nghiệp và Môi trường"`,
			`Name the old units and --into, e.g. cchc agency merge "Sở TN&MT" "Sở NN&PTNT" --into "Sở Nông nghiệp và Môi trường"`)}
	}
	st, c, list, err := unitsOf(e, *year)
	if err != nil {
		return err
	}
	defer st.Close()
	res := importer.NewResolver(list)
	olds, err := findUnits(res, names, nil)
	if err != nil {
		return err
	}
	// NEW is a unit of the campaign when one is named so, else a new one
	target := campaign.Agency{Name: vntext.Line(*into), Code: vntext.Line(*code)}
	if a, err := res.Find(*into, nil); err == nil {
		target = a
	}
	if err := campaign.CheckMerge(olds, target); err != nil {
		return err
	}
	if _, err := st.MergeAgencies(e.ctx, c.ID, olds, target); err != nil {
		return err
	}
	var oldNames []string
	for _, o := range olds {
		oldNames = append(oldNames, o.Name)
	}
	fmt.Fprintln(e.stdout, l.F("Đã hợp nhất %s vào %s trong đợt đăng ký %d.", "Merged %s into %s in the %d campaign.",
		strings.Join(oldNames, ", "), target.Name, c.Year))
	return nil
}

func runAgencyRename(e *env, args []string) error {
	fs := newFlags("agency rename", e)
	to := fs.String("to", "", "")
	short := fs.String("short", "", "")
	year := fs.String("campaign", "", "")
	names, err := parseNames(fs, e, args, func() { agencyHelp(e) })
	if err != nil {
		return err
	}
	l := e.lang
	if len(names) != 1 || strings.TrimSpace(*to) == "" {
		return usageError{l.T(`Cần một đơn vị và --to, ví dụ: cchc agency rename "Sở TT&TT" --to "Sở Khoa học và Công nghệ"`,
			`Name one unit and --to, e.g. cchc agency rename "Sở TT&TT" --to "Sở Khoa học và Công nghệ"`)}
	}
	st, c, list, err := unitsOf(e, *year)
	if err != nil {
		return err
	}
	defer st.Close()
	found, err := findUnits(importer.NewResolver(list), names, nil)
	if err != nil {
		return err
	}
	a := found[0]
	old := a.Name
	a.Name, a.ShortName = vntext.Line(*to), vntext.Line(*short)
	if err := st.RenameAgency(e.ctx, c.ID, a); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, l.F("Đã đổi tên %s thành %s trong đợt đăng ký %d.", "Renamed %s to %s in the %d campaign.", old, a.Name, c.Year))
	return nil
}

// runAgencyFollow is stop (follow false) and follow.
func runAgencyFollow(e *env, args []string, follow bool) error {
	sub := map[bool]string{false: "stop", true: "follow"}[follow]
	fs := newFlags("agency "+sub, e)
	group := fs.String("group", "", "")
	year := fs.String("campaign", "", "")
	names, err := parseNames(fs, e, args, func() { agencyHelp(e) })
	if err != nil {
		return err
	}
	l := e.lang
	if (len(names) == 0) == (*group == "") {
		return usageError{l.F(`Cần tên đơn vị hoặc --group (không cả hai), ví dụ: cchc agency %s --group district`,
			`Name the units or --group (not both), e.g. cchc agency %s --group district`, sub)}
	}
	var g campaign.Group
	if *group != "" {
		var ok bool
		if g, ok = campaign.ParseGroup(*group); !ok {
			return usageError{l.F("--group %q: chọn một trong department, central, district, commune", "--group %q: choose one of department, central, district, commune", *group)}
		}
	}
	st, c, list, err := unitsOf(e, *year)
	if err != nil {
		return err
	}
	defer st.Close()
	// stop looks among the units followed, follow among those that are not
	within := func(a campaign.Agency) bool { return a.Active != follow }
	var units []campaign.Agency
	if g != "" {
		for _, a := range list {
			if a.Group == g && within(a) {
				units = append(units, a)
			}
		}
	} else if follow {
		if units, err = unitsToFollow(e.ctx, st, c, list, names); err != nil {
			return err
		}
	} else if units, err = findUnits(importer.NewResolver(list), names, within); err != nil {
		if _, other := findUnits(importer.NewResolver(list), names, nil); other == nil {
			return lang.Errorf("Đơn vị đã nêu đã ngừng theo dõi trong đợt đăng ký %d", "The unit named is no longer followed in the %d campaign", c.Year)
		}
		return err
	}
	ids := make([]int64, len(units))
	for i, a := range units {
		ids[i] = a.ID
	}
	n, err := st.FollowAgencies(e.ctx, c.ID, ids, follow)
	if err != nil {
		return err
	}
	if follow {
		fmt.Fprintln(e.stdout, l.F("Đã theo dõi lại %s trong đợt đăng ký %d.", "Following %s in the %d campaign.",
			l.Count(n, "cơ quan, đơn vị", "more agency", "more agencies"), c.Year))
		if len(names) == 0 {
			return nil // a whole group: the clerk sees it in the list
		}
		return orphans(e, st, c, list, units)
	} else {
		fmt.Fprintln(e.stdout, l.F("Đã ngừng theo dõi %s trong đợt đăng ký %d.", "Stopped following %s in the %d campaign.",
			l.Count(n, "cơ quan, đơn vị", "agency", "agencies"), c.Year))
	}
	return nil
}

// orphans tells of the units just followed whose parent (a commune's
// district) the campaign does not follow: their letters count for no
// district there, so such a unit is judged on its own, or, where its
// group has no quota, counted nowhere.
func orphans(e *env, st book.Book, c campaign.Campaign, list, units []campaign.Agency) error {
	l := e.lang
	followed := map[int64]bool{}
	for _, a := range list {
		followed[a.ID] = a.Active
	}
	for _, a := range units {
		followed[a.ID] = true
	}
	for _, a := range units {
		if a.ParentID == 0 || followed[a.ParentID] {
			continue
		}
		p, err := st.Agency(e.ctx, a.ParentID)
		if err != nil {
			return err
		}
		if c.QuotaFor(a.Group).Required > 0 {
			fmt.Fprintln(e.stdout, l.F("Lưu ý — %s thuộc %s, đơn vị không được theo dõi trong đợt đăng ký %d: %s được xét riêng theo chỉ tiêu của nhóm mình.",
				"Note — %s is under %s, which the %d campaign does not follow: %s is judged on its own, by its group's quota.", a.Name, p.Name, c.Year, a.Name))
			continue
		}
		fmt.Fprintln(e.stdout, l.F("Lưu ý — %s thuộc %s, đơn vị không được theo dõi trong đợt đăng ký %d: mô hình của %s không được tính cho đơn vị nào (theo dõi cả %s để tính cho đơn vị đó).",
			"Note — %s is under %s, which the %d campaign does not follow: the registrations of %s count for no unit (follow %s too for them to count there).", a.Name, p.Name, c.Year, a.Name, p.Name))
	}
	return nil
}

// unitsToFollow finds the units follow names: in the campaign's list (a
// unit stopped there), else anywhere in the book (a unit of another
// campaign or year, which the campaign then lists), each named once. A
// unit already followed, or a name unknown or ambiguous in the whole book,
// is refused.
func unitsToFollow(ctx context.Context, st book.Book, c campaign.Campaign, list []campaign.Agency, names []string) ([]campaign.Agency, error) {
	others, err := st.OtherAgencies(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	listed := map[int64]bool{}
	for _, x := range list {
		listed[x.ID] = true
	}
	// one index of the whole book, so that a commune of another campaign is
	// known by its district there too
	whole := importer.NewBookResolver(append(append([]campaign.Agency(nil), list...), others...))
	return eachUnit(names, func(n string) (campaign.Agency, error) {
		a, err := whole.Find(n, func(x campaign.Agency) bool { return listed[x.ID] })
		if errors.Is(err, importer.ErrNoSuchAgency) {
			a, err = whole.Find(n, nil)
		}
		if err == nil && a.Active {
			err = lang.Errorf("%s đang được theo dõi trong đợt đăng ký %d", "%s is already followed in the %d campaign", a.Name, c.Year)
		}
		return a, err
	})
}

// agencyJSON is one unit of `cchc agency list --format json`.
type agencyJSON struct {
	ID     int64   `json:"id"`
	Name   string  `json:"name"`
	Group  string  `json:"group"`
	Parent *string `json:"parent"` // null: directly under the province
	// ParentFollowed, beside a parent, says whether the campaign follows
	// it: a commune of the old map followed without its district
	ParentFollowed *bool    `json:"parent_followed,omitempty"`
	Code           *string  `json:"code"`
	Active         bool     `json:"active"`
	Required       int      `json:"required"`
	Target         int      `json:"target"`
	Succeeds       []string `json:"succeeds"`
}

func runAgencyList(e *env, args []string) error {
	fs := newFlags("agency list", e)
	year := fs.String("campaign", "", "")
	group := fs.String("group", "", "")
	format := fs.String("format", "text", "")
	if err := parse(fs, e, args, func() { agencyHelp(e) }); err != nil {
		return err
	}
	l := e.lang
	var g campaign.Group
	if *group != "" {
		var ok bool
		if g, ok = campaign.ParseGroup(*group); !ok {
			return usageError{l.F("--group %q: chọn một trong department, central, district, commune", "--group %q: choose one of department, central, district, commune", *group)}
		}
	}
	switch *format {
	case "text", "csv", "json":
	default:
		return usageError{l.F("--format %q: chọn text, csv hoặc json", "--format %q: choose text, csv or json", *format)}
	}
	st, c, err := openYear(e, *year, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := e.ctx
	list, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		return err
	}
	succ, err := st.Successions(ctx, c.ID)
	if err != nil {
		return err
	}
	byID := map[int64]campaign.Agency{}
	for _, a := range list {
		byID[a.ID] = a
	}
	var rows []agencyJSON
	for _, a := range list {
		if g != "" && a.Group != g {
			continue
		}
		q := c.QuotaFor(a.Group)
		r := agencyJSON{ID: a.ID, Name: a.Name, Group: string(a.Group), Active: a.Active, Required: q.Required, Target: q.Target,
			Succeeds: append([]string{}, succ.Predecessors[a.ID]...)}
		if a.ParentID != 0 {
			p, ok := byID[a.ParentID]
			if !ok { // not in this campaign's list: named as the book knows it
				if p, err = st.Agency(ctx, a.ParentID); err != nil {
					return err
				}
				p.Active, byID[p.ID] = false, p
			}
			r.Parent, r.ParentFollowed = &p.Name, &p.Active
		}
		if a.Code != "" {
			code := a.Code
			r.Code = &code
		}
		rows = append(rows, r)
	}
	if rows == nil {
		rows = []agencyJSON{}
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	case "csv":
		if _, err := io.WriteString(e.stdout, report.BOM); err != nil {
			return err
		}
		cw := report.NewCSV(e.stdout)
		if err := agencyTable(rows, l).WriteCSV(cw); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	}
	fmt.Fprintln(e.stdout, l.F("Cơ quan, đơn vị của đợt đăng ký %d", "Agencies of the %d campaign", c.Year))
	return agencyTable(rows, l).WriteText(e.stdout, l)
}

func agencyTable(rows []agencyJSON, l lang.Lang) report.Table {
	t := report.Table{Columns: []report.Column{
		{Title: l.T("STT", "No."), Align: report.Right},
		{Title: l.T("Cơ quan, đơn vị", "Agency"), Max: 44},
		{Title: l.T("Nhóm", "Group")},
		{Title: l.T("Thuộc", "Under"), Max: 36},
		{Title: l.T("Mã", "Code")},
		{Title: l.T("Theo dõi", "Followed")},
		{Title: l.T("Chỉ tiêu", "Quota"), Align: report.Right},
		{Title: l.T("Kế thừa", "Succeeds"), Max: 40},
	}}
	for i, r := range rows {
		parent, code := l.T("Tỉnh", "Province"), ""
		if r.Parent != nil {
			parent = *r.Parent
			if r.Active && r.ParentFollowed != nil && !*r.ParentFollowed {
				parent += l.T(" (không theo dõi)", " (not followed)")
			}
		}
		if r.Code != nil {
			code = *r.Code
		}
		active := l.T("có", "yes")
		if !r.Active {
			active = l.T("ngừng", "stopped")
		}
		t.Add(fmt.Sprint(i+1), r.Name, campaign.UnitShort(campaign.Agency{Name: r.Name, Group: campaign.Group(r.Group)}, l), parent, code, active,
			report.QuotaText(campaign.Quota{Required: r.Required, Target: r.Target}), strings.Join(r.Succeeds, ", "))
	}
	return t
}

func agencyHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.T(`Cách dùng:
  cchc agency merge CŨ... --into MỚI [--code MÃ] [--campaign NĂM]
  cchc agency rename CŨ --to MỚI [--short TÊN-VIẾT-TẮT] [--campaign NĂM]
  cchc agency stop TÊN... | --group NHÓM [--campaign NĂM]
  cchc agency follow TÊN... | --group NHÓM [--campaign NĂM]
  cchc agency list [--campaign NĂM] [--group NHÓM] [--format text|csv|json]

Đơn vị thay đổi trong một đợt đăng ký (mặc định: đợt mới nhất); các đợt khác giữ nguyên.
Mỗi việc là một giao dịch, ghi vào lịch sử và hoàn tác được bằng cchc undo.
merge   các đơn vị CŨ ngừng được theo dõi, MỚI được theo dõi và kế thừa chúng (thư của
        chúng trong đợt vẫn tính cho MỚI). MỚI được tạo trong nhóm của đơn vị CŨ đầu tiên
        nếu chưa có (--code: mã đơn vị của nó); một xã mới trực thuộc tỉnh khi các huyện
        không còn được theo dõi.
rename  đổi tên trong đợt này; các đợt khác giữ tên cũ. --short: tên viết tắt mới.
stop    ngừng theo dõi, ví dụ "không còn cấp huyện": cchc agency stop --group district.
follow  theo dõi lại những đơn vị đã ngừng; một đơn vị không có trong danh sách của đợt
        (của đợt, năm khác, chưa được chép sang) được tìm trong cả sổ dữ liệu và thêm vào
        đợt này. Hai xã cùng tên ở hai huyện: ghi kèm huyện trong ngoặc, như thông báo
        liệt kê, ví dụ "Xã Vĩnh Tân (Huyện Hương Sơn)". --group: chỉ trong danh sách của đợt.
list    mọi đơn vị của đợt: nhóm, đơn vị cấp trên (Tỉnh: trực thuộc tỉnh; "không theo dõi":
        đợt không theo dõi đơn vị cấp trên ấy), mã, theo dõi
        hay đã ngừng, chỉ tiêu, các đơn vị được kế thừa. JSON: mảng các
        {"id","name","group","parent","code","active","required","target","succeeds"},
        và "parent_followed" bên một đơn vị cấp trên.
Tên được tìm như khi nhập tệp: không cần dấu, hoa thường, "UBND xã Đức Thọ", "Sở TT&TT",
"Sở Nông nghiệp và PTNT". Tên không có hoặc có thể là nhiều đơn vị bị từ chối, kèm các tên
gần nhất, và không có gì thay đổi.
`, `Usage:
  cchc agency merge OLD... --into NEW [--code CODE] [--campaign YEAR]
  cchc agency rename OLD --to NEW [--short SHORT-NAME] [--campaign YEAR]
  cchc agency stop NAME... | --group GROUP [--campaign YEAR]
  cchc agency follow NAME... | --group GROUP [--campaign YEAR]
  cchc agency list [--campaign YEAR] [--group GROUP] [--format text|csv|json]

Units that change within one campaign (default: the latest); the other campaigns stay as
they were. Each action is one transaction, recorded in the history, undone with cchc undo.
merge   the OLD units are no longer followed, NEW is followed and succeeds them (their
        letters of the campaign still count for NEW). NEW is created in the first OLD unit's
        group when it does not exist (--code: its official code); a new commune stands
        directly under the province once districts are no longer followed.
rename  renames in this campaign; the other campaigns keep the old name. --short: new short name.
stop    stops following units, e.g. "no more districts": cchc agency stop --group district.
follow  follows again units that were stopped; a unit the campaign does not list (one of
        another campaign or year, not copied into it) is found in the whole book and added
        to this campaign. Two communes of the same name in two districts: add the district
        in brackets, as the message lists them, e.g. "Xã Vĩnh Tân (Huyện Hương Sơn)".
        --group: only within the campaign's list.
list    every unit of the campaign: group, parent (Province: directly under it; "not
        followed": the campaign does not follow that parent), code,
        followed or stopped, quota, the units it succeeds. JSON: an array of
        {"id","name","group","parent","code","active","required","target","succeeds"},
        and "parent_followed" beside a parent.
Names are matched as import matches them: without accents or case, "UBND xã Đức Thọ",
"Sở TT&TT", "Sở Nông nghiệp và PTNT". An unknown or ambiguous name is refused with the
closest names, and nothing changes.
`)+"\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}
