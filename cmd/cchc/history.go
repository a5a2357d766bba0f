package main

import (
	"fmt"
	"strconv"
	"strings"

	"cchc/internal/book"
	"cchc/internal/console"
	"cchc/internal/lang"
	"cchc/internal/vntext"
)

func init() {
	register(command{
		name: "history",
		summary: func(l lang.Lang) string {
			return l.T("lịch sử thay đổi: ai, khi nào, sửa gì", "history of changes: who, when, what")
		},
		run: runHistory,
	})
	register(command{
		name: "undo",
		summary: func(l lang.Lang) string {
			return l.T("hoàn tác một thay đổi theo số trong lịch sử", "undo a change by its number in the history")
		},
		run: runUndo,
	})
}

// runUndo undoes change #N of `cchc history`, as u does in the
// application: refused, changing nothing, when what it changed was
// changed again since.
func runUndo(e *env, args []string) error {
	fs := newFlags("undo", e)
	if len(args) > 0 && negativeNumber(args[0]) {
		// not an option: flag would call "-1" an unknown option "--1"
		return usageError{e.lang.F("%q không phải số thay đổi: số thay đổi là số dương ở cột đầu của cchc history (ví dụ: 42 hoặc #42)",
			"%q is not a change number: change numbers are the positive numbers in the first column of cchc history (e.g. 42 or #42)", args[0])}
	}
	arg, err := parseWithArg(fs, e, args, func() { undoHelp(e) })
	if err != nil {
		return err
	}
	l := e.lang
	if arg == "" {
		return usageError{l.T("Cần số của thay đổi, ví dụ: cchc undo 42 (số ở cột đầu của cchc history)",
			"Expected the change's number, e.g. cchc undo 42 (the number in the first column of cchc history)")}
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(arg), "#"), 10, 64)
	if err != nil || id <= 0 {
		return usageError{l.F("%q không phải số thay đổi (ví dụ: 42 hoặc #42)", "%q is not a change number (e.g. 42 or #42)", arg)}
	}
	st, err := openStore(e, false)
	if err != nil {
		return err
	}
	defer st.Close()
	undone, err := st.Undo(e.ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, l.F("Đã hoàn tác thay đổi #%d: %s", "Undid change #%d: %s", id, undone.Summary(l)))
	return nil
}

// negativeNumber reports "-1", "-42": a change number typed with a minus.
func negativeNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil && strings.HasPrefix(s, "-")
}

func undoHelp(e *env) {
	l := e.lang
	fmt.Fprint(e.stdout, l.T(`Cách dùng: cchc undo SỐ

Hoàn tác thay đổi có số SỐ trong cchc history (như phím u trong ứng dụng): trả mọi
bản ghi nó đã thêm, sửa, xóa về như trước, trong một giao dịch, và ghi việc hoàn
tác vào lịch sử (hoàn tác được cả việc hoàn tác). Nếu người khác đã sửa tiếp những
bản ghi đó, việc hoàn tác bị từ chối và không có gì thay đổi.
`, `Usage: cchc undo NUMBER

Undoes change NUMBER of cchc history (like u in the application): puts back every
record it added, edited or deleted, in one transaction, and records the undo in the
history (an undo can be undone too). If someone changed those records again since,
the undo is refused and nothing changes.
`)+"\n"+l.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(l))
}

func runHistory(e *env, args []string) error {
	fs := newFlags("history", e)
	agency := fs.String("agency", "", "")
	limit := fs.String("limit", "50", "")
	if err := parse(fs, e, args, func() { historyHelp(e) }); err != nil {
		return err
	}
	l := e.lang
	n, err := strconv.Atoi(strings.TrimSpace(*limit))
	if err != nil || n < 0 {
		return usageError{l.F("--limit %q: cần một số không âm (0 = tất cả)", "--limit %q: expected a number, 0 or more (0 = all)", *limit)}
	}
	st, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer st.Close()
	changes, err := st.History(e.ctx, book.HistoryQuery{Agency: *agency, Limit: n})
	if err != nil {
		return err
	}
	if len(changes) == 0 {
		fmt.Fprintln(e.stdout, l.T("Chưa có thay đổi nào được ghi lại.", "No change recorded yet."))
		return nil
	}
	for _, c := range changes {
		fmt.Fprintln(e.stdout, historyLine(c, l))
	}
	return nil
}

// historyLine is one change: "#12  05/04/2023 09:00  lan  Sửa …".
func historyLine(c book.Change, l lang.Lang) string {
	// Who and Summary come cleaned of control characters by the store.
	line := fmt.Sprintf("#%-5d %s  %s  %s", c.ID, c.At.Local().Format("02/01/2006 15:04"), vntext.Pad(vntext.Truncate(c.Who, 12), 12), c.Summary(l))
	if c.UndoneBy != 0 {
		line += l.F("  (đã hoàn tác ở #%d)", "  (undone by #%d)", c.UndoneBy)
	}
	return line
}

func historyHelp(e *env) {
	fmt.Fprint(e.stdout, e.lang.F(`Cách dùng: cchc history [--agency TÊN] [--limit N]

In lịch sử thay đổi, mới nhất trước: số thứ tự, lúc nào, ai (biến %[1]s hoặc
tên người dùng của máy), và thay đổi gì (giá trị cũ → mới). Mọi thao tác thêm,
sửa, xóa, nhập từ tệp, hoàn tác, khôi phục đều được ghi trong cùng giao dịch.

  --agency TÊN   chỉ các thay đổi liên quan đến cơ quan có tên này (không cần dấu)
  --limit N      số thay đổi tối đa (mặc định 50; 0 = tất cả)
`, `Usage: cchc history [--agency NAME] [--limit N]

Prints the history of changes, newest first: number, when, who (%[1]s or
the OS user name) and what (old → new values). Every add, edit, delete, import,
undo and restore is recorded in the same transaction.

  --agency NAME  only changes concerning agencies of that name (accents optional)
  --limit N      at most N changes (default 50; 0 = all)
`, console.EnvVar("CCHC_USER")))
	fmt.Fprint(e.stdout, "\n"+e.lang.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(e.lang))
}
