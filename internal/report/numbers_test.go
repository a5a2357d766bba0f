package report

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/xlsxcheck"
)

// A count a person reads is grouped by thousands as the language writes
// it (1.355 in Vietnamese, 1,355 in English), in sentences and in table
// cells, in every format read on paper or screen (issue 26 point 1): the
// 2023 campaign seen on 08/12/2026 is 1,355 days past its deadline.
func TestCountsGroupedByThousands(t *testing.T) {
	st, _ := openBook(t)
	bare := regexp.MustCompile(`(^|[^0-9.,/])1355([^0-9]|$)`)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		want := l.Num(1355)
		for _, kind := range []string{KindReminder, KindMissing} {
			rep, err := Build(context.Background(), st, Request{Kind: kind, Format: Formats(kind)[0], Year: 2023, AsOf: vndate.Of(2026, 12, 8), Lang: l})
			if err != nil {
				t.Fatal(err)
			}
			for _, format := range []string{"text", "md", "html", "docx", "pdf"} {
				if !hasFormat(kind, format) {
					continue
				}
				data := render(t, rep, format)
				var text string
				switch format {
				case "docx":
					text = regexp.MustCompile(`<[^>]*>`).ReplaceAllString(docxPart(t, data, "word/document.xml"), "")
				case "pdf":
					text = strings.Join(pdfText(t, data), "\n")
				default:
					text = string(data)
				}
				if !strings.Contains(text, want) || bare.MatchString(text) {
					t.Errorf("%s %s %s: want the 1,355 days as %q, none bare; got %q", kind, format, l, want, excerpt(text, "1355"))
				}
			}
		}
	}
}

func hasFormat(kind, format string) bool {
	for _, f := range Formats(kind) {
		if f == format {
			return true
		}
	}
	return false
}

// excerpt is the text around the first s, or its start.
func excerpt(text, s string) string {
	i := max(strings.Index(text, s)-60, 0)
	return text[i:min(i+160, len(text))]
}

// Every workbook a report writes lists its columns in ascending order, as
// Excel wants (excelize's stream writer listed them from the last), and
// shows counts as #,##0, stored as numbers.
func TestXLSXColsAscendingCountsFormatted(t *testing.T) {
	st, _ := openBook(t)
	for _, kind := range Kinds {
		if !hasFormat(kind, "xlsx") {
			continue
		}
		data := render(t, build(t, st, kind, lang.VI), "xlsx")
		if err := xlsxcheck.Cols(data); err != nil {
			t.Errorf("%s: %v", kind, err)
		}
	}
	rep, err := Build(context.Background(), st, Request{Kind: KindMissing, Format: "xlsx", Year: 2023, AsOf: vndate.Of(2026, 12, 8), Lang: lang.VI})
	if err != nil {
		t.Fatal(err)
	}
	f, sheet := openXLSX(t, render(t, rep, "xlsx"))
	col, head := findCell(t, f, sheet, "Số ngày quá hạn")
	ref := cellRef(col, head+2)                         // under the header and the first group's band
	if v := cellValue(t, f, sheet, ref); v != "1,355" { // excelize shows #,##0 in its en-US locale
		t.Errorf("%s shown as %q, want 1,355 (#,##0)", ref, v)
	}
	stt := cellRef(1, head+2)
	if id, _ := f.GetCellStyle(sheet, stt); id != 0 {
		if s, _ := f.GetStyle(id); s.NumFmt == CountFormat {
			t.Errorf("%s, an STT, is shown #,##0", stt)
		}
	}
}

// A guard over every report of the demo, seen on 08/12/2026 (the 2021 to
// 2023 campaigns are over 1,000 days past their deadlines): no format a
// person reads shows a bare number of four digits or more that is not a
// year (dates and letter numbers hold "/" and are left alone).
func TestDemoReportsHaveNoBareCounts(t *testing.T) {
	st := demoBook(t)
	bare := regexp.MustCompile(`(^|[^0-9.,/#&\pL-])([0-9]{4,})([^0-9.,/\pL%-]|$)`)
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, year := range []int{2022, 2023, 2026} {
		for _, l := range []lang.Lang{lang.VI, lang.EN} {
			for _, kind := range Kinds {
				rep, err := Build(context.Background(), st, Request{Kind: kind, Format: Formats(kind)[0], Year: year, AsOf: vndate.Of(2026, 12, 8), Lang: l})
				if err != nil {
					t.Fatal(err)
				}
				for _, format := range []string{"text", "md", "html", "docx"} {
					if !hasFormat(kind, format) {
						continue
					}
					text := string(render(t, rep, format))
					switch format {
					case "docx":
						text = tags.ReplaceAllString(docxPart(t, []byte(text), "word/document.xml"), " ")
					case "html":
						if i := strings.Index(text, "<body"); i >= 0 {
							text = text[i:] // the style sheet's numbers are not read
						}
						text = tags.ReplaceAllString(text, " ")
					}
					for _, m := range bare.FindAllStringSubmatch(text, -1) {
						if n := m[2]; len(n) == 4 && n >= "1900" && n <= "2100" {
							continue // a year
						}
						t.Errorf("%d %s %s %s: bare count %q in %q", year, kind, format, l, m[2], excerpt(text, m[2]))
						break
					}
				}
			}
		}
	}
}
