package main

import (
	"fmt"

	"cchc/internal/lang"
	"cchc/internal/location"
)

func init() {
	register(command{
		name:    "backup",
		summary: func(l lang.Lang) string { return l.T("sao lưu sổ dữ liệu", "back up the book") },
		run:     runBackup,
	})
	register(command{
		name: "check",
		summary: func(l lang.Lang) string {
			return l.T("kiểm tra sổ dữ liệu có hỏng không", "check the book for damage")
		},
		run: runCheck,
	})
}

func runBackup(e *env, args []string) error {
	fs := newFlags("backup", e)
	help := func() { backupHelp(e) }
	// one optional file name, with the options before or after it
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		if err := parse(fs, e, args, help); err != nil {
			return err
		}
	}
	dest := ""
	if fs.NArg() > 0 {
		dest = fs.Arg(0)
		if err := parse(fs, e, fs.Args()[1:], help); err != nil {
			return err
		}
	}
	st, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if dest == "" {
		dest = st.DefaultBackupPath()
	}
	path, err := st.Backup(e.ctx, dest)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.lang.F("Đã sao lưu vào %s", "Backed up to %s", path))
	return nil
}

func backupHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.T(`Cách dùng: cchc backup [TỆP]

Sao lưu toàn bộ sổ dữ liệu vào tệp SQLite TỆP. Mặc định là một tệp có ngày
bên cạnh tệp dữ liệu, ví dụ cchc-backup-2023-04-05.db; với sổ dùng chung trên
PostgreSQL, một tệp trong thư mục cấu hình mang tên cơ sở dữ liệu và máy chủ,
ví dụ postgres-cchc@may-chu-backup-2023-04-05.db, để không lẫn với bản sao lưu
sổ riêng của máy. Sao lưu an toàn cả khi người khác đang mở chương trình; tệp
sao lưu chỉ người dùng hiện tại đọc được (0600) và không bao giờ ghi đè tệp
đã có. Mở bản sao lưu bằng: cchc --db TỆP
`, `Usage: cchc backup [FILE]

Backs the whole book up to FILE, a SQLite file. By default, a dated file beside
the database file, e.g. cchc-backup-2023-04-05.db; for a shared book on
PostgreSQL, a file in the configuration folder named after the database and
its server, e.g. postgres-cchc@server-backup-2023-04-05.db, so that it is not
taken for a backup of the PC's own book. Safe while others have the program
open; the backup is readable by the current user only (0600) and never
overwrites an existing file. Open a backup with: cchc --db FILE
`))
	fmt.Fprint(e.stdout, "\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}

func runCheck(e *env, args []string) error {
	fs := newFlags("check", e)
	if err := parse(fs, e, args, func() { checkHelp(e) }); err != nil {
		return err
	}
	st, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer st.Close()
	l := e.lang
	problems, err := st.Check(e.ctx)
	if err != nil {
		return err
	}
	shared := location.IsPostgres(st.Path()) // no file: the server keeps its storage and keys
	if len(problems) == 0 && shared {
		fmt.Fprintln(e.stdout, l.F("%s: ổn (các quy tắc nghiệp vụ đều đúng; khóa ngoại do máy chủ PostgreSQL bảo đảm)",
			"%s: ok (the domain's rules all hold; foreign keys are kept by the PostgreSQL server)", st.Path()))
		return nil
	}
	if len(problems) == 0 {
		fmt.Fprintln(e.stdout, l.F("%s: ổn (toàn vẹn tệp, khóa ngoại và các quy tắc nghiệp vụ đều đúng)",
			"%s: ok (file integrity, foreign keys and the domain's rules all hold)", st.Path()))
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(e.stdout, "- "+l.T(p.VI, p.EN))
	}
	found := l.Count(len(problems), "vấn đề", "problem", "problems")
	if shared {
		return lang.Errorf("%s: có %s (xem danh sách trên): sửa các mục đó trong ứng dụng, hoặc báo người quản trị",
			"%s: %s (listed above): mend those records in the application, or tell the administrator", st.Path(), found)
	}
	return lang.Errorf("%s: có %s (xem danh sách trên): sửa các mục đó trong ứng dụng; nếu tệp hỏng (integrity_check, khóa ngoại), mở bản sao lưu gần nhất hoặc báo người quản trị",
		"%s: %s (listed above): mend those records in the application; if the file is damaged (integrity_check, foreign keys), open the latest backup or tell the administrator", st.Path(), found)
}

func checkHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.T(`Cách dùng: cchc check

Kiểm tra sổ dữ liệu: với tệp SQLite, toàn vẹn của tệp (integrity_check) và
khóa ngoại (foreign_key_check); với mọi sổ, các quy tắc nghiệp vụ (xã thuộc huyện hoặc trực
thuộc tỉnh, đơn vị chủ trì là cơ quan gửi hoặc xã của cơ quan đó, không có
văn bản rỗng, chỉ tiêu phấn đấu không thấp hơn bắt buộc, ngày có thật…). Mã thoát 1 khi có vấn đề.
`, `Usage: cchc check

Checks the book: for a SQLite file, its integrity (integrity_check) and foreign
keys (foreign_key_check); for every book, the domain's rules (communes under a district or
directly under the province, lead unit is the sender or one of its communes,
no empty letter, target not below the requirement, real dates…). Exit code 1 when there is a problem.
`))
	fmt.Fprint(e.stdout, "\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}
