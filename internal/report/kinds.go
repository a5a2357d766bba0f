package report

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"cchc/internal/book"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// The kinds of report, as `cchc report KIND` names them.
const (
	KindStatus        = "status"
	KindMissing       = "missing"
	KindRegistrations = "registrations"
	KindReminder      = "reminder"
	KindResults       = "results"
)

// Kinds lists the reports in menu order.
var Kinds = []string{KindStatus, KindMissing, KindRegistrations, KindReminder, KindResults}

// KindLabel names a report for the clerk.
func KindLabel(kind string, l lang.Lang) string {
	switch kind {
	case KindStatus:
		return l.T("Tình hình đăng ký", "Registration status")
	case KindMissing:
		return l.T("Danh sách chưa đăng ký đủ", "Agencies still short")
	case KindRegistrations:
		return l.T("Danh sách mô hình, sáng kiến đã đăng ký", "Registered models and initiatives")
	case KindReminder:
		return l.T("Dự thảo công văn đôn đốc", "Draft reminder letter")
	case KindResults:
		return l.T("Kết quả thực hiện (cuối năm)", "Year-end results")
	}
	return kind
}

// KindPurpose says in a sentence what a report holds, for the reports screen.
func KindPurpose(kind string, l lang.Lang) string {
	switch kind {
	case KindStatus:
		return l.T("Tổng hợp theo nhóm và tình trạng từng cơ quan, đơn vị.", "Totals by group and each agency's status.")
	case KindMissing:
		return l.T("Các cơ quan, đơn vị chưa đạt chỉ tiêu, còn thiếu bao nhiêu, quá hạn bao nhiêu ngày.", "Agencies short of their quota, what they owe, days overdue.")
	case KindRegistrations:
		return l.T("Danh sách mô hình, sáng kiến theo các cột của mẫu đăng ký.", "Every registration in the template's columns.")
	case KindReminder:
		return l.T("Dự thảo công văn đôn đốc gửi các cơ quan, đơn vị chưa đạt chỉ tiêu.", "A draft reminder letter to the agencies still short.")
	case KindResults:
		return l.T("Cuối năm: số mô hình đang triển khai, đã hoàn thành, đề xuất nhân rộng theo cơ quan; danh sách đã hoàn thành.",
			"Year end: models under way, completed, proposed for replication by agency; the completed ones.")
	}
	return ""
}

// Formats lists the formats of a report kind, the default first. A letter
// is not a table, so the reminder has no csv or xlsx.
func Formats(kind string) []string {
	switch kind {
	case KindStatus, KindMissing, KindRegistrations, KindResults:
		return []string{"text", "md", "csv", "json", "xlsx", "html", "docx", "pdf"}
	case KindReminder:
		return []string{"text", "md", "json", "html", "docx", "pdf"}
	}
	return nil
}

// Binary reports whether a format is not text, so never goes to a terminal.
func Binary(format string) bool { return format == "xlsx" || format == "docx" || format == "pdf" }

// Ext is the file extension of a format.
func Ext(format string) string {
	if format == "text" {
		return ".txt"
	}
	return "." + format
}

// FileName is a sensible default file name: "tinh-hinh-2023.xlsx" (no
// year when 0), and when the report is of another day than today, that
// day as the clerk reads it: "tinh-hinh-2023-den-01-03-2023.xlsx" (ASCII,
// no slash: a name any system takes). Every default name of a report
// (screens 5 and 6, the command line's examples) is made here, so that the
// same report gets the same name and a report of an earlier day never
// stands in the place of today's.
func FileName(kind, format string, year int, asOf, today vndate.Date) string {
	base := map[string]string{
		KindStatus: "tinh-hinh", KindMissing: "chua-dang-ky-du",
		KindRegistrations: "danh-sach-dang-ky", KindReminder: "cong-van-don-doc", KindResults: "ket-qua-thuc-hien",
	}[kind]
	if base == "" {
		base = "bao-cao"
	}
	if year != 0 {
		base += "-" + itoa(year)
	}
	if !asOf.IsZero() && !asOf.Equal(today) {
		base += "-den-" + strings.ReplaceAll(asOf.String(), "/", "-")
	}
	return base + Ext(format)
}

// Request says which report to make.
type Request struct {
	Kind   string
	Format string
	Year   int         // the campaign's year; 0 for the latest
	AsOf   vndate.Date // the day judged; zero for today
	Lang   lang.Lang
	// Progress, when set, hears how many rows of a long list are written
	// (done of total), for a screen to show: called from the writing
	// goroutine, often, so it must be quick.
	Progress func(done, total int)
	// ReplyBy is the reminder's new deadline (--reply-by); zero for none.
	ReplyBy vndate.Date
}

