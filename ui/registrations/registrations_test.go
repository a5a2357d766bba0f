package registrations

import (
	"context"
	"io"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/ui/common"
	"cchc/ui/uitest"
)

// fakeBook is the registrations screen's Book: one registration, its
// letter's file, and what the screen asked to write.
type fakeBook struct {
	row     book.RegistrationRow
	files   []book.FileRow
	steps   []campaign.Step
	deleted [][2]int64 // id, version
}

func (b *fakeBook) Registration(_ context.Context, id int64) (book.RegistrationRow, error) {
	if id != b.row.ID {
		return book.RegistrationRow{}, book.ErrNotFound
	}
	return b.row, nil
}
func (b *fakeBook) ProgressSteps(context.Context, int64) ([]campaign.Step, error) { return nil, nil }
func (b *fakeBook) AdvanceProgress(_ context.Context, s campaign.Step, last int64) error {
	b.steps = append(b.steps, s)
	return nil
}
func (b *fakeBook) Files(_ context.Context, q book.FilesQuery) ([]book.FileRow, error) {
	var out []book.FileRow
	for _, f := range b.files {
		if f.AgencyID == q.AgencyID {
			out = append(out, f)
		}
	}
	return out, nil
}
func (b *fakeBook) FileContent(context.Context, int64, io.Writer) (book.FileRow, error) {
	panic("no file was opened")
}
func (b *fakeBook) Attach(context.Context, int64, int64, book.NewFile) (int64, error) {
	panic("no file was attached")
}
func (b *fakeBook) FilesStored(context.Context) (int64, error) { panic("no file was attached") }
func (b *fakeBook) RemoveFile(context.Context, int64) (book.FileRow, error) {
	panic("no file was removed")
}
func (b *fakeBook) DeleteRegistration(_ context.Context, id, version int64) error {
	b.deleted = append(b.deleted, [2]int64{id, version})
	return nil
}

func show(t *testing.T) (*Model, *uitest.Driver, *fakeBook) {
	health := uitest.Health
	b := &fakeBook{
		row: book.RegistrationRow{Registration: campaign.Registration{ID: 5, SubmissionID: 3, Title: "Khám bệnh không giấy tờ",
			Kind: campaign.Kinds[0], Area: campaign.Areas[0], Summary: "Người bệnh khám bằng căn cước", Version: 2},
			AgencyID: health.ID, AgencyName: health.Name, LetterNumber: "57/SYT-VP", Received: vndate.Of(2023, 3, 22)},
		files: []book.FileRow{
			{ID: 1, Name: "57-SYT-VP.pdf", Size: 2048, LetterID: 3, AgencyID: health.ID},
			{ID: 2, Name: "khac.pdf", Size: 1024, LetterID: 4, AgencyID: health.ID}, // another letter's
		},
	}
	d := uitest.Data(t, uitest.Small(uitest.Row(5, b.row.Title, health, "57/SYT-VP", b.row.Received)))
	m := New(uitest.Context(d), b)
	return m, uitest.Show(t, m, d, 100, 30), b
}

// enter reads the registration in full from the book, with its letter's
// files (not another letter's).
func TestRegistrationOpenedInFull(t *testing.T) {
	m, d, _ := show(t)
	d.Keys("enter")
	v := m.View()
	if !strings.Contains(v, "Người bệnh khám bằng căn cước") || !strings.Contains(v, "57-SYT-VP.pdf") || strings.Contains(v, "khac.pdf") {
		t.Fatalf("enter shows:\n%s", v)
	}
}

// p on the list records the next step of progress, today.
func TestProgressRecordedThroughTheBook(t *testing.T) {
	_, d, b := show(t)
	d.Keys("p", "ctrl+s")
	if len(b.steps) != 1 || b.steps[0].RegistrationID != 5 || b.steps[0].Stage != campaign.InProgress || b.steps[0].On != uitest.Today {
		t.Fatalf("recorded %+v", b.steps)
	}
	if note := d.Changed(); !strings.HasPrefix(note, "Đã cập nhật tiến độ: Đang triển khai") {
		t.Fatalf("told %q", note)
	}
}

// d asks, naming the registration, then deletes the version shown.
func TestDeleteAsksFirst(t *testing.T) {
	_, d, b := show(t)
	d.Keys("d")
	if len(b.deleted) != 0 {
		t.Fatalf("deleted before asking: %v", b.deleted)
	}
	// the last registration of its letter: the letter's file goes too
	if q, _ := uitest.Last[common.ConfirmMsg](d); q.Question != "Xóa mô hình «Khám bệnh không giấy tờ» của Sở Y tế (văn bản số 57/SYT-VP, nhận 22/03/2023) kèm 1 tệp?" {
		t.Fatalf("asked %q", q.Question)
	}
	d.Yes()
	if len(b.deleted) != 1 || b.deleted[0] != [2]int64{5, 1} {
		t.Fatalf("deleted %v", b.deleted)
	}
	if note := d.Changed(); note != "Đã xóa «Khám bệnh không giấy tờ» của Sở Y tế" {
		t.Fatalf("told %q", note)
	}
}

// The title stays on top of the reading view when its files and fields
// need more lines than the screen has: what is below it scrolls instead.
// The view opens at its first field, and says that more is below, then
// above; reopened, it starts at the top again.
func TestReadingKeepsTheTitle(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {72, 20}} {
		_, _, b := show(t)
		b.row.Title = "Ứng dụng công nghệ thông tin trong tiếp nhận và trả kết quả hồ sơ thủ tục hành chính tại Thanh tra tỉnh Hà Tĩnh"
		b.row.Timeline, b.row.ExpectedResult, b.row.Note = "2026", "Giảm thời gian", "Không"
		for i := int64(10); i < 22; i++ {
			b.files = append(b.files, book.FileRow{ID: i, Name: "tep-" + string(rune('a'+i)) + ".pdf", Size: 10, LetterID: 3, AgencyID: uitest.Health.ID})
		}
		d := uitest.Data(t, uitest.Small(uitest.Row(5, b.row.Title, uitest.Health, "57/SYT-VP", b.row.Received)))
		m := New(uitest.Context(d), b)
		dr := uitest.Show(t, m, d, size[0], size[1])
		top := func(when string) {
			t.Helper()
			v := m.View()
			if !strings.HasPrefix(strings.TrimSpace(strings.Split(v, "\n")[0]), "Ứng dụng công nghệ") ||
				!strings.Contains(v, "Cơ quan, đơn vị") || !strings.Contains(v, "Văn bản") ||
				!strings.Contains(v, "↓ còn nữa ở dưới") || strings.Contains(v, "↑ còn ở trên") || strings.Contains(v, "tep-v.pdf") {
				t.Fatalf("%dx%d: %s, the reading view shows:\n%s", size[0], size[1], when, v)
			}
		}
		dr.Keys("enter")
		top("opened")
		// End shows the files, under the title, and says more is above
		dr.Keys("down", "end")
		if v := m.View(); !strings.Contains(v, "tep-v.pdf") || !strings.Contains(v, "Ứng dụng công nghệ") ||
			!strings.Contains(v, "↑ còn ở trên") || strings.Contains(v, "↓ còn nữa") {
			t.Fatalf("%dx%d: after end:\n%s", size[0], size[1], v)
		}
		dr.Keys("home")
		top("after home")
		dr.Keys("end", "esc", "enter")
		top("reopened")
		// f picks a file: the files come in view
		dr.Keys("f")
		if v := m.View(); !strings.Contains(v, "tep-v.pdf") {
			t.Fatalf("%dx%d: after f:\n%s", size[0], size[1], v)
		}
	}
}
