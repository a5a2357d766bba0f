package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/campaign"
	"cchc/internal/demo"
	"cchc/internal/demo/demotest"
	"cchc/internal/lang"
	"cchc/internal/store"
	"cchc/internal/tooltest"
	"cchc/internal/vntext"
)

// Speed targets at national scale (issue 7; figures in docs/performance.md).
// The whole-process benchmarks run the real binary, built once, and report
// its peak resident memory as MB-peak-rss.

func TestMain(m *testing.M) {
	if argv := os.Getenv(launchEnv); argv != "" {
		os.Exit(launch(strings.Split(argv, "\x1f")))
	}
	code := m.Run()
	demotest.Cleanup()
	os.Exit(code)
}

// launchEnv turns the test binary into a launcher (see peakOf).
const launchEnv = "CCHC_BENCH_LAUNCH"

// launch runs argv, its output discarded but for errors, and prints its
// peak resident memory in KiB.
func launch(argv []string) int {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stderr = os.Stderr
	err := cmd.Run()
	fmt.Println(peakRSS(cmd.ProcessState))
	if err != nil {
		return 1
	}
	return 0
}

// peakOf runs a command once and returns its peak resident memory in KiB.
// It starts it from a fresh copy of the test binary: Linux counts in a
// child's peak the memory of the process that started it (the child shares
// it until exec), and this benchmark process holds hundreds of MB.
func peakOf(b *testing.B, name string, args ...string) int64 {
	b.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "CCHC_TODAY="+nationalAsOf, launchEnv+"="+strings.Join(append([]string{name}, args...), "\x1f"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("%v: %s", err, stderr.String())
	}
	kib, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		b.Fatalf("launcher said %q", out)
	}
	return kib
}

