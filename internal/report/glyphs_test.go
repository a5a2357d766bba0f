package report

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/doc"
	"cchc/internal/lang"
)

// Characters a clerk can paste that the embedded font cannot draw, or
// that fpdf cannot take at all (beyond U+FFFF): an emoji, a Hán-Nôm
// character, a combining sequence with no precomposed letter, and a
// right-to-left mark before Hebrew.
const (
	emoji    = "🏥"
	hanNom   = "𠀀"
	combined = "q\u0303"
	rlm      = "\u200f"
	pasted   = " " + emoji + " " + hanNom + " " + combined + " " + rlm + "שלום"
)

// zipText is every part of an xlsx or docx archive, one after the other.
func zipText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(&b, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	return b.String()
}

// Every report in every format prints a campaign title and agency names
// holding what the font lacks: nothing fails or panics, the PDF shows
// the replacement mark where the font has no glyph, and the other
// formats keep the characters as typed.
func TestEveryCharacterPrints(t *testing.T) {
	st, c := openBook(t)
	ctx := context.Background()
	c.Title += pasted
	if err := st.UpdateCampaign(ctx, c); err != nil {
		t.Fatal(err)
	}
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	renamed := 0
	for _, a := range agencies {
		// one with letters (in every list of registrations), one without (missing)
		if a.Name == "Sở Y tế" || a.Name == "Sở Công Thương" {
			a.Name += pasted
			if err := st.RenameAgency(ctx, c.ID, a); err != nil {
				t.Fatal(err)
			}
			renamed++
		}
	}
	if renamed != 2 {
		t.Fatalf("renamed %d agencies, want 2", renamed)
	}
	for _, kind := range Kinds {
		for _, f := range Formats(kind) {
			t.Run(kind+"/"+f, func(t *testing.T) {
				out := render(t, build(t, st, kind, lang.VI), f)
				switch f {
				case "pdf":
					text := strings.Join(pdfText(t, out), "")
					if !strings.Contains(text, "Sở Y tế "+doc.Missing) && !strings.Contains(text, "Sở Công Thương "+doc.Missing) {
						t.Errorf("no agency with the mark %q in the PDF:\n%s", doc.Missing, text)
					}
					if strings.Contains(text, rlm) || strings.Contains(text, "\ufffd") {
						t.Errorf("a direction mark or U+FFFD in the PDF:\n%s", text)
					}
				case "xlsx", "docx":
					if s := zipText(t, out); !strings.Contains(s, emoji) || !strings.Contains(s, hanNom) {
						t.Errorf("%s lost the characters", f)
					}
				default:
					if !bytes.Contains(out, []byte(emoji)) || !bytes.Contains(out, []byte(hanNom)) {
						t.Errorf("%s lost the characters:\n%s", f, out)
					}
				}
			})
		}
	}
}

// A renderer that panics halfway (a fault in a library) is an error told
// in the clerk's words, and leaves no file, temporary or not.
func TestPanickingRendererLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	err := WriteFile(path, false, func(w io.Writer) error {
		if _, err := io.WriteString(w, strings.Repeat("x", 100<<10)); err != nil {
			return err
		}
		var runes []int
		_ = runes[65536] // what fpdf did with an emoji
		return nil
	})
	if !errors.Is(err, lang.ErrPanic) {
		t.Fatalf("err = %v, want a panic told as an error", err)
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		msg := lang.Message(err, l)
		want := l.T("Lỗi khi ghi báo cáo: runtime error: index out of range", "Error while writing the report: runtime error: index out of range")
		if !strings.HasPrefix(msg, want) || !strings.Contains(msg, "glyphs_test.go") ||
			!strings.HasSuffix(msg, l.T("Dữ liệu không bị ảnh hưởng", "The data is not affected")) {
			t.Errorf("%s: %q", l, msg)
		}
	}
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range left {
		t.Errorf("left behind: %s", f.Name())
	}
}
