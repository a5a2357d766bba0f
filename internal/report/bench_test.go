package report

import (
	"bytes"
	"io"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// manyRegistrations is a synthetic book of n registrations from 200 agencies.
func manyRegistrations(n int) Registrations {
	c := campaign.Campaign{Year: 2023, Title: "Đăng ký năm 2023", Issuer: "Sở Nội vụ", IssuerParent: "UBND tỉnh Hà Tĩnh",
		Deadline: vndate.Of(2023, 3, 24)}
	rows := make([]book.RegistrationRow, n)
	for i := range rows {
		g := campaign.Groups[i%3]
		rows[i] = book.RegistrationRow{
			Registration: campaign.Registration{ID: int64(i + 1), SubmissionID: int64(i/3 + 1),
				Title: "Mô hình một cửa thân thiện, hiện đại số " + itoa(i), Kind: campaign.Model, Area: campaign.Procedures,
				Partners: "Văn phòng HĐND và UBND huyện", Timeline: "Quý II/2023",
				ExpectedResult: "Giảm 30% thời gian giải quyết thủ tục hành chính\nTăng sự hài lòng của người dân", Note: "Đã triển khai thí điểm"},
			AgencyID: int64(i%200 + 1), AgencyName: "Huyện Đức Thọ " + itoa(i%200), AgencyGroup: g,
			Received: vndate.Of(2023, 3, 1+i%28),
		}
	}
	return NewRegistrations(c, rows, vndate.Of(2023, 4, 5), lang.VI)
}

// The registrations list of 200,000 rows as xlsx: the target is ≤ 8 s and
// ≤ 250 MB (see the sec/op and B/op it reports).
func BenchmarkRegistrationsXLSX200k(b *testing.B) {
	r := manyRegistrations(200_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Write(io.Discard, "xlsx"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRegistrationsCSV200k(b *testing.B) {
	r := manyRegistrations(200_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Write(io.Discard, "csv"); err != nil {
			b.Fatal(err)
		}
	}
}

// The largest docx cchc writes: a list of MaxDOCXRows registrations, its
// document.xml under 25 MB (reported as MB-document.xml), which Word opens.
func BenchmarkRegistrationsDOCXLargest(b *testing.B) {
	r := manyRegistrations(MaxDOCXRows)
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := r.Write(&buf, "docx"); err != nil {
			b.Fatal(err)
		}
		size = len(docxPart(b, buf.Bytes(), "word/document.xml"))
	}
	b.ReportMetric(float64(size)/1e6, "MB-document.xml")
}