// reportPeak reports a peak in KiB as MB-peak-rss.
func reportPeak(b *testing.B, kib int64) {
	if kib > 0 {
		b.ReportMetric(float64(kib)/1024, "MB-peak-rss")
	}
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

// runProcess runs a command b.N times, then once more for its peak memory.
func runProcess(b *testing.B, name string, args ...string) {
	b.Helper()
	for b.Loop() {
		cmd := exec.Command(name, args...)
		cmd.Env = append(os.Environ(), "CCHC_TODAY="+nationalAsOf)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("%v: %s", err, stderr.String())
		}
	}
	b.StopTimer()
	reportPeak(b, peakOf(b, name, args...))
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
	sqlite3 := tooltest.Need(b, "run the peer of the benchmark (Debian: sqlite3)", "sqlite3")
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

// The national list as one PDF: some 29,500 pages, laid out a part at a
// time (doc.PartPages) and joined as it goes (issue 27).
func BenchmarkReportRegistrationsPDF(b *testing.B) {
	db := demotest.Book(b, demo.National)
	out := filepath.Join(demotest.Dir(b), "registrations.pdf")
	runProcess(b, cchcBinary(b), "--db", db, "report", "registrations", "--format", "pdf", "-o", out, "--force")
}

// The largest docx the national book gives (issue 25): the 2023 list of
// some 4,400 registrations; the 2024 list of 200,000 is refused as docx.
func BenchmarkReportRegistrationsDOCX2023(b *testing.B) {
	db := demotest.Book(b, demo.National)
	out := filepath.Join(demotest.Dir(b), "registrations-2023.docx")
	runProcess(b, cchcBinary(b), "--db", db, "report", "registrations", "--campaign", "2023", "--format", "docx", "-o", out, "--force")
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
	args := []string{"--db", copyDB, "import", "registrations", file, "--agency", district, "--received", "20/03/2024"}
	for b.Loop() {
		b.StopTimer()
		copyFile(b, db, copyDB)
		b.StartTimer()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "CCHC_TODAY="+nationalAsOf)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
	b.StopTimer()
	copyFile(b, db, copyDB)
	reportPeak(b, peakOf(b, bin, args...))
	os.Remove(copyDB)
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
		cell, err := excelize.CoordinatesToCellName(1, r)
		if err != nil {
			b.Fatal(err)
		}
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
	// an earlier copy's journal would be replayed into this one; mostly there is none
	os.Remove(to + "-wal")
	os.Remove(to + "-shm")
}

// Importing the official list of 10,000 new communes (the GSO columns,
// CSV) into a fresh copy of the national book (issue 16: ≤ 1.5 s and at
// most 3× BenchmarkImportAgencies10kSQLite3, the same rows written by the
// stock sqlite3 tool).
func BenchmarkImportAgencies10k(b *testing.B) {
	file, _ := writeCommuneList(b, 10_000)
	db := demotest.Book(b, demo.National)
	copyDB := filepath.Join(demotest.Dir(b), "import-agencies.db")
	bin := cchcBinary(b)
	args := []string{"--db", copyDB, "import", "agencies", file}
	for b.Loop() {
		b.StopTimer()
		copyFile(b, db, copyDB)
		b.StartTimer()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "CCHC_TODAY="+nationalAsOf)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
	b.StopTimer()
	copyFile(b, db, copyDB)
	reportPeak(b, peakOf(b, bin, args...))
	os.Remove(copyDB)
}

// The SQL floor of the above: the same 10,000 agencies and their links to
// the campaign inserted by the stock sqlite3 tool in one transaction under
// one open history row, so that the history triggers fire as they do for
// cchc.
func BenchmarkImportAgencies10kSQLite3(b *testing.B) {
	sqlite3 := tooltest.Need(b, "run the peer of the benchmark (Debian: sqlite3)", "sqlite3")
	_, script := writeCommuneList(b, 10_000)
	onCopies(b, "import-agencies-sqlite3.db", func(copyDB string) {
		if out, err := exec.Command(sqlite3, copyDB, ".read "+script).CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	})
}

// writeCommuneList writes n new communes of the national book's latest
// campaign in the official list's columns (commune_code, commune_name,
// commune_type, district_code, district_name, …), spread over the
// districts whose names no other district shares, and the SQL that adds
// the same rows; it returns both paths.
func writeCommuneList(b *testing.B, n int) (csvPath, sqlPath string) {
	b.Helper()
	dir := demotest.Dir(b)
	csvPath, sqlPath = filepath.Join(dir, "communes-10k.csv"), filepath.Join(dir, "communes-10k.sql")
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
	count := map[string]int{}
	for _, a := range agencies {
		if a.Group == campaign.District {
			count[a.Name]++
		}
	}
	var districts []campaign.Agency
	for _, a := range agencies {
		if a.Group == campaign.District && a.Active && count[a.Name] == 1 {
			districts = append(districts, a)
		}
	}
	if len(districts) == 0 {
		b.Fatal("no district with a name of its own")
	}
	var csv, sql strings.Builder
	csv.WriteString("commune_code,commune_name,commune_type,district_code,district_name,district_type,province_code,province_name\n")
	sql.WriteString("BEGIN IMMEDIATE;\nINSERT INTO history (at, who, op) VALUES ('2024-04-30T00:00:00Z', 'bench', 'import');\n")
	now := "2024-04-30T00:00:00Z"
	for i := range n {
		d := districts[i%len(districts)]
		code, name := strconv.Itoa(900_000+i), fmt.Sprintf("Xã Thử Nghiệm %d", i+1)
		fmt.Fprintf(&csv, "%s,%s,Xã,,%s,,,\n", code, name, d.Name)
		fmt.Fprintf(&sql, "INSERT INTO agency (name, name_key, short_name, agency_group, parent_id, code, active, created_at, updated_at) VALUES ('%s', '%s', '', 'commune', %d, '%s', 1, '%s', '%s');\n",
			name, vntext.Fold(name), d.ID, code, now, now)
		fmt.Fprintf(&sql, "INSERT INTO campaign_agency (campaign_id, agency_id) VALUES (%d, last_insert_rowid());\n", c.ID)
	}
	sql.WriteString("UPDATE history SET open = 0 WHERE open = 1;\nCOMMIT;\n")
	if err := os.WriteFile(csvPath, []byte(csv.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(sqlPath, []byte(sql.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	return csvPath, sqlPath
}

// How `cchc status --format json` grows with the book, beside sqlite3
// reading the same tally (status-tally.sql), on books whose latest campaign
// is 1, 2 and 4 times the national one (issue 16: at most 1.2× at 1×, and
// not growing). Each size runs cchc and sqlite3 in turn.
func BenchmarkStatusGrowth(b *testing.B) {
	sqlite3 := tooltest.Need(b, "run the peer of the benchmark (Debian: sqlite3)", "sqlite3")
	for _, times := range []int{1, 2, 4} {
		db := demotest.Grown(b, times)
		b.Run(fmt.Sprintf("%dx/cchc", times), func(b *testing.B) {
			runProcess(b, cchcBinary(b), "--db", db, "status", "--format", "json", "--as-of", nationalAsOf)
		})
		b.Run(fmt.Sprintf("%dx/sqlite3-tally", times), func(b *testing.B) {
			runProcess(b, sqlite3, "-json", db, ".read testdata/status-tally.sql")
		})
	}
}

// `cchc report registrations --format html` of 200,000 rows beside the
// stock sqlite3 printing the same list as an html table
// (testdata/registrations.sql; issue 16: streamed, ≤ 150 MiB, ≤ 1×).
func BenchmarkReportRegistrationsHTML(b *testing.B) {
	db := demotest.Book(b, demo.National)
	out := filepath.Join(demotest.Dir(b), "registrations.html")
	runProcess(b, cchcBinary(b), "--db", db, "report", "registrations", "--format", "html", "-o", out, "--force")
}

func BenchmarkReportRegistrationsSQLite3HTML(b *testing.B) {
	sqlite3 := tooltest.Need(b, "run the peer of the benchmark (Debian: sqlite3)", "sqlite3")
	db := demotest.Book(b, demo.National)
	runProcess(b, sqlite3, "-html", db, ".read testdata/registrations.sql")
}

// `cchc report registrations --format xlsx` on books 1, 2 and 4 times the
// national one (issue 16: memory flat in the number of rows, ≤ 200 MiB at
// 4×).
func BenchmarkReportRegistrationsXLSXGrowth(b *testing.B) {
	for _, times := range []int{1, 2, 4} {
		db := demotest.Grown(b, times)
		b.Run(fmt.Sprintf("%dx", times), func(b *testing.B) {
			out := filepath.Join(demotest.Dir(b), "registrations.xlsx")
			runProcess(b, cchcBinary(b), "--db", db, "report", "registrations", "--format", "xlsx", "-o", out, "--force")
		})
	}
}

// BenchmarkImportAgencies10k in process: the part of it that is ours.
func BenchmarkImportAgencies10kInProcess(b *testing.B) {
	file, _ := writeCommuneList(b, 10_000)
	onCopies(b, "import-agencies.db", func(copyDB string) {
		var stderr strings.Builder
		if code := run([]string{"--db", copyDB, "import", "agencies", file}, io.Discard, &stderr); code != 0 {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	})
}

// onCopies runs do b.N times, each on a fresh copy of the national book
// made untimed.
func onCopies(b *testing.B, name string, do func(copyDB string)) {
	db := demotest.Book(b, demo.National)
	copyDB := filepath.Join(demotest.Dir(b), name)
	for b.Loop() {
		b.StopTimer()
		copyFile(b, db, copyDB)
		b.StartTimer()
		do(copyDB)
	}
	b.StopTimer()
	os.Remove(copyDB)
}
