package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/report"
	"cchc/internal/vndate"
)

func init() {
	register(command{
		name: "status",
		summary: func(l lang.Lang) string {
			return l.T("tình hình đăng ký của từng cơ quan, đơn vị", "registration status of each agency")
		},
		run: runStatus,
	})
}

// today is the clerk's today; $CCHC_TODAY (dd/mm/yyyy) stands in for it in
// training and demonstrations.
func today() (vndate.Date, error) {
	if s := os.Getenv("CCHC_TODAY"); s != "" {
		d, err := vndate.Parse(s)
		if err != nil || d.IsZero() {
			return d, lang.Errorf("Biến môi trường CCHC_TODAY=%q không phải ngày dd/mm/yyyy", "CCHC_TODAY=%q is not a dd/mm/yyyy date", s)
		}
		return d, nil
	}
	return vndate.Today(), nil
}

// asOfFlag is the day of --as-of, today when it is not given.
func asOfFlag(fs *flag.FlagSet, l lang.Lang, value string) (vndate.Date, error) {
	if !given(fs, "as-of") {
		return today()
	}
	return dateFlag(l, "as-of", value)
}

// given reports an option that is on the command line, even empty: an
// empty --received ” is a mistake to say, not a reason to take today.
func given(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// dateFlag reads a dd/mm/yyyy option, naming it in the message. Empty is
// bad usage: the option was given without its day. d/m/yyyy, dd-mm-yyyy
// and the ISO yyyy-mm-dd are read too (never mm/dd: a four-digit year
// first says the order), as the README says.
func dateFlag(l lang.Lang, name, value string) (vndate.Date, error) {
	if strings.TrimSpace(value) == "" {
		return vndate.Date{}, usageError{l.F("--%s: thiếu ngày (dd/mm/yyyy)", "--%s: the day is missing (dd/mm/yyyy)", name)}
	}
	d, err := vndate.Parse(value)
	if err != nil {
		return d, usageError{l.F("--%s %q: %s", "--%s %q: %s", name, value, vndate.Problem(err, l))}
	}
	return d, nil
}

func yearFlag(l lang.Lang, value string) (int, error) {
	if value == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(strings.TrimSpace(value))
	if err != nil || y < vndate.MinYear || y > vndate.MaxYear {
		return 0, usageError{l.F("--campaign %q: cần năm của đợt đăng ký, ví dụ 2023", "--campaign %q: expected the campaign's year, e.g. 2023", value)}
	}
	return y, nil
}

// fewerCollections lets a short command that holds little (status reads
// one row per letter, 30 MB at national scale) grow its heap four times
// over before collecting instead of twice: a fifth less time for
// `cchc status` at national scale. $GOGC, when set, wins.
func fewerCollections() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

func runStatus(e *env, args []string) error {
	fs := newFlags("status", e)
	year := fs.String("campaign", "", "")
	asOf := fs.String("as-of", "", "")
	format := fs.String("format", "text", "")
	group := fs.String("group", "", "")
	only := fs.String("only", "", "")
	if err := parse(fs, e, args, func() { statusHelp(e) }); err != nil {
		return err
	}
	l := e.lang
	y, err := yearFlag(l, *year)
	if err != nil {
		return err
	}
	day, err := asOfFlag(fs, l, *asOf)
	if err != nil {
		return err
	}
	if !contains(report.StatusFormats, *format) {
		return usageError{l.F("--format %q: chọn một trong %s", "--format %q: choose one of %s", *format, strings.Join(report.StatusFormats, ", "))}
	}
	var g campaign.Group
	if *group != "" {
		var ok bool
		if g, ok = campaign.ParseGroup(*group); !ok {
			return usageError{l.F("--group %q: chọn một trong department, central, district, commune", "--group %q: choose one of department, central, district, commune", *group)}
		}
	}
	filter, ok := compliance.ParseStatusFilter(*only)
	if !ok {
		return usageError{l.F("--only %q: chọn một trong missing, short, met, unmet", "--only %q: choose one of missing, short, met, unmet", *only)}
	}

	fewerCollections()
	st, c, err := openCampaign(e, y, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := e.ctx
	summary, err := book.Compliance(ctx, st, c, day)
	if err != nil {
		return err
	}
	left, err := st.Uncounted(ctx, c.ID, summary.AsOf)
	if err != nil {
		return err
	}
	rep := report.Status{Campaign: c, Summary: summary, Group: g, Only: filter, Lang: l, Uncounted: left}
	if err := rep.Write(e.stdout, *format); err != nil {
		return lang.Wrap(err, "Không in được báo cáo", "Cannot write the report")
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func statusHelp(e *env) {
	l := e.lang
	fmt.Fprint(e.stdout, l.T(`Cách dùng: cchc status [--campaign NĂM] [--as-of dd/mm/yyyy] [--format text|md|csv|json]
                   [--group NHÓM] [--only missing|short|met|unmet]

In tình hình đăng ký: đợt đăng ký, hạn đăng ký và số ngày còn lại hoặc quá hạn, tổng hợp theo
nhóm, rồi từng cơ quan, đơn vị (đã đăng ký / chỉ tiêu, tình trạng, nộp muộn).

Tùy chọn:
  --campaign NĂM     đợt đăng ký của năm (mặc định: đợt mới nhất)
  --as-of NGÀY       tính đến ngày (mặc định: hôm nay); chỉ tính văn bản nhận trước hoặc trong
                     ngày đó, ví dụ --as-of 24/03/2023 cho "tình hình tại hạn đăng ký"
  --format F         text (mặc định), md, csv (UTF-8 có BOM cho Excel), json
  --group NHÓM       department (sở, ban, ngành), central (cơ quan Trung ương),
                     district (cấp huyện), commune (cấp xã)
  --only T           missing (chưa đăng ký), short (chưa đủ), met (đạt),
                     unmet (chưa đăng ký hoặc chưa đủ)
`, `Usage: cchc status [--campaign YEAR] [--as-of dd/mm/yyyy] [--format text|md|csv|json]
                   [--group GROUP] [--only missing|short|met|unmet]

Prints the registration status: the campaign, its deadline and days left or overdue, totals by
group, then each agency (registered / quota, status, late).

Options:
  --campaign YEAR    the campaign of that year (default: the latest)
  --as-of DATE       as of that day (default: today); only letters received on or before it
                     count, e.g. --as-of 24/03/2023 for "the situation at the deadline"
  --format F         text (default), md, csv (UTF-8 with BOM for Excel), json
  --group GROUP      department, central, district, commune
  --only S           missing, short, met, unmet (missing or short)
`)+"\n"+l.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(l))
}
