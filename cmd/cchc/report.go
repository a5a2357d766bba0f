package main

import (
	"fmt"
	"strings"

	"cchc/internal/lang"
	"cchc/internal/report"
)

func init() {
	register(command{
		name: "report",
		summary: func(l lang.Lang) string {
			return l.T("in báo cáo: tình hình, danh sách chưa đủ, danh sách đăng ký, công văn đôn đốc, kết quả",
				"print a report: status, agencies short, registrations, reminder letter, results")
		},
		run: runReport,
	})
}

func runReport(e *env, args []string) error {
	l := e.lang
	// The kind comes first; options may follow it.
	kind := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		kind, args = args[0], args[1:]
	}
	fs := newFlags("report", e)
	year := fs.String("campaign", "", "")
	asOf := fs.String("as-of", "", "")
	replyBy := fs.String("reply-by", "", "")
	format := fs.String("format", "", "")
	out := fs.String("o", "", "")
	force := fs.Bool("force", false, "")
	if err := parse(fs, e, args, func() { reportHelp(e) }); err != nil {
		return err
	}
	if kind == "" {
		return usageError{l.F("Thiếu loại báo cáo: %s (xem: cchc report --help)", "Which report? %s (see: cchc report --help)", strings.Join(report.Kinds, ", "))}
	}
	if !contains(report.Kinds, kind) {
		return usageError{l.F("Không có báo cáo %q; chọn một trong: %s", "No report %q; choose one of: %s", kind, strings.Join(report.Kinds, ", "))}
	}
	if *format == "" { // the file's extension says it, else text
		if *format = report.FormatOf(*out); *format == "" {
			*format = "text"
		}
	}
	if !contains(report.Formats(kind), *format) {
		return usageError{l.F("--format %q: báo cáo %s có các định dạng %s", "--format %q: the %s report comes as %s", *format, kind, strings.Join(report.Formats(kind), ", "))}
	}
	y, err := yearFlag(l, *year)
	if err != nil {
		return err
	}
	day, err := asOfFlag(fs, l, *asOf)
	if err != nil {
		return err
	}
	if *out == "" && report.Binary(*format) {
		now, err := today()
		if err != nil {
			return err
		}
		return usageError{l.F("Định dạng %s không in ra màn hình được; ghi ra tệp, ví dụ: -o %s", "%s cannot go to the terminal; write it to a file, e.g. -o %s",
			*format, report.FileName(kind, *format, y, day, now))}
	}
	req := report.Request{Kind: kind, Format: *format, Year: y, AsOf: day, Lang: l}
	if *replyBy != "" {
		if kind != report.KindReminder {
			return usageError{l.T("--reply-by chỉ dùng cho công văn đôn đốc (cchc report reminder)", "--reply-by is for the reminder letter only (cchc report reminder)")}
		}
		if req.ReplyBy, err = dateFlag(l, "reply-by", *replyBy); err != nil {
			return err
		}
	}
	if *out != "" {
		// Fail before opening the book when the file is in the way.
		// A book in the way is said first: it matters more than a name.
		if err := report.CanWrite(*out, *force); err != nil {
			return err
		}
		if err := report.CheckExt(*out, *format); err != nil {
			return usageError{lang.Message(err, l)}
		}
	}
	st, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := e.ctx
	if *out == "" {
		return report.Generate(ctx, st, req, e.stdout)
	}
	if err := report.Save(ctx, st, req, *out, *force); err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, l.F("Đã ghi %s", "Wrote %s", *out))
	return nil
}

