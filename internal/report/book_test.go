package report

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/store"
	"cchc/internal/vndate"
)

// The day the test book is judged: 12 days past the 2023 deadline.
var asOf = vndate.Of(2023, 4, 5)

// Text that would break a careless writer: markup, a formula, separators,
// a line break inside a cell.
const (
	hostileTitle = `<script>alert("x")</script> Một cửa | *số* & _hóa_`
	formulaNote  = `=HYPERLINK("http://x.invalid","bấm")`
	multiLine    = "Giảm 30% thời gian, chi phí\nTăng hài lòng của người dân, doanh nghiệp"
)

// openBook makes a temporary book with the 2023 default campaign and a few
// letters recorded through the store's public methods.
func openBook(t testing.TB) (book.Book, campaign.Campaign) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "cchc.db"), store.Options{
		Now: func() time.Time { return time.Date(2023, 4, 5, 9, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	c, err := st.Campaign(ctx, 2023)
	if err != nil {
		t.Fatal(err)
	}
	agencies, err := st.CampaignAgencies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	id := func(name string) int64 {
		for _, a := range agencies {
			if a.Name == name {
				return a.ID
			}
		}
		t.Fatalf("no agency %q", name)
		return 0
	}
	tungAnh, err := st.AddAgency(ctx, c.ID, campaign.Agency{Name: "Xã Tùng Ảnh", Group: campaign.Commune, ParentID: id("Huyện Đức Thọ")})
	if err != nil {
		t.Fatal(err)
	}
	record := func(agency, number string, dated, received vndate.Date, regs ...campaign.Registration) {
		t.Helper()
		if _, _, err := st.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: id(agency), Number: number,
			LetterDate: dated, Received: received}, regs); err != nil {
			t.Fatalf("record %s: %v", agency, err)
		}
	}
	reg := func(title string, kind campaign.Kind, area campaign.Area) campaign.Registration {
		return campaign.Registration{Title: title, Kind: kind, Area: area, Timeline: "Quý II/2023"}
	}
	r1 := reg("Bộ phận Một cửa thân thiện, hiện đại", campaign.Model, campaign.Procedures)
	r1.Partners = "Văn phòng Sở, Trung tâm Phục vụ hành chính công tỉnh"
	r1.ExpectedResult = multiLine
	r1.Note = formulaNote
	record("Sở Tư pháp", "120/STP-VP", vndate.Of(2023, 3, 15), vndate.Of(2023, 3, 16), r1)
	record("Sở Y tế", "88/SYT-VP", vndate.Of(2023, 3, 27), vndate.Of(2023, 3, 28),
		reg("Số hóa hồ sơ khám chữa bệnh", campaign.Solution, campaign.DigitalGovt))
	r2 := reg("Bộ phận một cửa cấp xã thân thiện", campaign.Model, campaign.Procedures)
	r2.LeadAgencyID = tungAnh
	record("Huyện Đức Thọ", "312/UBND-NV", vndate.Of(2023, 3, 20), vndate.Of(2023, 3, 21), r2)
	record("Thành phố Hà Tĩnh", "88/UBND-NV", vndate.Of(2023, 3, 19), vndate.Of(2023, 3, 20),
		reg("Chính quyền số phường", campaign.Model, campaign.DigitalGovt),
		reg("Cải cách công vụ: đánh giá cán bộ theo kết quả", campaign.Initiative, campaign.CivilService),
		reg("Tiếp dân lưu động", campaign.GoodPractice, campaign.Apparatus))
	record("Công an tỉnh", "57/CAT-PV01", vndate.Date{}, vndate.Of(2023, 3, 22),
		reg(hostileTitle, campaign.Initiative, campaign.Procedures))
	advance(t, st, c, "Bộ phận Một cửa thân thiện, hiện đại", campaign.InProgress, vndate.Of(2023, 3, 25), "")
	advance(t, st, c, "Bộ phận Một cửa thân thiện, hiện đại", campaign.Completed, vndate.Of(2023, 4, 3), "Đưa vào vận hành từ 01/4")
	advance(t, st, c, "Chính quyền số phường", campaign.InProgress, vndate.Of(2023, 4, 1), "")
	advance(t, st, c, "Tiếp dân lưu động", campaign.Stopped, vndate.Of(2023, 4, 2), "")
	return st, c
}

// advance moves the registration with the title one stage on.
func advance(t testing.TB, st book.Book, c campaign.Campaign, title string, stage campaign.Stage, on vndate.Date, note string) {
	t.Helper()
	ctx := context.Background()
	rows, err := st.Registrations(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Title == title {
			steps, err := st.ProgressSteps(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			var last int64
			if len(steps) > 0 {
				last = steps[len(steps)-1].ID
			}
			if err := st.AdvanceProgress(ctx, campaign.Step{RegistrationID: r.ID, Stage: stage, On: on, Note: note}, last); err != nil {
				t.Fatalf("advance %s: %v", title, err)
			}
			return
		}
	}
	t.Fatalf("no registration %q", title)
}

// build makes one report of the test book.
func build(t testing.TB, st book.Book, kind string, l lang.Lang) Report {
	t.Helper()
	rep, err := Build(context.Background(), st, Request{Kind: kind, Format: Formats(kind)[0], Year: 2023, AsOf: asOf, Lang: l})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func render(t testing.TB, rep Report, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := rep.Write(&b, format); err != nil {
		t.Fatalf("%s: %v", format, lang.Message(err, lang.EN))
	}
	return b.Bytes()
}
