package report

import (
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// prose is n characters of Vietnamese sentences, as a clerk pastes them.
func prose(n int) string {
	const s = "Rút ngắn thời gian giải quyết hồ sơ; giảm chi phí đi lại cho người dân, doanh nghiệp. "
	r := []rune(strings.Repeat(s, n/len([]rune(s))+1))
	return strings.TrimSpace(string(r[:n-1])) + "."
}

// Every free-text column at its longest (10,000 characters for summaries,
// results and notes; 500 for titles, partners and timelines) prints in
// every format: the xlsx never refuses a row taller than Excel's 409 pt,
// caps it there with the cell still wrapping and whole, and says under the
// table where the full text is read.
func TestXLSXLongCells(t *testing.T) {
	st, c := openBook(t)
	ctx := context.Background()
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, a := range agencies {
		if a.Name == "Sở Nội vụ" {
			id = a.ID
		}
	}
	long := prose(campaign.MaxText)
	line := prose(campaign.MaxLine)
	reg := campaign.Registration{Title: line, Kind: campaign.Model, Area: campaign.Procedures,
		Partners: line, Timeline: line, Summary: long, ExpectedResult: long, Note: long}
	if p := reg.Validate(); len(p) > 0 {
		t.Fatalf("the test's registration is refused: %v", p)
	}
	if _, _, err := st.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: id, Number: "9/SNV",
		LetterDate: vndate.Of(2023, 3, 1), Received: vndate.Of(2023, 3, 2)}, []campaign.Registration{reg}); err != nil {
		t.Fatal(err)
	}
	advance(t, st, c, reg.Title, campaign.InProgress, vndate.Of(2023, 3, 20), "")
	advance(t, st, c, reg.Title, campaign.Completed, vndate.Of(2023, 4, 1), line)
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		for _, kind := range []string{KindRegistrations, KindResults} {
			rep := build(t, st, kind, l)
			for _, format := range Formats(kind) {
				render(t, rep, format) // none refused
			}
			f, _ := openXLSX(t, render(t, rep, "xlsx"))
			clipped := 0
			for _, sheet := range f.GetSheetList() {
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				note := false
				for r, cells := range rows {
					if h := rowHigh(t, f, sheet, r+1); h > excelize.MaxRowHeight {
						t.Errorf("%s %s %s: row %d is %.0f pt", l, kind, sheet, r+1, h)
					}
					for ci, v := range cells {
						if strings.Contains(v, clippedNote(l)) {
							note = true
						}
						if v != long {
							continue
						}
						clipped++
						ref, _ := excelize.CoordinatesToCellName(ci+1, r+1)
						if h := rowHigh(t, f, sheet, r+1); h != excelize.MaxRowHeight {
							t.Errorf("%s %s %s: the row of %s is %.0f pt, not capped at 409", l, kind, sheet, ref, h)
						}
						style, err := f.GetCellStyle(sheet, ref)
						if err != nil {
							t.Fatal(err)
						}
						if s, err := f.GetStyle(style); err != nil || s.Alignment == nil || !s.Alignment.WrapText {
							t.Errorf("%s %s %s: %s does not wrap", l, kind, sheet, ref)
						}
					}
				}
				if clipped > 0 && !note {
					t.Errorf("%s %s %s: no note on where the full text is", l, kind, sheet)
				}
			}
			if clipped == 0 && kind == KindRegistrations { // the results' sheet has no long column
				t.Errorf("%s %s: the 10,000 characters are not whole in any cell", l, kind)
			}
		}
	}
	if !strings.Contains(clippedNote(lang.VI), "csv") || !strings.Contains(clippedNote(lang.EN), "docx") {
		t.Error("the note does not name where the full text is")
	}
}