func reportHelp(e *env) {
	l := e.lang
	fmt.Fprint(e.stdout, l.T(`Cách dùng: cchc report LOẠI [--campaign NĂM] [--as-of dd/mm/yyyy] [--reply-by dd/mm/yyyy] [--format F] [-o TỆP] [--force]

In báo cáo để trình lãnh đạo, gửi Ban Chỉ đạo hoặc tổng hợp trên Excel.

Loại báo cáo:
  status          tình hình đăng ký: tổng hợp theo nhóm và từng cơ quan, đơn vị
  missing         các cơ quan, đơn vị chưa đăng ký đủ, theo nhóm: còn thiếu bao nhiêu,
                  quá hạn bao nhiêu ngày (danh sách để gọi điện, nhắc nhở)
  registrations   danh sách mô hình, sáng kiến đã đăng ký theo cột của biểu mẫu,
                  theo nhóm (I, II, …) và cơ quan, đơn vị
  reminder        dự thảo công văn đôn đốc gửi các cơ quan, đơn vị chưa đăng ký đủ
                  (thể thức theo Nghị định 30/2020/NĐ-CP)
  results         kết quả thực hiện cuối năm: theo cơ quan và nhóm, số mô hình đã đăng ký,
                  chưa báo cáo tiến độ, đang triển khai, dừng, đã hoàn thành (trong đó đề
                  xuất nhân rộng, được công nhận); rồi danh sách mô hình đã hoàn thành

Tùy chọn:
  --campaign NĂM  đợt đăng ký của năm (mặc định: đợt mới nhất)
  --as-of NGÀY    tính đến ngày (mặc định: hôm nay); cũng là ngày ghi trên công văn
  --reply-by NGÀY công văn đôn đốc: hạn mới để gửi đăng ký về (mặc định: hạn của đợt
                  khi chưa qua, nếu không thì để chấm "……/……" cho người soạn điền)
  --format F      text, md, csv (UTF-8 có BOM cho Excel), json,
                  xlsx (Excel, A4 ngang), html (mở bằng trình duyệt rồi in ra giấy A4),
                  docx (Word, sửa được), pdf (in hoặc ký số ngay);
                  công văn đôn đốc: text, md, json, html, docx, pdf;
                  mặc định: theo đuôi của -o (.xlsx, .pdf…), nếu không thì text
  -o TỆP          ghi ra tệp (mặc định: in ra màn hình; xlsx, docx, pdf phải ghi ra tệp)
  --force         ghi đè tệp đã có (mặc định: không ghi đè; không bao giờ ghi đè tệp dữ liệu)

Ví dụ:
  cchc report missing --as-of 05/04/2023
  cchc report registrations -o danh-sach-dang-ky-2023.xlsx
  cchc report reminder --as-of 05/04/2023 --reply-by 15/04/2023 --format html -o cong-van-don-doc.html
`, `Usage: cchc report KIND [--campaign YEAR] [--as-of dd/mm/yyyy] [--reply-by dd/mm/yyyy] [--format F] [-o FILE] [--force]

Prints a report for the Department's leaders, the steering committee or Excel.

Kinds:
  status          registration status: totals by group and every agency
  missing         the agencies still short, by group: what each owes and how many
                  days past the deadline (the list to phone or write to)
  registrations   the registered models and initiatives in the template's columns,
                  by group (I, II, …) and agency
  reminder        a draft reminder letter to the agencies still short
                  (laid out per Decree 30/2020/NĐ-CP)
  results         the year-end results: per agency and group, how many models were
                  registered, with no progress reported, under way, stopped, completed (of
                  which proposed for replication, recognised); then the completed ones

Options:
  --campaign YEAR the campaign of that year (default: the latest)
  --as-of DATE    as of that day (default: today); also the date on the letter
  --reply-by DATE the reminder letter: the new deadline to reply by (default: the
                  campaign's deadline while it lasts, else dots to fill in)
  --format F      text, md, csv (UTF-8 with BOM for Excel), json,
                  xlsx (Excel, A4 landscape), html (open in a browser, print on A4),
                  docx (Word, editable), pdf (to print or sign as it is);
                  the reminder letter: text, md, json, html, docx, pdf;
                  default: from the extension of -o (.xlsx, .pdf…), else text
  -o FILE         write to a file (default: the terminal; xlsx, docx, pdf need a file)
  --force         overwrite an existing file (default: keep it; a database is never overwritten)

Examples:
  cchc report missing --as-of 05/04/2023
  cchc report registrations -o registrations-2023.xlsx
  cchc report reminder --as-of 05/04/2023 --reply-by 15/04/2023 --format html -o reminder.html
`)+"\n"+l.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(l))
}
