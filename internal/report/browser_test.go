package report

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"cchc/internal/lang"
	"cchc/internal/tooltest"
)

// browser finds a Chromium to print with, and poppler's tools to read the
// PDF back (see tooltest: skipped without them, failed under CI).
func browser(t *testing.T) string {
	t.Helper()
	p := tooltest.Need(t, "print the html reports to PDF (Debian: chromium)", "chromium", "chromium-browser", "google-chrome")
	tooltest.Need(t, "read printed reports back (Debian: poppler-utils)", "pdftotext")
	tooltest.Need(t, "count printed pages (Debian: poppler-utils)", "pdfinfo")
	return p
}

// PrintPDF prints an html file to PDF with headless Chromium, as the clerk
// prints from a browser. Exported to tests only.
func printPDF(t *testing.T, chromium, html, pdf string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+html)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if fi, err := os.Stat(pdf); err != nil || fi.Size() == 0 {
		t.Fatalf("chromium wrote no PDF: %v\n%s", err, out)
	}
}

var pageSize = regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`)

// A4 is 595.28 × 841.89 points; Chromium rounds a little.
func isA4(w, h float64) bool {
	near := func(a, b float64) bool { return a > b-3 && a < b+3 }
	return near(w, 595.3) && near(h, 841.9) || near(w, 841.9) && near(h, 595.3)
}

// The html reports printed by a real browser: the Vietnamese text survives
// into the PDF and the pages are A4 (portrait for the letter, landscape
// for tables).
func TestBrowserPrintsHTMLOnA4(t *testing.T) {
	chromium := browser(t)
	st, _ := openBook(t)
	dir := t.TempDir()
	cases := []struct {
		kind      string
		landscape bool
		want      []string
	}{
		{KindReminder, false, []string{MottoNation, MottoWords, "UBND TỈNH HÀ TĨNH", "SỞ NỘI VỤ", "Hà Tĩnh, ngày 05 tháng 4 năm 2023",
			"Kính gửi:", "Huyện Đức Thọ", "Nơi nhận:", "GIÁM ĐỐC", "Lê Minh Đạo", "Lưu: VT, CCHC&VTLT."}},
		{KindStatus, true, []string{MottoNation, "TÌNH HÌNH ĐĂNG KÝ", "Sở Tư pháp", "Nộp muộn", "Chưa đăng ký", "16/03/2023", "Tổng cộng"}},
		{KindRegistrations, true, []string{"III. UBND CẤP HUYỆN (4)", "Huyện Đức Thọ", "(Xã Tùng Ảnh)", `<script>alert("x")</script>`,
			"Tăng hài lòng của"}}, // a narrow column: pdftotext reads its lines between its neighbours'
	}
	for _, c := range cases {
		t.Run(c.kind, func(t *testing.T) {
			html := filepath.Join(dir, c.kind+".html")
			if err := Save(t.Context(), st, Request{Kind: c.kind, Format: "html", Year: 2023, AsOf: asOf, Lang: lang.VI}, html, false); err != nil {
				t.Fatal(err)
			}
			pdf := filepath.Join(dir, c.kind+".pdf")
			printPDF(t, chromium, html, pdf)

			text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			// pdftotext may break a line anywhere; compare with spacing folded.
			flat := strings.Join(strings.Fields(string(text)), " ")
			for _, w := range c.want {
				if !strings.Contains(flat, w) {
					t.Errorf("the printed %s lacks %q:\n%s", c.kind, w, text)
				}
			}
			info, err := exec.Command("pdfinfo", pdf).Output()
			if err != nil {
				t.Fatalf("pdfinfo: %v", err)
			}
			m := pageSize.FindStringSubmatch(string(info))
			if m == nil {
				t.Fatalf("no page size in:\n%s", info)
			}
			w, errW := strconv.ParseFloat(m[1], 64)
			h, errH := strconv.ParseFloat(m[2], 64)
			if err := errors.Join(errW, errH); err != nil {
				t.Fatalf("page size %q: %v", m[0], err)
			}
			if !isA4(w, h) || (w > h) != c.landscape {
				t.Errorf("page %v × %v pt: want A4, landscape %v", w, h, c.landscape)
			}
		})
	}
}
