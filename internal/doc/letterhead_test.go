package doc

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The rules under the issuer and the motto are as long on a landscape
// table report as on a portrait letter, and as Nghị định 30/2020 sets
// them: a third to a half of the issuer's name, the whole motto. (The html
// once drew them as shares of the column, longer than the name and the
// motto on a landscape page.)
func TestHeadRulesOfNghiDinh30(t *testing.T) {
	t.Parallel()
	head := &Letterhead{Parent: "UBND TỈNH HÀ TĨNH", Issuer: "SỞ NỘI VỤ", Nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Motto: "Độc lập - Tự do - Hạnh phúc"}
	m := NewMeasure()
	name := m.Width(head.Issuer, true, false, HeadSize) * 25.4 / 72
	motto := m.Width(head.Motto, true, false, HeadSize+0.5) * 25.4 / 72
	rule := regexp.MustCompile(`class="rule" style="width: ([\d.]+)mm"`)
	for _, landscape := range []bool{false, true} {
		var b strings.Builder
		if err := (&Document{Landscape: landscape, Blocks: []Block{head}}).WriteHTML(&b); err != nil {
			t.Fatal(err)
		}
		got := rule.FindAllStringSubmatch(b.String(), -1)
		if len(got) != 2 {
			t.Fatalf("landscape %v: rules %q, want two in mm", landscape, got)
		}
		issuer, errIssuer := strconv.ParseFloat(got[0][1], 64)
		under, errUnder := strconv.ParseFloat(got[1][1], 64)
		if err := errors.Join(errIssuer, errUnder); err != nil {
			t.Fatalf("landscape %v: rules %q: %v", landscape, got, err)
		}
		if issuer < name/3 || issuer > name/2 && issuer > 12 {
			t.Errorf("landscape %v: the issuer's rule is %.1f mm under a name %.1f mm long", landscape, issuer, name)
		}
		if under < motto*0.97 || under > motto*1.03 {
			t.Errorf("landscape %v: the motto's rule is %.1f mm under a motto %.1f mm long", landscape, under, motto)
		}
	}
}

// The docx draws the rules as a paragraph's top border between its
// indents, within the cell's text box (the cell less its two margins):
// as long as the pdf's, within 0.5 mm. (Indents once ignored the margins,
// and the rules came out 3 mm short.)
func TestDOCXHeadRulesAsThePDFs(t *testing.T) {
	head := &Letterhead{Parent: "UBND TỈNH HÀ TĨNH", Issuer: "SỞ NỘI VỤ", Nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Motto: "Độc lập - Tự do - Hạnh phúc"}
	issuer, motto := headRules(head)
	for _, landscape := range []bool{false, true} {
		d := &Document{Landscape: landscape, Blocks: []Block{head}}
		x := docxBody(t, d)
		width, _ := d.Area()
		cells := []float64{width * 0.4, width * 0.6}
		ind := regexp.MustCompile(`<w:pBdr><w:top [^>]*/></w:pBdr><w:spacing [^>]*/><w:ind w:left="(\d+)" w:right="(\d+)"`)
		got := ind.FindAllStringSubmatch(x, -1)
		if len(got) != 2 {
			t.Fatalf("landscape %v: %d ruled paragraphs, want 2", landscape, len(got))
		}
		margins := regexp.MustCompile(`<w:left w:w="(\d+)" w:type="dxa"/>`).FindStringSubmatch(x)
		if margins == nil {
			t.Fatalf("no cell margin in %s", x)
		}
		m, _ := strconv.Atoi(margins[1])
		for i, want := range []float64{issuer, motto} {
			l, _ := strconv.Atoi(got[i][1])
			r, _ := strconv.Atoi(got[i][2])
			rule := cells[i] - float64(2*m+l+r)*25.4/1440
			if rule < want-0.5 || rule > want+0.5 {
				t.Errorf("landscape %v: docx rule %d is %.1f mm, the pdf's %.1f mm", landscape, i, rule, want)
			}
		}
	}
}
