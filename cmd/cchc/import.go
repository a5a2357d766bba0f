package main

import (
	"flag"
	"fmt"
	"strings"

	"cchc/internal/campaign"
	"cchc/internal/importer"
	"cchc/internal/lang"
	"cchc/internal/report"
	"cchc/internal/vndate"
)

func init() {
	register(command{
		name: "import",
		summary: func(l lang.Lang) string {
			return l.T("nhập danh sách đăng ký hoặc danh sách cơ quan, đơn vị từ tệp Excel/CSV",
				"import registrations or agencies from an Excel/CSV file")
		},
		run: runImport,
	})
}

func runImport(e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "registrations":
			return runImportRegistrations(e, args[1:])
		case "agencies":
			return runImportAgencies(e, args[1:])
		case "-h", "--help", "-help":
			importHelp(e)
			return nil
		}
	}
	if len(args) == 0 {
		return usageError{e.lang.T("Cần nói nhập gì: cchc import registrations TỆP hoặc cchc import agencies TỆP (xem: cchc import --help)",
			"Say what to import: cchc import registrations FILE or cchc import agencies FILE (see: cchc import --help)")}
	}
	return usageError{e.lang.F("Không có lệnh import %q: chọn registrations hoặc agencies (xem: cchc import --help)",
		"No import %q: choose registrations or agencies (see: cchc import --help)", args[0])}
}

// parseWithArg parses a command that takes one argument (a file, a
// number), written before or after the options; arg is "" when it is
// missing.
func parseWithArg(fs *flag.FlagSet, e *env, args []string, help func()) (path string, err error) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], parse(fs, e, args[1:], help)
	}
	if fs.Parse(args) != nil || fs.NArg() == 0 {
		return "", parse(fs, e, args, help) // the same error, or none, in the clerk's language
	}
	path = fs.Arg(0)
	return path, parse(fs, e, fs.Args()[1:], help)
}

func runImportRegistrations(e *env, args []string) error {
	fs := newFlags("import registrations", e)
	year := fs.String("campaign", "", "")
	agency := fs.String("agency", "", "")
	received := fs.String("received", "", "")
	letter := fs.String("letter", "", "")
	dryRun := fs.Bool("dry-run", false, "")
	anyYear := fs.Bool("year-mismatch-ok", false, "")
	path, err := parseWithArg(fs, e, args, func() { importRegistrationsHelp(e) })
	if err != nil {
		return err
	}
	l := e.lang
	if path == "" {
		return usageError{l.T("Thiếu tên tệp: cchc import registrations TỆP (xem: cchc import registrations --help)",
			"Missing the file: cchc import registrations FILE (see: cchc import registrations --help)")}
	}
	y, err := yearFlag(l, *year)
	if err != nil {
		return err
	}
	day, err := today()
	if err != nil {
		return err
	}
	var recv vndate.Date
	if given(fs, "received") {
		if recv, err = dateFlag(l, "received", *received); err != nil {
			return err
		}
	}
	st, c, err := openCampaign(e, y, *dryRun) // a dry run writes nothing: a book that is only read will do
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := e.ctx
	plan, err := importer.PlanRegistrations(ctx, st, c, path, importer.RegistrationOptions{
		Agency: *agency, Received: recv, Letter: *letter, Today: day, AnyYear: *anyYear,
	})
	if err != nil {
		return err
	}
	if *dryRun || plan.Errors() > 0 {
		printRegistrationPlan(e, plan)
	}
	printProblems(e, plan.Problems)
	if plan.Errors() > 0 {
		return &lang.Error{VI: plan.Tally(lang.VI), EN: plan.Tally(lang.EN)}
	}
	if !*dryRun {
		if err := plan.Apply(ctx, st); err != nil {
			return err
		}
		printDuplicates(e, plan)
	}
	fmt.Fprintln(e.stdout, plan.Tally(l))
	return nil
}

