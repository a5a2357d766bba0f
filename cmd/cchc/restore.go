package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"cchc/internal/book"
	"cchc/internal/lang"
	"cchc/internal/location"
	"cchc/internal/store"
)

func init() {
	register(command{
		name: "restore",
		summary: func(l lang.Lang) string {
			return l.T("khôi phục sổ dữ liệu từ một bản sao lưu: cchc restore BẢN-SAO-LƯU", "take the book back to a backup: cchc restore BACKUP")
		},
		run: runRestore,
	})
}

func runRestore(e *env, args []string) error {
	flags := newFlags("restore", e)
	help := func() { restoreHelp(e) }
	names, err := parseNames(flags, e, args, help)
	if err != nil {
		return err
	}
	if len(names) != 1 {
		return usageError{e.lang.T("Cần một tham số: cchc restore BẢN-SAO-LƯU (xem: cchc restore --help)",
			"Expected one argument: cchc restore BACKUP (see: cchc restore --help)")}
	}
	loc, err := bookLocation(e)
	if err != nil {
		return err
	}
	ctx := e.ctx
	var done book.Restored
	if _, statErr := os.Stat(loc.Value); location.IsPostgres(loc.Value) || errors.Is(statErr, fs.ErrNotExist) {
		// no book there yet: an empty database, or a file deleted
		var counts store.Counts
		done, counts, err = store.RestoreInto(ctx, names[0], loc.Value, store.Options{FSType: fsType})
		if err != nil {
			return lang.Wrap(err, "Chưa khôi phục được sổ dữ liệu %s", "The book %s was not restored", loc)
		}
		fmt.Fprintln(e.stdout, e.lang.F("Đã khôi phục sổ dữ liệu %s từ bản sao lưu %s: %s.", "Restored the book %s from the backup %s: %s.",
			loc, done.From, copied(e.lang, counts)))
		return nil
	}
	st, err := store.Open(loc.Value, store.Options{MustExist: true, FSType: fsType})
	if err != nil {
		return err
	}
	defer st.Close()
	if done, err = st.RestoreBackup(ctx, names[0]); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.lang.F("Đã khôi phục sổ dữ liệu %s từ bản sao lưu %s. Sổ trước khi khôi phục được sao lưu vào %s (mở lại được bằng: cchc restore %s).",
		"Restored the book %s from the backup %s. The book as it was before was backed up to %s (to go back to it: cchc restore %s).",
		st.Path(), done.From, done.Saved, done.Saved))
	return nil
}

func restoreHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.T(`Cách dùng: cchc restore BẢN-SAO-LƯU

Đưa sổ dữ liệu (--db) về đúng như trong BẢN-SAO-LƯU, một tệp do cchc backup
tạo ra. Bản sao lưu được kiểm tra trước (là sổ cchc, không hỏng, không mới
hơn chương trình). Sổ hiện tại được sao lưu bên cạnh trước khi thay
(TÊN-before-restore-NGÀY.db); nội dung được thay trong một giao dịch, nên nếu
có lỗi sổ vẫn như cũ. Lịch sử thay đổi ghi lại việc khôi phục. Không khôi phục
khi sổ đang mở ở chương trình khác: hãy đóng các cửa sổ cchc đang dùng sổ.

Đừng bao giờ chép đè tệp sao lưu lên tệp dữ liệu: chương trình đang mở sổ sẽ
ghi lẫn vào tệp đó và làm hỏng nó. Hãy dùng lệnh này.

Với sổ dùng chung trên PostgreSQL, bản sao lưu được khôi phục vào một cơ sở
dữ liệu trống (tạo mới trước); với một tệp chưa có, tệp được tạo.
`, `Usage: cchc restore BACKUP

Takes the book (--db) back to exactly what BACKUP holds, a file made by cchc
backup. The backup is checked first (a cchc book, not damaged, not newer than
this program). The book as it is is backed up beside it before it is replaced
(NAME-before-restore-DATE.db); its content is replaced in one transaction, so
on an error it stays as it was. The history records the restore. Refused while
the book is open in another program: close the cchc windows using it.

Never copy a backup over the database file: a program that has the book open
writes into that file and damages it. Use this command.

A shared book on PostgreSQL is restored into an empty database (create it
first); a file that is not there is created.
`))
	fmt.Fprint(e.stdout, "\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}
