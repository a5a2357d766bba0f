// Command cchc is the registration book of administrative-reform models,
// initiatives and good practices: a terminal application for the clerk of a
// provincial Department of Home Affairs. This file wires flags and
// sub-commands; the work is done in internal/ and ui/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"syscall"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/console"
	"cchc/internal/lang"
	"cchc/internal/location"
	"cchc/internal/store"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes: a contract for scripts.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// env is what every command gets: the global options and the streams.
type env struct {
	ctx    context.Context // cancelled by ctrl+c (main)
	db     string
	lang   lang.Lang
	log    *slog.Logger // --log or $CCHC_LOG; discards when neither is set
	stdout io.Writer
	stderr io.Writer
	args   []string // as given, for the log

	logFile *os.File // startLog
	logPath string
	logErr  error // the log named could not be opened

	mu   sync.Mutex // the TUI's work runs in goroutines
	held []string   // notes kept while the TUI has the terminal (hold)
	hold bool
}

// aside tells the clerk of another database's logs moved aside before a
// file was written (store.Options.Aside): at once, or once the TUI is
// closed.
func (e *env) aside(note *lang.Error) {
	msg := "cchc: " + vntext.Text(lang.Message(note, e.lang))
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.hold {
		e.held = append(e.held, msg)
		return
	}
	fmt.Fprintln(e.stderr, msg)
}

// holdNotes keeps the notes of aside until release prints them: the TUI
// has the terminal meanwhile.
func (e *env) holdNotes() (release func()) {
	e.mu.Lock()
	e.hold = true
	e.mu.Unlock()
	return func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		e.hold = false
		for _, msg := range e.held {
			fmt.Fprintln(e.stderr, msg)
		}
		e.held = nil
	}
}

type command struct {
	name    string
	summary func(lang.Lang) string
	run     func(e *env, args []string) error
}

var commands []command

func register(c command) { commands = append(commands, c) }

// usageError is bad usage: exit 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func main() {
	// ctrl+c, or SIGTERM (on Windows also the console window closed),
	// cancels the command's context: a write rolls back, a file being
	// written is not put in place, the TUI closes (it reads a typed
	// ctrl+c as a key)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // a second ctrl+c ends a step that does not listen, as before
	}()
	code := runAndHold(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr)
}

func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{ctx: ctx, stdout: stdout, stderr: stderr, lang: langFromEnv(), log: slog.New(slog.DiscardHandler), args: args}
	defer e.closeLog()
	global := newFlags("cchc", e)
	global.Usage = func() { printMainHelp(e) }
	if err := global.Parse(args); err != nil {
		switch {
		case e.logErr != nil:
			err = e.logErr
		case !errors.Is(err, flag.ErrHelp):
			err = usageError{translateFlagError(err, e.lang) + e.lang.T(" (xem: cchc --help)", " (see: cchc --help)")}
		}
		return finish(e, err)
	}
	if path := os.Getenv("CCHC_LOG"); path != "" && e.logFile == nil {
		// a --log after the command's name replaces it
		if err := e.startLog(path); err != nil {
			return finish(e, err)
		}
	}
	rest := global.Args()
	if len(rest) == 0 {
		return finish(e, runTUI(e))
	}
	name := rest[0]
	if l, ok := langAsked(rest[1:]); ok {
		// a --lang after the command's name speaks from the first word:
		// commands take their language before parsing their own flags
		e.lang = l
	}
	if name == "help" {
		// "help --lang en report" as "help report --lang en": the topic is
		// the first word that is not a global option or its value
		fs := newFlags("help", e)
		topic := rest[1:]
		if err := fs.Parse(topic); err == nil {
			topic = fs.Args()
		}
		if len(topic) > 0 && !strings.HasPrefix(topic[0], "-") {
			return run([]string{"--lang", e.lang.String(), topic[0], "--help"}, stdout, stderr)
		}
		printMainHelp(e)
		return exitOK
	}
	for _, c := range commands {
		if c.name == name {
			return finish(e, c.run(e, rest[1:]))
		}
	}
	return finish(e, usageError{e.lang.F("Không có lệnh %q. Xem: cchc --help", "No command %q. See: cchc --help", name)})
}

func langFromEnv() lang.Lang {
	l, _ := lang.Parse(os.Getenv("CCHC_LANG"))
	return l
}

