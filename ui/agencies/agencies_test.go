package agencies

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/ui/common"
	"cchc/ui/uitest"
)

// fakeBook is the agencies screen's Book: what it was asked to write,
// and what another clerk saved meanwhile.
type fakeBook struct {
	theirs   []campaign.Agency // the campaign's agencies as now read
	conflict bool              // the next update meets another clerk's save
	added    []campaign.Agency
	updated  []campaign.Agency
	followed [][]int64
	follow   []bool
}

func (b *fakeBook) CampaignAgencies(context.Context, int64) ([]campaign.Agency, error) {
	return b.theirs, nil
}
func (b *fakeBook) AddAgency(_ context.Context, _ int64, a campaign.Agency) (int64, error) {
	b.added = append(b.added, a)
	return 9, nil
}
func (b *fakeBook) UpdateAgency(_ context.Context, _ int64, a campaign.Agency) error {
	if b.conflict {
		b.conflict = false
		return book.ErrConflict
	}
	b.updated = append(b.updated, a)
	return nil
}
func (b *fakeBook) RenameAgency(context.Context, int64, campaign.Agency) error {
	panic("no name was changed")
}
func (b *fakeBook) FollowAgencies(_ context.Context, _ int64, ids []int64, follow bool) (int, error) {
	b.followed, b.follow = append(b.followed, ids), append(b.follow, follow)
	return len(ids), nil
}
func (b *fakeBook) DeleteRegistration(context.Context, int64, int64) error {
	panic("nothing was deleted")
}
func (b *fakeBook) AgencyRegistrations(context.Context, int64, int64) ([]book.RegistrationRow, error) {
	return nil, nil
}
func (b *fakeBook) Files(context.Context, book.FilesQuery) ([]book.FileRow, error) { return nil, nil }
func (b *fakeBook) Attach(context.Context, int64, int64, book.NewFile) (int64, error) {
	panic("no file was attached")
}
func (b *fakeBook) FileContent(context.Context, int64, io.Writer) (book.FileRow, error) {
	panic("no file was opened")
}
func (b *fakeBook) FilesStored(context.Context) (int64, error) { panic("no file was attached") }
func (b *fakeBook) RemoveFile(context.Context, int64) (book.FileRow, error) {
	panic("no file was removed")
}
func (b *fakeBook) MergeAgencies(context.Context, int64, []campaign.Agency, campaign.Agency) (int64, error) {
	panic("nothing was merged")
}

var health = uitest.Health

func show(t *testing.T, b Book) (*Model, *uitest.Driver) {
	d := uitest.Data(t, uitest.Small())
	m := New(uitest.Context(d), b)
	return m, uitest.Show(t, m, d, 100, 30)
}

// a adds an agency to the campaign shown, through the screen's book.
func TestAgencyAddedThroughTheBook(t *testing.T) {
	b := &fakeBook{}
	_, d := show(t, b)
	d.Keys("a", "Sở Tư pháp", "ctrl+s")
	if len(b.added) != 1 || b.added[0].Name != "Sở Tư pháp" || b.added[0].ID != 0 {
		t.Fatalf("added %+v", b.added)
	}
	if note := d.Changed(); note != "Đã thêm Sở Tư pháp" {
		t.Fatalf("told %q", note)
	}
}

// x asks, naming the unit, before it is no longer followed; yes writes it.
func TestStopFollowingAsksFirst(t *testing.T) {
	b := &fakeBook{}
	_, d := show(t, b)
	d.Keys("x")
	q, ok := uitest.Last[common.ConfirmMsg](d)
	if !ok || !strings.Contains(q.Question, "Sở Y tế") || len(b.followed) != 0 {
		t.Fatalf("x asked %q and wrote %v", q.Question, b.followed)
	}
	d.Yes()
	if len(b.followed) != 1 || !slices.Equal(b.followed[0], []int64{1}) || b.follow[0] {
		t.Fatalf("followed %v %v", b.followed, b.follow)
	}
	d.Changed()
}

// A save over another clerk's shows what they saved, read again from the
// book; o saves the clerk's own over it, against their version.
func TestAgencyConflictReadsTheirs(t *testing.T) {
	theirs := health
	theirs.Version, theirs.ShortName = 4, "Sở YT"
	b := &fakeBook{theirs: []campaign.Agency{theirs}, conflict: true}
	m, d := show(t, b)
	d.Keys("e", "down", "ctrl+u", "SYTHT", "ctrl+s")
	if v := m.View(); !strings.Contains(v, "Người khác đã lưu cơ quan này") || !strings.Contains(v, "Sở YT") {
		t.Fatalf("a conflict shows:\n%s", v)
	}
	d.Keys("o")
	if len(b.updated) != 1 || b.updated[0].ShortName != "SYTHT" || b.updated[0].Version != 4 {
		t.Fatalf("updated %+v", b.updated)
	}
	if note := d.Changed(); note != "Đã lưu Sở Y tế" {
		t.Fatalf("told %q", note)
	}
}

// The search lists the closest names first and selects the first: the
// name typed in full before names that only share its words.
func TestSearchListsTheClosestNameFirst(t *testing.T) {
	s := uitest.Small()
	s.Units = nil
	for i, name := range []string{"Sở Y tế tỉnh Hà Giang", "Sở Y tế tỉnh Hà Nam", "Sở Y tế tỉnh Hà Tĩnh", "Sở Y tế tỉnh Hải Dương"} {
		s.Units = append(s.Units, campaign.Agency{ID: int64(i + 1), Version: 1, Name: name, Group: campaign.Department, Active: true})
	}
	d := uitest.Data(t, s)
	m := New(uitest.Context(d), &fakeBook{})
	dr := uitest.Show(t, m, d, 100, 30)
	dr.Keys("/", "so y te ha tinh", "enter")
	if line := lineWith(m.View(), " › "); !strings.Contains(line, "Sở Y tế tỉnh Hà Tĩnh") {
		t.Fatalf("the row selected is %q:\n%s", line, m.View())
	}
	dr.Keys("esc", "/", "ha nam")
	if line := lineWith(m.View(), " › "); !strings.Contains(line, "Sở Y tế tỉnh Hà Nam") {
		t.Fatalf("the row selected is %q:\n%s", line, m.View())
	}
}

func lineWith(view, s string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
