package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/provmap"
	"cchc/internal/vntext"
)

func init() {
	register(command{
		name: "campaign",
		summary: func(l lang.Lang) string {
			return l.T("mở đợt đăng ký năm mới; liệt kê các đợt; đặt chỉ tiêu", "open a new year's campaign; list campaigns; set quotas")
		},
		run: runCampaign,
	})
}

func runCampaign(e *env, args []string) error {
	l := e.lang
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		campaignHelp(e)
		if len(args) == 0 {
			return usageError{l.T("Thiếu lệnh con: new, list hoặc quota", "Missing sub-command: new, list or quota")}
		}
		return nil
	}
	switch args[0] {
	case "new":
		return runCampaignNew(e, args[1:])
	case "list":
		return runCampaignList(e, args[1:])
	case "quota":
		return runCampaignQuota(e, args[1:])
	}
	return usageError{l.F("Không có lệnh con %q; dùng new, list hoặc quota", "No sub-command %q; use new, list or quota", args[0])}
}

func runCampaignNew(e *env, args []string) error {
	fs := newFlags("campaign new", e)
	year := fs.String("year", "", "")
	deadline := fs.String("deadline", "", "")
	letter := fs.String("letter", "", "")
	from := fs.String("from", "", "")
	onMap := fs.String("map", "", "")
	if err := parse(fs, e, args, func() { campaignHelp(e) }); err != nil {
		return err
	}
	l := e.lang
	if *year == "" || *deadline == "" {
		return usageError{l.T("Cần --year và --deadline, ví dụ: cchc campaign new --year 2024 --deadline 29/03/2024",
			"--year and --deadline are required, e.g. cchc campaign new --year 2024 --deadline 29/03/2024")}
	}
	y, err := yearFlag(l, *year)
	if err != nil {
		return usageError{l.F("--year %q: cần một năm, ví dụ 2024", "--year %q: expected a year, e.g. 2024", *year)}
	}
	d, err := dateFlag(l, "deadline", *deadline)
	if err != nil {
		return err
	}
	if c := (campaign.Campaign{Year: y, Deadline: d}); !c.DeadlineInYear() {
		return usageError{l.F("--deadline %s: hạn đăng ký phải thuộc năm %d của đợt đăng ký", "--deadline %s: the deadline must fall within the campaign's year %d", d, y)}
	}
	fromYear, err := yearFlag(l, *from)
	if err != nil {
		return usageError{l.F("--from %q: cần năm của đợt đăng ký để sao chép, ví dụ 2023", "--from %q: expected the year to copy from, e.g. 2023", *from)}
	}
	if *onMap != "" && *onMap != "2025" {
		return usageError{l.F("--map %q: cchc mang sẵn bản đồ hành chính 2025 (--map 2025)", "--map %q: cchc carries the 2025 administrative map (--map 2025)", *onMap)}
	}
	st, err := openStore(e, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := e.ctx
	c := campaign.Campaign{Year: y, Deadline: d, LetterNumber: vntext.Line(*letter)}
	var plan *provmap.Plan
	if *onMap != "" {
		if plan, err = mapPlan(e, st, y, fromYear); err != nil {
			return err
		}
		_, err = st.NewCampaignOnMap(ctx, c, fromYear, plan.Change)
	} else {
		_, err = st.NewCampaign(ctx, c, fromYear)
	}
	if err != nil {
		return err
	}
	made, err := st.Campaign(ctx, y)
	if err != nil {
		return err
	}
	agencies, err := st.CampaignAgencies(ctx, made.ID)
	if err != nil {
		return err
	}
	if plan != nil {
		fmt.Fprintln(e.stdout, l.F("Đã mở đợt đăng ký năm %d theo bản đồ hành chính 2025 của tỉnh Hà Tĩnh: hạn %s; %s.",
			"Opened the %d campaign on Hà Tĩnh's 2025 administrative map: deadline %s; %s.", y, d, plan.Summary(l)))
		return nil
	}
	fmt.Fprintln(e.stdout, l.F("Đã mở đợt đăng ký năm %d: hạn %s, %s cơ quan, đơn vị, chỉ tiêu sao chép từ đợt trước.",
		"Opened the %d campaign: deadline %s, %s agencies, quotas copied from the previous campaign.", y, d, l.Num(len(agencies))))
	return nil
}

// mapPlan is what --map 2025 changes in the list copied from fromYear
// (0: the latest) into year: refused (exit 2) for a campaign of another
// province, whose official list is imported instead, and for a year
// before the map.
func mapPlan(e *env, st book.Book, year, fromYear int) (*provmap.Plan, error) {
	l := e.lang
	src, err := st.Campaign(e.ctx, fromYear)
	if err != nil {
		return nil, err
	}
	m, ok := provmap.For(src)
	if !ok {
		return nil, usageError{"--map 2025: " + lang.Message(provmap.NotCarried(src), l)}
	}
	if year < m.FirstYear() {
		return nil, usageError{l.F("--map 2025: bản đồ hành chính 2025 dùng cho các đợt từ năm %d; đợt %d giữ bản đồ cũ",
			"--map 2025: the 2025 administrative map is for campaigns from %d on; the %d campaign keeps the old one", m.FirstYear(), year)}
	}
	agencies, err := st.CampaignAgencies(e.ctx, src.ID)
	if err != nil {
		return nil, err
	}
	p := m.Plan(agencies)
	return &p, nil
}

func runCampaignList(e *env, args []string) error {
	fs := newFlags("campaign list", e)
	if err := parse(fs, e, args, func() { campaignHelp(e) }); err != nil {
		return err
	}
	st, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := e.ctx
	cs, err := st.Campaigns(ctx)
	if err != nil {
		return err
	}
	day, err := today()
	if err != nil {
		return err
	}
	l := e.lang
	for _, c := range cs {
		sum, err := book.Compliance(ctx, st, c, day)
		if err != nil {
			return err
		}
		t := sum.Total()
		fmt.Fprintln(e.stdout, l.F("%d  hạn %s (%s)  %s/%s cơ quan đạt  %s mô hình  %s",
			"%d  deadline %s (%s)  %s/%s agencies met  %s registrations  %s",
			c.Year, c.Deadline, compliance.DaysText(sum.DaysLeft(), l), l.Num(t.Met), l.Num(t.Agencies), l.Num(t.Registrations), c.Title))
	}
	return nil
}

// runCampaignQuota sets a group's quota from the command line, as the
// campaign settings of the application do: GROUP MIN [TARGET].
func runCampaignQuota(e *env, args []string) error {
	fs := newFlags("campaign quota", e)
	year := fs.String("campaign", "", "")
	pos, err := parseNames(fs, e, args, func() { campaignHelp(e) })
	if err != nil {
		return err
	}
	l := e.lang
	if len(pos) < 2 || len(pos) > 3 {
		return usageError{l.T("Cần NHÓM TỐI-THIỂU [PHẤN-ĐẤU], ví dụ: cchc campaign quota commune 2 3",
			"Expected GROUP MIN [TARGET], e.g. cchc campaign quota commune 2 3")}
	}
	g, ok := campaign.ParseGroup(pos[0])
	if !ok {
		return usageError{l.F("Nhóm %q: chọn một trong department, central, district, commune", "Group %q: choose one of department, central, district, commune", pos[0])}
	}
	var q campaign.Quota
	for i, p := range pos[1:] {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 {
			return usageError{l.F("%q không phải số mô hình (0, 1, 2…)", "%q is not a number of registrations (0, 1, 2…)", p)}
		}
		if i == 0 {
			q = campaign.Quota{Required: n, Target: n}
		} else {
			q.Target = n
		}
	}
	if q.Target < q.Required {
		return usageError{l.F("Mức phấn đấu %d thấp hơn mức tối thiểu %d", "The target %d is below the minimum %d", q.Target, q.Required)}
	}
	st, c, err := openYear(e, *year, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := checkQuotaGroup(e, st, c, g, q); err != nil {
		return err
	}
	if err := st.SetQuota(e.ctx, c.ID, g, q); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, l.F("Đợt đăng ký %d: chỉ tiêu %s tối thiểu %s, phấn đấu %s.", "The %d campaign: quota of %s minimum %s, target %s.",
		c.Year, g.Label(l), fmt.Sprintf("%02d", q.Required), fmt.Sprintf("%02d", q.Target)))
	return nil
}

// checkQuotaGroup refuses a district quota in a campaign that follows no
// district (after July 2025), as the settings screen offers none; 0 is let
// through, to clear one carried over from an earlier campaign.
func checkQuotaGroup(e *env, st book.Book, c campaign.Campaign, g campaign.Group, q campaign.Quota) error {
	if q == (campaign.Quota{}) {
		return nil
	}
	agencies, err := st.FollowedAgencies(e.ctx, c.ID)
	if err != nil {
		return err
	}
	groups := campaign.QuotaGroups(slices.ContainsFunc(agencies, func(a compliance.Agency) bool { return a.Group == campaign.District }))
	if slices.Contains(groups, g) {
		return nil
	}
	l := e.lang
	names := make([]string, len(groups))
	for i, x := range groups {
		names[i] = string(x)
	}
	return usageError{l.F("Đợt đăng ký năm %d không theo dõi cơ quan, đơn vị nào thuộc nhóm %s; chỉ đặt được chỉ tiêu cho: %s (hoặc 0 để xóa chỉ tiêu đã lưu)",
		"The %d campaign follows no agency in the group %s; quotas can be set only for: %s (or 0 to clear a stored one)",
		c.Year, g.Label(l), strings.Join(names, ", "))}
}

func campaignHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.T(`Cách dùng:
  cchc campaign new --year NĂM --deadline dd/mm/yyyy [--letter SỐ] [--from NĂM] [--map 2025]
  cchc campaign list
  cchc campaign quota NHÓM TỐI-THIỂU [PHẤN-ĐẤU] [--campaign NĂM]

new   mở đợt đăng ký của một năm mới. Danh sách cơ quan, đơn vị (đang theo dõi, cùng các đơn vị
      mà chúng kế thừa khi hợp nhất), chỉ tiêu, cơ quan ban hành và người ký được sao chép từ
      đợt của năm --from (mặc định: đợt mới nhất);
      các mô hình đã đăng ký không được sao chép. Căn cứ pháp lý để trống cho năm mới.
      --letter: số văn bản đề nghị đăng ký của năm mới (mặc định: giữ ký hiệu của năm trước).
      --map 2025: (tỉnh Hà Tĩnh, đợt từ 2026) đưa danh sách sao chép về bản đồ hành chính
      hiện nay, trong cùng một thay đổi (cchc undo SỐ hoàn tác cả đợt): hợp nhất các sở như
      từ 01/3/2025, ngừng theo dõi cấp huyện và các xã cũ, thêm 69 xã, phường từ 01/7/2025
      (kèm mã), mỗi xã, phường tối thiểu 02, phấn đấu 03. Tỉnh khác: nhập danh sách chính
      thức bằng cchc import agencies (lỗi dùng lệnh, mã thoát 2).
list  liệt kê các đợt đăng ký, mới nhất trước, với tình hình tính đến hôm nay.
quota đặt chỉ tiêu của một nhóm (department, central, district, commune) trong đợt --campaign
      (mặc định: đợt mới nhất), như phần cài đặt đợt trong ứng dụng; ghi vào lịch sử. Ví dụ
      mỗi xã, phường tối thiểu 02, phấn đấu 03: cchc campaign quota commune 2 3. Chỉ tiêu 0:
      nhóm không được đánh giá. Đợt không theo dõi huyện nào (từ tháng 7/2025) không nhận
      chỉ tiêu district, trừ 0 để xóa chỉ tiêu đã lưu.
`, `Usage:
  cchc campaign new --year YEAR --deadline dd/mm/yyyy [--letter NUMBER] [--from YEAR] [--map 2025]
  cchc campaign list
  cchc campaign quota GROUP MIN [TARGET] [--campaign YEAR]

new   opens a new year's campaign. Its agencies (the active ones, with the units they succeed
      after a merge), quotas, issuer and signer are copied from the campaign of --from (default:
      the latest); registrations are not copied.
      The legal basis is left empty for the new year.
      --letter: the number of the new year's request letter (default: the previous code).
      --map 2025: (Hà Tĩnh, campaigns from 2026) brings the copied list onto today's
      administrative map in the same one change (cchc undo N takes the whole year back):
      the departments merged as from 1 March 2025, districts and old communes no longer
      followed, the 69 communes and wards of 1 July 2025 added with their codes, each at
      least 2, aiming for 3. Another province: import its official list with
      cchc import agencies (a usage error, exit 2).
list  lists the campaigns, latest first, with their status as of today.
quota sets the quota of a group (department, central, district, commune) in the --campaign
      campaign (default: the latest), as the application's campaign settings do; recorded
      in the history. E.g. each commune or ward at least 2, aiming for 3:
      cchc campaign quota commune 2 3. A quota of 0: the group is not judged. A campaign
      that follows no district (after July 2025) takes no district quota but 0, which
      clears a stored one.
`)+"\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}