func printRegistrationPlan(e *env, p *importer.RegistrationPlan) {
	l := e.lang
	if len(p.Rows) == 0 {
		return
	}
	fmt.Fprintln(e.stdout, l.F("Đợt đăng ký %d · Văn bản số: %s · Ngày văn bản: %s · Ngày nhận: %s",
		"Campaign %d · Letter: %s · Dated: %s · Received: %s",
		p.Campaign.Year, dash(p.LetterNumber), dash(p.LetterDate.String()), dash(p.Received.String())))
	t := report.Table{Columns: []report.Column{
		{Title: l.T("Dòng", "Row"), Align: report.Right},
		{Title: campaign.ColTitle.Label(l), Max: 40},
		{Title: campaign.ColKind.Label(l), Max: 12},
		{Title: campaign.ColArea.Label(l), Max: 18},
		{Title: l.T("Cơ quan gửi", "Agency"), Max: 22},
		{Title: campaign.ColLead.Label(l), Max: 22},
		{Title: l.T("Kết quả", "Outcome")},
	}}
	for _, r := range p.Rows {
		status := r.Status.Label(l)
		if r.Status == importer.RowError {
			status = "✗ " + status
		}
		t.Add(fmt.Sprint(r.Line), shown(r.Registration.Title), r.Registration.Kind.Label(l), r.Registration.Area.Short(l),
			shown(r.Agency.Name), shown(r.Lead), status)
	}
	_ = t.WriteText(e.stdout, l)
}

func printDuplicates(e *env, p *importer.RegistrationPlan) {
	for _, r := range p.Rows {
		if r.Status == importer.RowDuplicate {
			fmt.Fprintln(e.stdout, e.lang.F("Dòng %d: %q đã có trong đợt đăng ký của %s — bỏ qua", "Row %d: %q is already registered by %s — skipped",
				r.Line, r.Registration.Title, r.Agency.Name))
		}
	}
}

func printProblems(e *env, ps []importer.Problem) {
	for _, p := range ps {
		fmt.Fprintln(e.stderr, p.Text(e.lang))
	}
}

