package book

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// What a change did, in words for the clerk. Every value read back from
// the history goes through vntext.Line: nothing stored reaches a terminal
// with its control characters.

type fieldLabel struct{ vi, en string }

var fieldLabels = map[string]fieldLabel{
	"title": {"tên", "title"}, "kind": {"loại", "kind"}, "area": {"lĩnh vực", "area"},
	"lead_agency_id": {"chủ trì", "lead unit"}, "partners": {"phối hợp", "partners"},
	"summary": {"tóm tắt", "summary"}, "timeline": {"thời gian", "timeline"},
	"expected_result": {"kết quả", "result"}, "note": {"ghi chú", "note"},
	"number": {"số văn bản", "letter No."}, "letter_date": {"ngày văn bản", "dated"},
	"received_on": {"ngày nhận", "received"}, "agency_id": {"cơ quan", "agency"},
	"name": {"tên", "name"}, "short_name": {"tên viết tắt", "short name"},
	"agency_group": {"nhóm", "group"}, "parent_id": {"cấp trên", "parent"},
	"code": {"mã", "code"}, "active": {"hoạt động", "active"},
	"deadline": {"hạn nộp", "deadline"}, "required": {"bắt buộc", "required"}, "target": {"phấn đấu", "target"},
	"issuer": {"cơ quan ban hành", "issuer"}, "letter_number": {"số công văn", "letter No."},
	"signer_name": {"người ký", "signer"}, "signer_title": {"chức vụ người ký", "signer's title"},
	"signer_authority": {"thẩm quyền ký", "signing authority"}, "copies_to": {"nơi nhận", "copies to"},
	"place": {"địa danh", "place"}, "legal_basis": {"căn cứ", "legal basis"}, "issuer_parent": {"cơ quan chủ quản", "issuer's parent"},
}

// bookkeeping columns are not shown as changes.
var bookkeeping = map[string]bool{"id": true, "version": true, "created_at": true, "updated_at": true,
	"title_key": true, "name_key": true, "seq": true, "submission_id": true, "campaign_id": true}

// Summary is a one-line description: "Sửa mô hình «…» của Sở Y tế: tên:
// «cũ» → «mới»".
func (c Change) Summary(l lang.Lang) string { return c.summary(l, true) }

// Brief is Summary without the fields an edit changed: "Sửa mô hình «…»
// của Sở Y tế", for where the whole does not fit.
func (c Change) Brief(l lang.Lang) string { return c.summary(l, false) }

func (c Change) summary(l lang.Lang, diffs bool) string {
	count := map[string]int{}
	var first *ChangeItem
	for i := range c.Items {
		it := &c.Items[i]
		count[it.Table+"."+it.Action]++
		if first == nil && (it.Table == "registration" || it.Table == "agency") {
			first = it
		}
	}
	if first == nil && len(c.Items) > 0 {
		first = &c.Items[0]
	}
	what := ""
	if first != nil {
		what = c.itemName(first, l)
	}
	regs := count["registration.insert"] + count["registration.update"] + count["registration.delete"]
	if r, ok := c.BackupRestore(); ok {
		return r.Summary(l)
	}
	switch c.Op {
	case OpImport:
		return l.F("Nhập từ tệp: %s mô hình, %s văn bản, %s cơ quan mới", "Import from a file: %s registrations, %s letters, %s new agencies",
			l.Num(count["registration.insert"]), l.Num(count["submission.insert"]), l.Num(count["agency.insert"]))
	case OpMerge, OpRename, OpStop, OpFollow:
		return c.unitsSummary(l)
	case OpMap:
		year, stopped := any(""), 0
		for _, it := range c.Items {
			if it.Table == "campaign" && it.Action == "insert" {
				year = it.New["year"]
			}
			if it.Table == "campaign_agency" && it.Action == "update" && it.New["active"] == int64(0) {
				stopped++
			}
		}
		return l.F("Mở đợt đăng ký %v theo bản đồ hành chính hiện nay: ngừng theo dõi %d đơn vị (hợp nhất, cấp huyện), thêm %d đơn vị mới",
			"Opened the %v campaign on today's map: %d units no longer followed (merged, districts), %d new units",
			year, stopped, count["agency.insert"])
	case OpUndo:
		return l.F("Hoàn tác thay đổi #%d: %s", "Undid change #%d: %s", c.Undid, c.counts(count, l))
	case OpRestore:
		return l.F("Khôi phục từ thùng rác: %s", "Restored from the trash: %s", what)
	case OpRemoveFile:
		if first != nil && first.Table == "attachment" {
			row := first.Old
			name, _ := row["name"].(string)
			if agency := c.Names[first.AgencyID]; agency != "" {
				return l.F("Bỏ tệp «%s» của %s", "Removed file «%s» from %s", vntext.Line(name), agency)
			}
			return l.F("Bỏ tệp «%s»", "Removed file «%s»", vntext.Line(name))
		}
	case OpDelete:
		if regs > 1 {
			return l.F("Xóa %s mô hình, trong đó %s", "Deleted %s registrations, among them %s", l.Num(regs), what)
		}
		return l.F("Xóa %s", "Deleted %s", what)
	case OpCreate:
		if regs > 1 {
			return l.F("Thêm %s mô hình, trong đó %s", "Added %s registrations, among them %s", l.Num(regs), what)
		}
		return l.F("Thêm %s", "Added %s", what)
	}
	if d := c.Diffs(l); diffs && len(d) > 0 && len(c.Items) <= 3 {
		return l.F("Sửa %s: %s", "Edited %s: %s", what, strings.Join(d, "; "))
	}
	return l.F("Sửa %s", "Edited %s", what)
}