// finish reports err to the clerk and returns the exit code.
func finish(e *env, err error) int {
	if err == nil {
		e.log.Info("done")
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	e.log.Error("failed", "error", location.Scrub(err, e.secrets()).Error())
	if errors.Is(err, context.Canceled) && e.ctx.Err() != nil {
		// the technical detail went to the log: the clerk only needs this
		err = lang.Errorf("Đã dừng theo yêu cầu (Ctrl+C); việc đang làm dở không được lưu",
			"Stopped on request (Ctrl+C); the work under way was not saved")
	}
	var u usageError
	if errors.As(err, &u) {
		fmt.Fprintln(e.stderr, "cchc: "+vntext.Text(u.msg))
		return exitUsage
	}
	// a message may quote a file name or a value: no escape sequence in it reaches the terminal
	fmt.Fprintln(e.stderr, "cchc: "+vntext.Text(lang.Message(err, e.lang)))
	return exitFailure
}

// newFlags makes a flag set with the global options (--db, --lang, --log),
// which every command accepts before or after its name. Errors are
// translated.
func newFlags(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Func("db", "", func(s string) error {
		// an empty value (--db "$UNSET") must not fall back to the default
		// book: the clerk's work would go into another book than meant
		if strings.TrimSpace(s) == "" {
			return errors.New(e.lang.T("tên tệp dữ liệu hoặc postgres://…", "a database file name or postgres://…"))
		}
		e.db = s
		return nil
	})
	fs.Func("lang", "", func(s string) error {
		l, ok := lang.Parse(s)
		if !ok {
			return errors.New("vi|en")
		}
		e.lang = l
		return nil
	})
	fs.Func("log", "", e.startLog)
	return fs
}

// parse parses a command's flags, printing help for -h and turning Go's
// English flag errors into usage errors in the clerk's language.
func parse(fs *flag.FlagSet, e *env, args []string, help func()) error {
	err := fs.Parse(args)
	if err != nil && e.logErr != nil {
		return e.logErr // in the clerk's words, not the flag package's
	}
	if errors.Is(err, flag.ErrHelp) {
		help()
		return err
	}
	if err != nil {
		return usageError{translateFlagError(err, e.lang) + e.lang.F(" (xem: cchc %s --help)", " (see: cchc %s --help)", fs.Name())}
	}
	if fs.NArg() > 0 {
		return usageError{e.lang.F("Thừa tham số: %s (xem: cchc %s --help)", "Unexpected argument: %s (see: cchc %s --help)",
			strings.Join(fs.Args(), " "), fs.Name())}
	}
	return nil
}

func translateFlagError(err error, l lang.Lang) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return l.F("Không có tùy chọn --%s", "Unknown option --%s", strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-"))
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return l.F("Tùy chọn --%s cần một giá trị", "Option --%s needs a value", strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-"))
	case strings.HasPrefix(msg, "invalid value "):
		// invalid value "x" for flag -lang: vi|en
		rest := strings.TrimPrefix(msg, "invalid value ")
		val, flagPart, _ := strings.Cut(rest, " for flag ")
		name, expect, _ := strings.Cut(flagPart, ": ")
		name = "--" + strings.TrimLeft(name, "-") // options are written --lang
		return l.F("Giá trị %s không hợp lệ cho %s (cần: %s)", "Invalid value %s for %s (expected: %s)", val, name, expect)
	}
	return l.F("Tham số không hợp lệ: %s", "Invalid arguments: %s", msg)
}

// bookLocation is the book named by --db, $CCHC_DB or the default path: a
// SQLite file or a PostgreSQL database.
func bookLocation(e *env) (location.Location, error) {
	path := e.db
	if path == "" {
		path = os.Getenv("CCHC_DB")
	}
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return location.Location{}, err
		}
		path = p
	}
	return location.Parse(path)
}

// openStore opens the book named by --db, $CCHC_DB or the default path.
func openStore(e *env, readOnlyOK bool) (book.Book, error) {
	loc, err := bookLocation(e)
	if err != nil {
		return nil, err
	}
	opt := store.Options{AllowReadOnly: readOnlyOK, FSType: fsType, Aside: e.aside}
	if os.Getenv("CCHC_TODAY") != "" {
		// the book's rules (nothing received in the future) keep the
		// clerk's today of training, as every command reads it; else the
		// store's clock, which goes on past midnight
		day, err := today()
		if err != nil {
			return nil, err
		}
		opt.Today = func() vndate.Date { return day }
	}
	st, err := store.Open(loc.Value, opt)
	if err != nil {
		return nil, err // not a nil *Store in a non-nil Book
	}
	return st, nil
}

// fsType names the file system of a book (nil: the system's answer);
// tests pretend a network share with it.
var fsType func(path string) (string, error)

// openCampaign opens the book and finds the campaign of year (the latest
// when 0); on success the caller closes the store.
func openCampaign(e *env, year int, readOnlyOK bool) (book.Book, campaign.Campaign, error) {
	st, err := openStore(e, readOnlyOK)
	if err != nil {
		return nil, campaign.Campaign{}, err
	}
	c, err := st.Campaign(e.ctx, year)
	if err != nil {
		st.Close()
		return nil, campaign.Campaign{}, err
	}
	return st, c, nil
}

// openYear is openCampaign on the year given to --campaign (the latest
// when empty): a bad year is told before the book is opened.
func openYear(e *env, year string, readOnlyOK bool) (book.Book, campaign.Campaign, error) {
	y, err := yearFlag(e.lang, year)
	if err != nil {
		return nil, campaign.Campaign{}, err
	}
	return openCampaign(e, y, readOnlyOK)
}