// shown is a cell of the dry-run table: a cell of a file can hold 64 KB
// (a title pasted a thousand times), and the table is to be read.
func shown(s string) string {
	const most = 200
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func runImportAgencies(e *env, args []string) error {
	fs := newFlags("import agencies", e)
	year := fs.String("campaign", "", "")
	dryRun := fs.Bool("dry-run", false, "")
	path, err := parseWithArg(fs, e, args, func() { importAgenciesHelp(e) })
	if err != nil {
		return err
	}
	l := e.lang
	if path == "" {
		return usageError{l.T("Thiếu tên tệp: cchc import agencies TỆP (xem: cchc import agencies --help)",
			"Missing the file: cchc import agencies FILE (see: cchc import agencies --help)")}
	}
	st, c, err := openYear(e, *year, *dryRun)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := e.ctx
	plan, err := importer.ReadAgencies(ctx, st, c, path)
	if err != nil {
		return err
	}
	if *dryRun {
		plan.Rehearse(ctx, st)
	} else {
		plan.Write(ctx, st)
	}
	if *dryRun || plan.Errors() > 0 {
		t := report.Table{Columns: []report.Column{
			{Title: l.T("Dòng", "Row"), Align: report.Right},
			{Title: l.T("Cơ quan, đơn vị", "Agency"), Max: 36},
			{Title: l.T("Mã", "Code")},
			{Title: l.T("Nhóm", "Group")},
			{Title: l.T("Đơn vị cấp trên", "Parent"), Max: 24},
			{Title: l.T("Kết quả", "Outcome")},
		}}
		for _, r := range plan.Rows {
			t.Add(fmt.Sprint(r.Line), shown(r.Agency.Name), shown(r.Agency.Code), campaign.UnitShort(r.Agency, l), shown(r.Under(l)), r.OutcomeLabel(l))
		}
		_ = t.WriteText(e.stdout, l)
	}
	printProblems(e, plan.Problems)
	if plan.Errors() > 0 {
		return &lang.Error{VI: plan.Tally(lang.VI), EN: plan.Tally(lang.EN)}
	}
	fmt.Fprintln(e.stdout, plan.Tally(l))
	return nil
}

func importHelp(e *env) {
	l := e.lang
	fmt.Fprint(e.stdout, l.T(`Cách dùng:
  cchc import registrations TỆP [--campaign NĂM] [--agency TÊN] [--received dd/mm/yyyy]
                                [--letter SỐ] [--dry-run]
  cchc import agencies TỆP [--campaign NĂM] [--dry-run]

Nhập từ tệp .xlsx, .docx, .pdf hoặc .csv: danh sách đăng ký mô hình, sáng kiến của một cơ quan, đơn vị (điền
theo mẫu: cchc template), hoặc danh sách đơn vị hành chính cấp xã. Xem: cchc import registrations
--help, cchc import agencies --help.
`, `Usage:
  cchc import registrations FILE [--campaign YEAR] [--agency NAME] [--received dd/mm/yyyy]
                                 [--letter NUMBER] [--dry-run]
  cchc import agencies FILE [--campaign YEAR] [--dry-run]

Imports from a .xlsx, .docx, .pdf or .csv file: an agency's list of registrations (filled in from the
template: cchc template), or the list of communes. See: cchc import registrations --help,
cchc import agencies --help.
`)+"\n"+l.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(l))
}

func importRegistrationsHelp(e *env) {
	l := e.lang
	fmt.Fprint(e.stdout, l.T(`Cách dùng: cchc import registrations TỆP [--campaign NĂM] [--agency TÊN]
                 [--received dd/mm/yyyy] [--letter SỐ] [--dry-run] [--year-mismatch-ok]

Nhập danh sách mô hình, sáng kiến mà một cơ quan, đơn vị gửi kèm văn bản (tệp .xlsx, tệp Word
.docx, tệp PDF có chữ (in từ Word), hoặc .csv UTF-8 phân cách bằng dấu phẩy hoặc chấm phẩy; tệp
.doc, .xls cũ: hãy lưu lại thành .docx, .xlsx; PDF là bản quét thì không đọc được: hãy gõ tay
hoặc xin tệp Word). Trong tệp Word, bảng đăng ký được chọn trong các bảng của văn bản (bỏ qua
bảng tiêu đề, bảng liên hệ, bảng ký tên). Dòng tiêu đề của bảng được tìm trong 30 dòng đầu; các cột được nhận theo nghĩa (STT, Tên mô hình/sáng kiến, Loại, Lĩnh vực CCHC, Đơn vị chủ
trì, Đơn vị phối hợp, Thời gian thực hiện, Dự kiến kết quả, Ghi chú), không phân biệt thứ tự,
hoa thường hay dấu. Dòng đánh số (1) (2) …, dòng trống và phần ký tên cuối bảng được bỏ qua.
Cơ quan gửi, số và ngày văn bản lấy từ phần đầu văn bản ("Số: 15/UBND-VP", "…, ngày 20 tháng 3
năm 2023", tên cơ quan ban hành) hoặc dòng "(Kèm theo Công văn số … ngày … của …)".

Mỗi lỗi được báo kèm số dòng và cột; có lỗi thì không ghi gì. Mô hình mà cơ quan đó đã đăng ký
(cùng tên) được báo trùng và bỏ qua, nên nhập lại cùng tệp không thêm gì.

Tùy chọn:
  --campaign NĂM      đợt đăng ký của năm (mặc định: đợt mới nhất)
  --agency TÊN        cơ quan gửi, ví dụ "UBND huyện Đức Thọ" hoặc "Sở TT&TT" (mặc định: dòng
                      "Tên cơ quan, đơn vị: …" phía trên bảng, cơ quan ban hành ở đầu văn bản,
                      "của …" trong dòng "Kèm theo", hoặc cột cơ quan, đơn vị)
  --received NGÀY     ngày nhận văn bản (mặc định: hôm nay)
  --letter SỐ         số văn bản, ví dụ 125/UBND-NV (mặc định: dòng "Số: …" phía trên bảng)
  --dry-run           chỉ xem trước những gì sẽ được thêm, không ghi gì
  --year-mismatch-ok  nhận tệp mà tiêu đề ghi năm khác năm của đợt ("… NĂM 2023" vào đợt 2026);
                      mặc định: từ chối, vì đó thường là văn bản của năm trước
`, `Usage: cchc import registrations FILE [--campaign YEAR] [--agency NAME]
                 [--received dd/mm/yyyy] [--letter NUMBER] [--dry-run] [--year-mismatch-ok]

Imports the registrations an agency sent with its letter (a .xlsx file, a Word .docx, a text PDF
(printed from Word), or UTF-8 .csv separated by commas or semicolons; old .doc and .xls files:
save them as .docx, .xlsx; a scanned PDF cannot be read: type it in or ask for the Word file). In a
Word file the registrations table is chosen among the document's tables (title block, contact
and signature tables are left alone). The table's header row is looked for in the first 30 rows; columns are
recognised by meaning (No., Title, Kind, Reform area, Lead unit, Partners, Timeline, Expected
result, Note), in any order, ignoring case and diacritics. A numbering row (1) (2) …, empty rows
and the signature block after the table are ignored. The sender, the letter's number and date
come from the title block ("Số: 15/UBND-VP", "…, ngày 20 tháng 3 năm 2023", the issuing body) or
a line "(Kèm theo Công văn số … ngày … của …)".

Every problem is reported with its row and column; with any error nothing is written. A
registration the agency already has (same title) is reported as a duplicate and skipped, so
importing the same file again adds nothing.

Options:
  --campaign YEAR     the campaign of that year (default: the latest)
  --agency NAME       the sending agency, e.g. "UBND huyện Đức Thọ" or "Sở TT&TT" (default: the
                      line "Tên cơ quan, đơn vị: …" above the table, the issuing body of the
                      title block, "của …" in a "Kèm theo" line, or an agency column)
  --received DATE     the day the letter was received (default: today)
  --letter NUMBER     the letter's number, e.g. 125/UBND-NV (default: the line "Số: …" above the table)
  --dry-run           show what would be added; write nothing
  --year-mismatch-ok  take a file whose heading names another year than the campaign's
                      ("… NĂM 2023" into 2026); by default it is refused, being last year's letter
`)+"\n"+l.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(l))
}

func importAgenciesHelp(e *env) {
	l := e.lang
	fmt.Fprint(e.stdout, l.T(`Cách dùng: cchc import agencies TỆP [--campaign NĂM] [--dry-run]

Nhập danh sách đơn vị hành chính (xã, phường, thị trấn) theo danh mục của Tổng cục Thống kê
(các cột commune_code, commune_name, commune_type, district_code, district_name, …; hoặc Mã,
Tên, Cấp, Mã QH, Quận Huyện), tệp .csv hoặc .xlsx. Mỗi xã được đặt dưới huyện của nó (theo mã
huyện, nếu không có thì theo tên) và đưa vào đợt đăng ký. Danh mục công bố sau 01/7/2025 (Mã,
Tên, Cấp và tỉnh, không có cột huyện) cũng được nhận: mỗi xã, phường được đặt trực thuộc tỉnh,
kèm mã của nó. Cũng nhận danh sách đơn giản với các cột Tên cơ quan, đơn vị · Nhóm · Đơn vị cấp
trên. Chạy lại không thay đổi gì.

Tùy chọn:
  --campaign NĂM      đợt đăng ký của năm (mặc định: đợt mới nhất)
  --dry-run           chỉ xem trước, không ghi gì
`, `Usage: cchc import agencies FILE [--campaign YEAR] [--dry-run]

Imports the official list of administrative units (communes, wards, townships) as published by
the General Statistics Office (columns commune_code, commune_name, commune_type, district_code,
district_name, …; or Mã, Tên, Cấp, Mã QH, Quận Huyện), as .csv or .xlsx. Each commune is put
under its district (by district code, else by name) and added to the campaign. The list
published after 1 July 2025 (Mã, Tên, Cấp and the province, no district columns) works too:
each commune or ward is put directly under the province, with its code. A plain list with
columns name · group · parent works too. Running it again changes nothing.

Options:
  --campaign YEAR     the campaign of that year (default: the latest)
  --dry-run           show what would be done; write nothing
`)+"\n"+l.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(l))
}
