package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/campaign"
	"cchc/internal/demo"
	"cchc/internal/demo/demotest"
	"cchc/internal/lang"
	"cchc/internal/store"
)

// Speed targets at national scale (issue 7; figures in BENCHMARKS.md).
// The whole-process benchmarks run the real binary, built once, and report
// its peak resident memory as MB-peak-rss.

func TestMain(m *testing.M) {
	code := m.Run()
	demotest.Cleanup()
	os.Exit(code)
}

// nationalAsOf is a day after every letter of the latest national campaign.
const nationalAsOf = "30/04/2024"

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// cchcBinary builds the program once for the process benchmarks.
func cchcBinary(b *testing.B) string {
	b.Helper()
	buildOnce.Do(func() {
		binary = filepath.Join(demotest.Dir(b), "cchc")
		out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("%v: %s", err, out)
		}
	})
	if buildErr != nil {
		b.Fatal(buildErr)
	}
	return binary
}

// runProcess runs a command b.N times and reports its peak memory.
func runProcess(b *testing.B, name string, args ...string) {
	b.Helper()
	var peak int64
	for b.Loop() {
		cmd := exec.Command(name, args...)
		cmd.Env = append(os.Environ(), "CCHC_TODAY="+nationalAsOf)
		cmd.Stdout = io.Discard
		out, err := cmd.StderrPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		msg, _ := io.ReadAll(out)
		if err := cmd.Wait(); err != nil {
			b.Fatalf("%v: %s", err, msg)
		}
		peak = max(peak, peakRSS(cmd.ProcessState))
	}
	if peak > 0 {
		b.ReportMetric(float64(peak)/1024, "MB-peak-rss")
	}
}

// `cchc status --format json`, the whole process: target ≤ 300 ms and at
// most 1.5× BenchmarkStatusSQLite3.
func BenchmarkStatusProcess(b *testing.B) {
	db := demotest.Book(b, demo.National)
	runProcess(b, cchcBinary(b), "--db", db, "status", "--format", "json", "--as-of", nationalAsOf)
}

// The same judgement as a hand-written GROUP BY run by the stock sqlite3
// tool (testdata/status.sql), for comparison.
func BenchmarkStatusSQLite3(b *testing.B) { runSQLite3(b, "testdata/status.sql") }

// The same with the registrations of each letter read from the tally the
// store keeps since schema 5 (testdata/status-tally.sql), as cchc does.
func BenchmarkStatusSQLite3Tally(b *testing.B) { runSQLite3(b, "testdata/status-tally.sql") }

// runSQLite3 runs a query file with the stock sqlite3 tool on the national book.
func runSQLite3(b *testing.B, file string) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("no sqlite3 tool on this machine")
	}
	db := demotest.Book(b, demo.National)
	runProcess(b, sqlite3, "-json", db, ".read "+file)
}

// `cchc status --format json` in process: the part of the above that is ours.
func BenchmarkStatusInProcess(b *testing.B) {
	db := demotest.Book(b, demo.National)
	for b.Loop() {
		if code := run([]string{"--db", db, "status", "--format", "json", "--as-of", nationalAsOf}, io.Discard, io.Discard); code != 0 {
			b.Fatal("exit", code)
		}
	}
}

// `cchc report registrations` of 200,000 rows: xlsx ≤ 8 s and ≤ 250 MB,
// csv ≤ 1.5 s.
func BenchmarkReportRegistrationsXLSX(b *testing.B) {
	db := demotest.Book(b, demo.National)
	out := filepath.Join(demotest.Dir(b), "registrations.xlsx")
	runProcess(b, cchcBinary(b), "--db", db, "report", "registrations", "--format", "xlsx", "-o", out, "--force")
}

func BenchmarkReportRegistrationsCSV(b *testing.B) {
	db := demotest.Book(b, demo.National)
	out := filepath.Join(demotest.Dir(b), "registrations.csv")
	runProcess(b, cchcBinary(b), "--db", db, "report", "registrations", "--format", "csv", "-o", out, "--force")
}

// Importing a 10,000-row xlsx (one district's list, its communes leading
// many rows) into a copy of the national book: target ≤ 5 s.
func BenchmarkImportXLSX10k(b *testing.B) {
	db := demotest.Book(b, demo.National)
	dir := demotest.Dir(b)
	file := filepath.Join(dir, "import-10k.xlsx")
	district := writeImportFile(b, file, 10_000)
	bin := cchcBinary(b)
	copyDB := filepath.Join(dir, "import.db")
	var peak int64
	for b.Loop() {
		b.StopTimer()
		copyFile(b, db, copyDB)
		b.StartTimer()
		cmd := exec.Command(bin, "--db", copyDB, "import", "registrations", file, "--agency", district, "--received", "20/03/2024")
		cmd.Env = append(os.Environ(), "CCHC_TODAY="+nationalAsOf)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		peak = max(peak, peakRSS(cmd.ProcessState))
	}
	b.StopTimer()
	os.Remove(copyDB)
	if peak > 0 {
		b.ReportMetric(float64(peak)/1024, "MB-peak-rss")
	}
}

// writeImportFile writes n registrations of one district of the national
// book in the template's columns and returns the district's name.
func writeImportFile(b *testing.B, path string, n int) string {
	b.Helper()
	st, err := store.Open(demotest.Book(b, demo.National), store.Options{AllowReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	c, err := st.Campaign(ctx, 0)
	if err != nil {
		b.Fatal(err)
	}
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		b.Fatal(err)
	}
	var district campaign.Agency
	var leads []string
	for _, a := range agencies {
		if a.Group == campaign.District && district.ID == 0 {
			district = a
			leads = append(leads, a.Name)
		}
	}
	for _, a := range agencies {
		if a.ParentID == district.ID {
			leads = append(leads, a.Name)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	sh := f.GetSheetName(0)
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		b.Fatal(err)
	}
	row := func(r int, cells ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, cells); err != nil {
			b.Fatal(err)
		}
	}
	var header []any
	for _, col := range campaign.RegistrationColumns {
		header = append(header, col.Label(lang.VI))
	}
	row(1, header...)
	for i := range n {
		kind, area := campaign.Kinds[i%len(campaign.Kinds)], campaign.Areas[i%len(campaign.Areas)]
		row(i+2, i+1, fmt.Sprintf("Số hóa hồ sơ thủ tục hành chính, bước %d", i+1), kind.Label(lang.VI), area.Label(lang.VI),
			leads[i%len(leads)], "Văn phòng HĐND và UBND huyện", "Quý II/2024", "100% hồ sơ được giải quyết đúng hạn", "")
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return district.Name
}

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		b.Fatal(err)
	}
	os.Remove(to + "-wal")
	os.Remove(to + "-shm")
}
