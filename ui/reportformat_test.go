package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/lang"
)

// The format the clerk chose stays with the reports that have it: a look
// at the template (no text) and back finds text again, and the file
// written is the .txt. While the template shows another format, it says so.
func TestTheFormatChosenComesBackWithTheReport(t *testing.T) {
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		h := newHarness(t, seeded(t), l, 80, 24)
		path := filepath.Join(t.TempDir(), "kq.txt")
		h.keys("6", "right", "right", "right", "right", "tab", "tab", "tab", "ctrl+u", path)
		h.keys("shift+tab", "shift+tab", "right", "left", "shift+tab") // html, then text again
		if v := h.view(); !strings.Contains(v, l.T("text — văn bản thuần", "text — plain text")) {
			t.Fatalf("text is not chosen:\n%s", v)
		}
		h.keys("right")
		if v := h.view(); !strings.Contains(v, l.T("Báo cáo này không có dạng text: sẽ ghi dạng csv.", "This report has no text format: it will be written as csv.")) {
			t.Fatalf("the template does not say it is not written as text:\n%s", v)
		}
		h.keys("left")
		v := h.view()
		if !strings.Contains(v, l.T("text — văn bản thuần", "text — plain text")) || strings.Contains(v, "không có dạng") || strings.Contains(v, "has no") {
			t.Fatalf("the results came back in another format:\n%s", v)
		}
		h.keys("ctrl+s")
		if b, err := os.ReadFile(path); err != nil || strings.HasPrefix(string(b), "PK") {
			t.Fatalf("not written as text (%v): %.200s\n%s", err, b, h.view())
		}
	}
}
