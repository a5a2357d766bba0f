package main

import (
	"fmt"
	"strings"

	"cchc/internal/lang"
	"cchc/internal/location"
	"cchc/internal/store"
)

func init() {
	register(command{
		name: "copy",
		summary: func(l lang.Lang) string {
			return l.T("chép cả sổ sang tệp hoặc cơ sở dữ liệu mới: cchc copy TỪ SANG", "copy a whole book to a new file or database: cchc copy FROM TO")
		},
		run: runCopy,
	})
}

func runCopy(e *env, args []string) error {
	fs := newFlags("copy", e)
	help := func() { copyHelp(e) }
	// two places, with the options before, between or after them
	places, err := parseNames(fs, e, args, help)
	if err != nil {
		return err
	}
	if len(places) != 2 {
		return usageError{e.lang.T("Cần hai tham số: cchc copy TỪ SANG (xem: cchc copy --help)",
			"Expected two arguments: cchc copy FROM TO (see: cchc copy --help)")}
	}
	from, err := location.Parse(places[0])
	if err != nil {
		return err
	}
	to, err := location.Parse(places[1])
	if err != nil {
		return err
	}
	src, err := store.Open(from.Value, store.Options{AllowReadOnly: true, MustExist: true, FSType: fsType})
	if err != nil {
		return err
	}
	defer src.Close()
	counts, err := store.Copy(e.ctx, src, to.Value, store.Options{FSType: fsType, Aside: e.aside})
	if err != nil {
		return lang.Wrap(err, "Chưa chép được sổ dữ liệu sang %s", "The book was not copied to %s", to)
	}
	fmt.Fprintln(e.stdout, e.lang.F("Đã chép sổ dữ liệu %s sang %s: %s.", "Copied the book %s to %s: %s.", from, to, copied(e.lang, counts)))
	return nil
}

// copied says what a copy wrote, in the clerk's words.
func copied(l lang.Lang, c store.Counts) string {
	parts := []string{
		l.Count(c["campaign"], "đợt đăng ký", "campaign", "campaigns"),
		l.Count(c["agency"], "cơ quan, đơn vị", "agency", "agencies"),
		l.Count(c["submission"], "văn bản", "letter", "letters"),
		l.Count(c["registration"], "mô hình, sáng kiến", "registration", "registrations"),
		l.Count(c["progress"], "bước tiến độ", "step of progress", "steps of progress"),
		l.Count(c["history"], "thay đổi trong lịch sử", "change in the history", "changes in the history"),
	}
	return strings.Join(parts, l.T("; ", ", "))
}

func copyHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.T(`Cách dùng: cchc copy TỪ SANG

Chép cả sổ dữ liệu TỪ (tệp SQLite hoặc postgres://…) sang SANG: một tệp chưa
có, hoặc một cơ sở dữ liệu PostgreSQL trống. Chép mọi đợt đăng ký, cơ quan,
văn bản, mô hình, tiến độ và cả lịch sử thay đổi, giữ nguyên số hiệu, nên
hoàn tác và thùng rác vẫn dùng được. Chép trong một giao dịch: nếu có lỗi,
SANG không có sổ nào. Không bao giờ chép đè lên một sổ đã có.

Ví dụ, chuyển sổ của văn phòng lên máy chủ dùng chung (một lần):
  cchc copy cchc.db postgres://cchc@may-chu/cchc
`, `Usage: cchc copy FROM TO

Copies the whole book FROM (a SQLite file or postgres://…) to TO: a file that
does not exist yet, or an empty PostgreSQL database. Every campaign, agency,
letter, registration, step of progress and the whole history of changes are
copied with their numbers, so undo and the trash keep working. One
transaction: on failure TO holds no book. Never copies over a book.

For example, moving the office's book to the shared server (once):
  cchc copy cchc.db postgres://cchc@server/cchc
`))
	fmt.Fprint(e.stdout, "\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}