func printMainHelp(e *env) {
	l := e.lang
	var b strings.Builder
	b.WriteString(l.T(
		"cchc — sổ theo dõi đăng ký mô hình, sáng kiến, cách làm hay trong cải cách hành chính\n\n",
		"cchc — register of administrative-reform models, initiatives and good practices\n\n"))
	b.WriteString(l.T("Cách dùng:\n", "Usage:\n"))
	b.WriteString(l.T("  cchc [--db TỆP] [--lang vi|en]            mở giao diện làm việc\n",
		"  cchc [--db FILE] [--lang vi|en]           open the application\n"))
	b.WriteString(l.T("  cchc [--db TỆP] [--lang vi|en] LỆNH ...    chạy một lệnh\n\n",
		"  cchc [--db FILE] [--lang vi|en] COMMAND … run a command\n\n"))
	b.WriteString(l.T("Lệnh:\n", "Commands:\n"))
	for _, c := range helpOrder(commands) {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary(l))
	}
	fmt.Fprintf(&b, "  %-10s %s\n", "help", l.T("hướng dẫn một lệnh: cchc help LỆNH", "help on a command: cchc help COMMAND"))
	b.WriteString(l.T("\nTùy chọn chung (đặt trước hoặc sau LỆNH):\n", "\nGlobal options (before or after COMMAND):\n"))
	b.WriteString(globalOptionsHelp(l))
	fmt.Fprint(e.stdout, b.String())
}

// helpOrder lists the commands in the order a clerk needs them: daily work
// first, upkeep after.
func helpOrder(cmds []command) []command {
	order := []string{"status", "report", "import", "template", "campaign", "history", "undo", "backup", "copy", "check", "demo", "version"}
	rank := func(name string) int {
		for i, n := range order {
			if n == name {
				return i
			}
		}
		return len(order)
	}
	out := append([]command(nil), cmds...)
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i].name) < rank(out[j].name) })
	return out
}

func globalOptionsHelp(l lang.Lang) string {
	// variables as the clerk's system writes them: %CCHC_DB% on Windows
	db, lg, lf := console.EnvVar("CCHC_DB"), console.EnvVar("CCHC_LANG"), console.EnvVar("CCHC_LOG")
	return l.F(
		"  --db TỆP        tệp dữ liệu (mặc định: %s, nếu không có thì cchc.db trong thư mục cấu hình\n"+
			"                  của người dùng; được tạo với đợt đăng ký 2023 của tỉnh Hà Tĩnh khi chưa có),\n"+
			"                  hoặc sổ dùng chung trên PostgreSQL: postgres://NGƯỜI-DÙNG@MÁY-CHỦ/CSDL\n"+
			"  --lang vi|en    ngôn ngữ hiển thị (mặc định: vi; hoặc %s)\n"+
			"  --log TỆP       ghi nhật ký (lệnh, phiên bản, lỗi kèm chi tiết kỹ thuật, không có mật khẩu)\n"+
			"                  vào TỆP để gửi người hỗ trợ khi có sự cố (hoặc %s)\n",
		"  --db FILE       database file (default: %s, else cchc.db in the user's config folder;\n"+
			"                  created with Hà Tĩnh's 2023 campaign when missing), or a shared book\n"+
			"                  on PostgreSQL: postgres://USER@HOST/DATABASE\n"+
			"  --lang vi|en    display language (default: vi; or %s)\n"+
			"  --log FILE      write a log (command, version, errors with technical detail, no password)\n"+
			"                  to FILE to send to support when something goes wrong (or %s)\n", db, lg, lf)
}

func init() {
	register(command{
		name:    "version",
		summary: func(l lang.Lang) string { return l.T("phiên bản chương trình", "program version") },
		run: func(e *env, args []string) error {
			fs := newFlags("version", e)
			if err := parse(fs, e, args, func() {
				fmt.Fprint(e.stdout, e.lang.T("Cách dùng: cchc version\n\nIn phiên bản chương trình, commit mã nguồn và lược đồ dữ liệu, và sổ dữ liệu các lệnh khác mở.\n",
					"Usage: cchc version\n\nPrints the program version, its source commit and the database schema version, and the book the other commands open.\n"))
			}); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "cchc %s (%s %d)\n", version, e.lang.T("lược đồ dữ liệu", "schema"), store.SchemaVersion())
			rev := buildCommit(debug.ReadBuildInfo())
			if rev == "" {
				rev = e.lang.T("không rõ", "unknown")
			}
			fmt.Fprintf(e.stdout, "commit: %s\n", rev)
			// which book the other commands would open, its password hidden
			if loc, err := bookLocation(e); err == nil {
				fmt.Fprintf(e.stdout, "%s: %s\n", e.lang.T("sổ dữ liệu", "book"), vntext.Line(loc.String()))
			}
			return nil
		},
	})
}
