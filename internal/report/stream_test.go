package report

import (
	"fmt"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// countingWriter counts what has reached it.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// watchedRows are rows that, half-way through, note how much of the list
// has already been written out.
type watchedRows struct {
	heldRows
	w       *countingWriter
	halfway *int
}

func (s watchedRows) Each(fn func(book.RegistrationRow) error) error {
	for i, x := range s.heldRows {
		if i == len(s.heldRows)/2 {
			*s.halfway = s.w.n
		}
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

// The list of registrations is written as its rows are read: half-way
// through the rows, half the list is out (issue 16: 200,000 rows at
// national scale are never all held). The xlsx streams too, but into
// excelize's temporary file, zipped at the end; json is held.
func TestRegistrationsAreStreamed(t *testing.T) {
	rows := make(heldRows, 4000)
	for i := range rows {
		rows[i] = book.RegistrationRow{AgencyID: int64(1 + i/10), AgencyName: fmt.Sprintf("Sở số %d", 1+i/10),
			AgencyGroup: campaign.Department, Received: vndate.Of(2023, 3, 1)}
		rows[i].ID = int64(i + 1)
		rows[i].Title = fmt.Sprintf("Mô hình một cửa thân thiện, hiện đại số %d", i+1)
		rows[i].Kind, rows[i].Area = campaign.Model, campaign.Procedures
	}
	c := campaign.Campaign{Year: 2023, Deadline: vndate.Of(2023, 3, 24), Issuer: "Sở Nội vụ"}
	for _, f := range []string{"text", "md", "csv", "html", "docx"} {
		w := &countingWriter{}
		halfway := 0
		r := Registrations{Campaign: c, AsOf: vndate.Of(2023, 4, 5), Lang: lang.VI, open: func() (rowSource, error) {
			return watchedRows{rows, w, &halfway}, nil
		}}
		if err := r.Write(w, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if halfway < w.n/4 {
			t.Errorf("%s: %d of %d bytes written half-way through the rows: the list is held, not streamed", f, halfway, w.n)
		}
	}
}
