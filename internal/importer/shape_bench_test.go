package importer

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// readEnv turns the test binary into a reader of one file (see
// BenchmarkReadShapeWorst): its peak memory is then that of reading alone.
const readEnv = "CCHC_SHAPE_READ"

func TestMain(m *testing.M) {
	if path := os.Getenv(readEnv); path != "" {
		if _, err := ReadFile(path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(peakKiB())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// peakKiB is this process's peak resident memory (VmHWM, Linux), counted
// from its exec: a child's rusage would count the parent's pages too.
func peakKiB() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// The worst files under every limit at once (issue 22, point 9): nested
// just under MaxXMLDepth, elements, cells and shared strings just under
// their caps, and text up to MaxUnzipped, each read by ReadFile in a
// process of its own. MB-peak-rss must stay under 300.
func BenchmarkReadShapeWorst(b *testing.B) {
	if runtime.GOOS != "linux" {
		b.Skip("peak memory is read from /proc/self/status")
	}
	const room = 1000 // elements the fixture's frame takes
	elements := MaxElements - room
	text := strings.Repeat("Mô hình một cửa điện tử liên thông ", 30) // ~1 KB a cell
	cases := []struct {
		name  string
		file  string
		parts []part
	}{
		{"xlsx-deep", "deep.xlsx", xlsxParts(nested(`<x>`, `</x>`, MaxXMLDepth-5, elements/(MaxXMLDepth-5)), nil)},
		{"xlsx-elements", "elements.xlsx", xlsxParts(repeated(`<x/>`, elements), nil)},
		{"xlsx-cells", "cells.xlsx", xlsxParts(cellRows64(MaxCells-room, `<c><v>12345</v></c>`), nil)},
		// a cell refers to a shared string: excelize then reads them all
		{"xlsx-shared-strings", "sst.xlsx", xlsxParts(sharedCell, repeated(`<si><t>Sở Nội vụ</t></si>`, MaxCells-room))},
		{"xlsx-text", "text.xlsx", xlsxParts(sharedCell, repeated(`<si><t>`+text+`</t></si>`, (MaxUnzipped-(1<<20))/(len(text)+20)))},
		{"docx-deep", "deep.docx", docxParts(inRow(nested(`<w:sdt>`, `</w:sdt>`, MaxXMLDepth-10, elements/(MaxXMLDepth-10))))},
		// nested tables: as many rows as MaxRows lets through
		{"docx-deep-tables", "deep-tables.docx", docxParts(inRow(nested(`<w:tbl><w:tr><w:tc>`, `<w:p/></w:tc></w:tr></w:tbl>`, (MaxXMLDepth-10)/3, (MaxRows-10)/((MaxXMLDepth-10)/3))))},
		{"docx-paragraphs", "paragraphs.docx", docxParts(inRow(repeated(`<w:p/>`, elements)))},
		{"docx-cells", "cells.docx", docxParts(docxCells(MaxCells - room))},
		{"docx-text", "text.docx", docxParts(docxText((MaxUnzipped-(1<<20))/(len(text)+60), text))},
	}
	dir := b.TempDir()
	for _, c := range cases {
		path := writeZip(b, filepath.Join(dir, c.file), c.parts...)
		b.Run(c.name, func(b *testing.B) {
			var peak int64
			for b.Loop() {
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), readEnv+"="+path)
				var stderr strings.Builder
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				if err != nil {
					b.Fatalf("%s is refused: %v: %s", c.file, err, stderr.String())
				}
				kib, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
				if err != nil {
					b.Fatalf("reader said %q", out)
				}
				peak = max(peak, kib)
			}
			b.ReportMetric(float64(peak)/1024, "MB-peak-rss")
			if peak > 300<<10 {
				b.Errorf("%s: peak %d MB, over 300 MB", c.file, peak>>10)
			}
		})
	}
}

// sharedCell is a row whose cell shows shared string 0.
func sharedCell(w io.Writer) { io.WriteString(w, `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`) }

// cellRows64 writes n cells, 64 to a row (MaxCols), from row 2 on.
func cellRows64(n int, cell string) func(w io.Writer) {
	return func(w io.Writer) {
		for r := 0; n > 0; r++ {
			fmt.Fprintf(w, `<row r="%d">`, r+2)
			for k := 0; k < MaxCols && n > 0; k++ {
				io.WriteString(w, cell)
				n--
			}
			io.WriteString(w, `</row>`)
		}
	}
}

// docxText writes n cells holding text, 10 to a row.
func docxText(n int, text string) func(w io.Writer) {
	return func(w io.Writer) {
		for n > 0 {
			io.WriteString(w, `<w:tr>`)
			for k := 0; k < 10 && n > 0; k++ {
				io.WriteString(w, `<w:tc><w:p><w:r><w:t>`+text+`</w:t></w:r></w:p></w:tc>`)
				n--
			}
			io.WriteString(w, `</w:tr>`)
		}
	}
}