// Report is a report ready to write in one of its formats.
type Report interface {
	Write(w io.Writer, format string) error
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func unknownFormat(f, kind string) error {
	return lang.Errorf("Định dạng %q không có cho báo cáo này; chọn một trong: %s",
		"Format %q is not available for this report; choose one of: %s", f, strings.Join(Formats(kind), ", "))
}

// Check validates a request's kind and format before any work is done.
func (r Request) Check() error {
	if !contains(Kinds, r.Kind) {
		return lang.Errorf("Không có báo cáo %q; chọn một trong: %s", "No report %q; choose one of: %s", r.Kind, strings.Join(Kinds, ", "))
	}
	if !contains(Formats(r.Kind), r.Format) {
		return unknownFormat(r.Format, r.Kind)
	}
	return nil
}

// Build reads from the store what the report needs.
func Build(ctx context.Context, st Book, req Request) (Report, error) {
	if err := req.Check(); err != nil {
		return nil, err
	}
	c, err := st.Campaign(ctx, req.Year)
	if err != nil {
		return nil, err
	}
	asOf := req.AsOf
	if asOf.IsZero() {
		asOf = vndate.Today()
	}
	switch req.Kind {
	case KindRegistrations:
		r := storeRegistrations(ctx, st, c, asOf, req.Lang)
		r.Progress = req.Progress
		return r, nil
	case KindResults:
		rr, err := st.ReportRegistrations(ctx, c.ID, asOf)
		if err != nil {
			return nil, err
		}
		var rows []book.RegistrationRow
		err = rr.Each(ctx, func(x book.RegistrationRow) error { rows = append(rows, x); return nil })
		if cerr := rr.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		stages, err := st.CampaignStages(ctx, c.ID, asOf)
		if err != nil {
			return nil, err
		}
		done, err := st.CampaignCompletions(ctx, c.ID, asOf)
		if err != nil {
			return nil, err
		}
		summary, err := book.Compliance(ctx, st, c, asOf)
		if err != nil {
			return nil, err
		}
		agencies := make([]compliance.Agency, len(summary.Results))
		for i, r := range summary.Results {
			agencies[i] = r.Agency
		}
		return Results{Registrations: Registrations{Campaign: c, AsOf: asOf, Rows: rows, Lang: req.Lang}, Stages: stages,
			Completions: done, Agencies: agencies}, nil
	}
	summary, err := book.Compliance(ctx, st, c, asOf)
	if err != nil {
		return nil, err
	}
	switch req.Kind {
	case KindMissing:
		return Missing{Campaign: c, Summary: summary, Lang: req.Lang}, nil
	case KindReminder:
		return Reminder{Campaign: c, Summary: summary, Lang: req.Lang, ReplyBy: req.ReplyBy}, nil
	}
	left, err := st.Uncounted(ctx, c.ID, asOf)
	if err != nil {
		return nil, err
	}
	return Status{Campaign: c, Summary: summary, Lang: req.Lang, Uncounted: left}, nil
}

// Generate builds the report and writes it to w (for the text formats on a terminal).
func Generate(ctx context.Context, st Book, req Request, w io.Writer) error {
	rep, err := Build(ctx, st, req)
	if err != nil {
		return err
	}
	return rep.Write(w, req.Format)
}

// Save builds the report and writes it to the file at path, atomically; an
// existing file is kept (ErrExists) unless force. This is what the command
// line's -o and the TUI's reports screen call.
func Save(ctx context.Context, st Book, req Request, path string, force bool) error {
	if err := req.Check(); err != nil {
		return err
	}
	if err := CheckExt(path, req.Format); err != nil {
		return err
	}
	if err := CanWrite(path, force); err != nil {
		return err
	}
	rep, err := Build(ctx, st, req)
	if err != nil {
		return err
	}
	return WriteFile(path, force, func(w io.Writer) error { return rep.Write(w, req.Format) })
}

// FormatOf is the format a file name's extension stands for ("" when the
// extension names none: no extension, or one cchc does not write).
func FormatOf(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".txt":
		return "text"
	case ".htm":
		return "html"
	case ".markdown":
		return "md"
	}
	for _, f := range Formats(KindStatus) {
		if ext == Ext(f) {
			return f
		}
	}
	return ""
}

// ErrWrongExt is the cause when a file's extension names another format
// than the one asked for: a PDF named .docx is opened by Word and refused,
// and it may stand in place of the Word draft it was named after.
var ErrWrongExt error = lang.Kind("extension does not match the format")

// CheckExt refuses a file name whose extension names another format.
// Markdown is text, so it may go to a .txt file.
func CheckExt(path, format string) error {
	f := FormatOf(path)
	if f == "" || f == format || (f == "text" && format == "md") {
		return nil
	}
	return lang.Wrap(ErrWrongExt, "Tệp %s có đuôi %s nhưng định dạng là %s; đổi tên tệp thành %s hoặc chọn định dạng %s",
		"The file %s ends in %s but the format is %s; name it %s or choose the %s format",
		path, filepath.Ext(path), format, strings.TrimSuffix(path, filepath.Ext(path))+Ext(format), f)
}
