package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ctrl+c cancels main's context: a cancelled import or report writes
// nothing, says so in the clerk's language and exits 1.
func TestCancelledCommandWritesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "so.db")
	output(t, "--db", db, "status") // the book, with its default campaign
	before := output(t, "--db", db, "status", "--format", "json", "--as-of", "25/03/2023")
	csv := write(t, filepath.Join(dir, "ok.csv"), []byte(goodCSV))
	report := filepath.Join(dir, "bao-cao.md")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{
		importArgs(db, csv),
		{"--db", db, "report", "status", "--format", "md", "-o", report},
	} {
		var out, errs bytes.Buffer
		code := runContext(ctx, args, &out, &errs)
		if code != exitFailure || !strings.Contains(errs.String(), "Đã dừng theo yêu cầu (Ctrl+C)") {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs.String())
		}
	}
	if after := output(t, "--db", db, "status", "--format", "json", "--as-of", "25/03/2023"); after != before {
		t.Errorf("the cancelled import changed the book:\n%s\n%s", before, after)
	}
	if _, err := os.Stat(report); !os.IsNotExist(err) {
		t.Errorf("the cancelled report was written: %v", err)
	}
}

// The log names the command and the version and keeps a failure's
// technical detail, never the password given in --db; --log is a global
// option like --db and --lang, before or after the command's name.
func TestLogRecordsFailuresWithoutPassword(t *testing.T) {
	logPath := filepath.Join(t.TempDir(), "cchc.log")
	const password = "S3cr3tPW-log"
	dsn := "postgres://cchc:" + password + "@127.0.0.1:1/cchc?connect_timeout=1"
	for _, args := range [][]string{
		{"--log", logPath, "--db", dsn, "status"},
		{"status", "--db", dsn, "--log", logPath},
	} {
		if err := os.Remove(logPath); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		code, _, errs := cchc(t, args...)
		if code != exitFailure {
			t.Fatalf("%q on no server: exit %d, %s", args, code, errs)
		}
		data, err := os.ReadFile(logPath)
		if err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		log := string(data)
		if strings.Contains(log, password) {
			t.Fatalf("the log shows the password:\n%s", log)
		}
		for _, want := range []string{"msg=start", "version=" + version, "status", "msg=failed", "127.0.0.1"} {
			if !strings.Contains(log, want) {
				t.Errorf("%q: the log lacks %q:\n%s", args, want, log)
			}
		}
	}

	// $CCHC_LOG is the same log; a log that cannot be opened is a clear refusal
	t.Setenv("CCHC_LOG", logPath)
	output(t, "version")
	if data, err := os.ReadFile(logPath); err != nil || strings.Count(string(data), "msg=start") != 2 {
		t.Errorf("CCHC_LOG did not log: %v\n%s", err, data)
	}
	code, _, errs := cchc(t, "--log", filepath.Join(t.TempDir(), "no", "such", "x.log"), "version")
	if code != exitFailure || !strings.Contains(errs, "Không mở được tệp nhật ký") {
		t.Errorf("bad log path: exit %d, %s", code, errs)
	}
}

// A --log after the command's name takes over from $CCHC_LOG, which says
// where the log went; one that cannot be opened is the same clear refusal
// as before the name.
func TestLogAfterTheCommandName(t *testing.T) {
	dir := t.TempDir()
	envLog, flagLog := filepath.Join(dir, "env.log"), filepath.Join(dir, "flag.log")
	t.Setenv("CCHC_LOG", envLog)
	output(t, "version", "--log="+flagLog)
	if data, err := os.ReadFile(flagLog); err != nil || !strings.Contains(string(data), "msg=start") || !strings.Contains(string(data), "msg=done") {
		t.Errorf("--log after the name did not log: %v\n%s", err, data)
	}
	if data, err := os.ReadFile(envLog); err != nil || !strings.Contains(string(data), "msg=continued") || !strings.Contains(string(data), "flag.log") || strings.Contains(string(data), "msg=done") {
		t.Errorf("$CCHC_LOG does not say where the log went: %v\n%s", err, data)
	}
	t.Setenv("CCHC_LOG", "")

	for _, args := range [][]string{
		{"version", "--log", filepath.Join(dir, "no", "such", "x.log")},
		{"agency", "list", "--log", filepath.Join(dir, "no", "such", "x.log")},
	} {
		code, _, errs := cchc(t, args...)
		if code != exitFailure || !strings.Contains(errs, "Không mở được tệp nhật ký") {
			t.Errorf("%q: exit %d, %s", args, code, errs)
		}
	}
	code, _, errs := cchc(t, "version", "--log")
	if code != exitUsage || !strings.Contains(errs, "Tùy chọn --log cần một giá trị") {
		t.Errorf("--log without a file: exit %d, %s", code, errs)
	}
}