func (c Change) counts(count map[string]int, l lang.Lang) string {
	var parts []string
	for _, t := range []struct{ key, vi, en, en1 string }{
		{"registration.insert", "thêm lại %d mô hình", "%d registrations back", "1 registration back"},
		{"registration.delete", "bỏ %d mô hình", "%d registrations removed", "1 registration removed"},
		{"registration.update", "trả lại %d mô hình như cũ", "%d registrations as they were", "1 registration as it was"},
		{"agency.delete", "bỏ %d cơ quan", "%d agencies removed", "1 agency removed"},
		{"agency.update", "trả lại %d cơ quan như cũ", "%d agencies as they were", "1 agency as it was"},
		{"submission.update", "trả lại %d văn bản như cũ", "%d letters as they were", "1 letter as it was"},
		{"attachment.insert", "thêm lại %d tệp", "%d files back", "1 file back"},
		{"attachment.delete", "bỏ %d tệp", "%d files removed", "1 file removed"},
	} {
		switch n := count[t.key]; {
		case n == 1 && l == lang.EN:
			parts = append(parts, t.en1)
		case n > 0:
			parts = append(parts, strings.Replace(l.T(t.vi, t.en), "%d", l.Num(n), 1))
		}
	}
	if len(parts) == 0 {
		return l.F("%s thay đổi", "%s changes", l.Num(len(c.Items)))
	}
	return strings.Join(parts, ", ")
}

// itemName names the row an item is about: "mô hình «…» của Sở Y tế".
func (c Change) itemName(it *ChangeItem, l lang.Lang) string {
	row := it.New
	if row == nil {
		row = it.Old
	}
	str := func(k string) string { v, _ := row[k].(string); return vntext.Line(v) }
	agency := c.Names[it.AgencyID]
	switch it.Table {
	case "registration":
		if agency != "" {
			return l.F("mô hình «%s» của %s", "registration «%s» of %s", str("title"), agency)
		}
		return l.F("mô hình «%s»", "registration «%s»", str("title"))
	case "agency":
		return l.F("cơ quan «%s»", "agency «%s»", str("name"))
	case "submission":
		return l.F("văn bản số %s của %s", "letter %s of %s", dash(str("number")), agency)
	case "campaign":
		return l.F("đợt đăng ký %v", "campaign %v", row["year"])
	case "quota":
		return l.F("chỉ tiêu %s", "quota %s", campaign.Group(str("agency_group")).Short(l))
	case "progress":
		stage := campaign.Stage(str("stage")).Label(l)
		if id, ok := row["registration_id"].(int64); ok && c.Titles[id] != "" {
			return l.F("tiến độ «%s» của mô hình «%s»", "progress «%s» of «%s»", stage, c.Titles[id])
		}
		return l.F("tiến độ «%s»", "progress «%s»", stage)
	case "campaign_agency":
		return l.F("danh sách cơ quan của đợt (%s)", "campaign's agency list (%s)", agency)
	case "attachment":
		if agency != "" {
			return l.F("tệp «%s» của %s", "file «%s» of %s", str("name"), agency)
		}
		return l.F("tệp «%s»", "file «%s»", str("name"))
	}
	return it.Table
}

