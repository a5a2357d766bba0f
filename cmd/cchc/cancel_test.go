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
// technical detail, never the password given in --db.
func TestLogRecordsFailuresWithoutPassword(t *testing.T) {
	logPath := filepath.Join(t.TempDir(), "cchc.log")
	const password = "S3cr3tPW-log"
	dsn := "postgres://cchc:" + password + "@127.0.0.1:1/cchc?connect_timeout=1"
	code, _, errs := cchc(t, "--log", logPath, "--db", dsn, "status")
	if code != exitFailure {
		t.Fatalf("status on no server: exit %d, %s", code, errs)
	}
	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	if strings.Contains(log, password) {
		t.Fatalf("the log shows the password:\n%s", log)
	}
	for _, want := range []string{"msg=start", "version=" + version, "status", "msg=failed", "127.0.0.1"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}

	// $CCHC_LOG is the same log; a log that cannot be opened is a clear refusal
	t.Setenv("CCHC_LOG", logPath)
	output(t, "version")
	if data, err := os.ReadFile(logPath); err != nil || strings.Count(string(data), "msg=start") != 2 {
		t.Errorf("CCHC_LOG did not log: %v\n%s", err, data)
	}
	code, _, errs = cchc(t, "--log", filepath.Join(t.TempDir(), "no", "such", "x.log"), "version")
	if code != exitFailure || !strings.Contains(errs, "Không mở được tệp nhật ký") {
		t.Errorf("bad log path: exit %d, %s", code, errs)
	}
}