// Diffs lists the fields an edit changed: "tên: «cũ» → «mới»".
func (c Change) Diffs(l lang.Lang) []string {
	var out []string
	for _, it := range c.Items {
		if it.Action != "update" {
			continue
		}
		for _, col := range slices.Sorted(maps.Keys(it.New)) {
			if bookkeeping[col] || fmt.Sprint(it.Old[col]) == fmt.Sprint(it.New[col]) {
				continue
			}
			if it.Table == "campaign_agency" && it.Old[col] == nil {
				// another campaign keeping the name it showed (migration
				// 0004): nothing the clerk changed
				continue
			}
			label := col
			if fl, ok := fieldLabels[col]; ok {
				label = l.T(fl.vi, fl.en)
			}
			out = append(out, fmt.Sprintf("%s: %s → %s", label, c.value(col, it.Old[col], l), c.value(col, it.New[col], l)))
		}
	}
	return out
}

// value shows a recorded value: dates as dd/mm/yyyy, codes as words,
// agencies by name, long text cut.
func (c Change) value(col string, v any, l lang.Lang) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case int64:
		switch col {
		case "lead_agency_id", "parent_id", "agency_id":
			if n, ok := c.Names[x]; ok {
				return "«" + n + "»"
			}
		case "active":
			return l.T(map[bool]string{true: "có", false: "không"}[x == 1], map[bool]string{true: "yes", false: "no"}[x == 1])
		}
		return fmt.Sprint(x)
	case string:
		switch col {
		case "kind":
			return campaign.Kind(x).Label(l)
		case "area":
			return campaign.Area(x).Label(l)
		case "agency_group":
			return campaign.Group(x).Short(l)
		case "letter_date", "received_on", "deadline":
			if d, err := vndate.ParseISO(x); err == nil {
				return dash(d.String())
			}
		}
		return "«" + vntext.Truncate(vntext.Line(x), 60) + "»"
	}
	return vntext.Line(fmt.Sprint(v))
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// unitsSummary names what a merge, a rename or a change of who is followed
// did: "Hợp nhất Sở TN&MT, Sở NN&PTNT vào Sở Nông nghiệp và Môi trường".
func (c Change) unitsSummary(l lang.Lang) string {
	var names []string
	into := ""
	// a unit the change created is named from its row: undone, it is gone
	named := map[int64]string{}
	for id, n := range c.Names {
		named[id] = n
	}
	for _, it := range c.Items {
		if n, ok := it.New["name"].(string); ok && it.Table == "agency" && it.Action == "insert" && named[it.RowID] == "" {
			named[it.RowID] = vntext.Line(n)
		}
	}
	c.Names = named
	for _, it := range c.Items {
		switch {
		case c.Op == OpMerge && it.Table == "succession" && it.New != nil:
			if id, ok := it.New["predecessor_id"].(int64); ok {
				names = append(names, c.Names[id])
			}
			if id, ok := it.New["successor_id"].(int64); ok {
				into = c.Names[id]
			}
		case c.Op == OpRename && it.Table == "agency" && it.Action == "update":
			old, _ := it.Old["name"].(string)
			nw, _ := it.New["name"].(string)
			return l.F("Đổi tên «%s» thành «%s»", "Renamed «%s» to «%s»", vntext.Line(old), vntext.Line(nw))
		case (c.Op == OpStop || c.Op == OpFollow) && it.Table == "campaign_agency":
			names = append(names, c.Names[it.AgencyID])
		}
	}
	list := strings.Join(names, ", ")
	if len(names) > 5 {
		list = strings.Join(names[:5], ", ") + l.F(" và %d đơn vị khác", " and %d more", len(names)-5)
	}
	switch c.Op {
	case OpMerge:
		return l.F("Hợp nhất %s vào %s", "Merged %s into %s", list, into)
	case OpStop:
		return l.F("Ngừng theo dõi %s", "Stopped following %s", list)
	case OpFollow:
		return l.F("Theo dõi lại %s", "Followed again %s", list)
	}
	return l.F("Sửa %s", "Edited %s", list)
}
