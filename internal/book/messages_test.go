package book

import (
	"errors"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/lang"
)

// Every message is said in both languages and keeps the kind a caller
// tests for.
func TestMessages(t *testing.T) {
	cause := errors.New("disk I/O error")
	file, server := Storage{Name: "a.db"}, Storage{Name: "postgres://db.so-noi-vu/cchc", Server: true}
	for _, c := range []struct {
		err  error
		kind error
	}{
		{file.Busy(cause), cause}, {file.ReadOnly(), ErrReadOnly}, {file.OpenReadOnly(), ErrReadOnly},
		{file.Damaged(cause), cause}, {file.DiskFull(cause, 0), cause}, {file.CannotOpen(cause), cause},
		{file.DiskError(cause), cause}, {file.Failed(cause), cause},
		{server.Busy(cause), cause}, {server.ReadOnly(), ErrReadOnly}, {server.MayNotWrite("INSERT"), ErrReadOnly}, {server.MayOnlyRead("doc"), ErrReadOnly},
		{server.DiskFull(cause, -1), cause}, {server.ConnectionLost(cause), cause}, {server.Failed(cause), cause},
		{ChangedElsewhere("Sở Y tế"), ErrConflict}, {DeletedElsewhere("Sở Y tế"), ErrNotFound},
		{LetterDeletedElsewhere(), ErrNotFound}, {RegistrationDeletedElsewhere(), ErrNotFound},
		{RegistrationNotFound(), ErrNotFound}, {AgencyNotFound(7), ErrNotFound},
		{NoCampaign(0), ErrNotFound}, {NoCampaign(2023), ErrNotFound},
		{ProgressChanged("Một cửa", campaign.Completed), ErrConflict},
		{ChangeNotFound(3), ErrNotFound}, {UndoBlocked(), ErrConflict}, {NotInTrash(), ErrNotFound},
	} {
		vi, en := lang.Message(c.err, lang.VI), lang.Message(c.err, lang.EN)
		if vi == "" || en == "" || vi == en {
			t.Errorf("%v: vi %q, en %q", c.err, vi, en)
		}
		if !errors.Is(c.err, c.kind) {
			t.Errorf("%v is not %v", c.err, c.kind)
		}
	}
	// the stage is named in the message's language
	if en := lang.Message(ProgressChanged("Một cửa", campaign.Completed), lang.EN); !strings.Contains(en, campaign.Completed.Label(lang.EN)) {
		t.Errorf("en: %q", en)
	}
	if got := lang.Message(AtRow(8, AtRegistration(2, NameTaken("Sở Y tế"))), lang.VI); got != `Dòng 8: Mô hình 2: Tên cơ quan, đơn vị: đã có "Sở Y tế" trong đợt đăng ký này` {
		t.Errorf("prefixed: %q", got)
	}
	if err := AtRow(3, cause); err != cause {
		t.Errorf("an unexplained error is left for the caller: %v", err)
	}
}

// The room left on a full disk reads as each language writes numbers.
func TestSize(t *testing.T) {
	for n, want := range map[int64][2]string{
		-1:            {"không rõ bao nhiêu", "unknown"},
		0:             {"0 byte", "0 bytes"},
		1:             {"1 byte", "1 byte"},
		24 << 10:      {"24 KB", "24 KB"},
		1500 << 20:    {"1,4 GB", "1.4 GB"},
		500 << 20:     {"500 MB", "500 MB"},
		3<<30 + 1<<29: {"3,5 GB", "3.5 GB"},
		1234 << 30:    {"1.234,0 GB", "1,234.0 GB"},
	} {
		if vi, en := Size(lang.VI, n), Size(lang.EN, n); vi != want[0] || en != want[1] {
			t.Errorf("Size(%d) = %q, %q; want %q", n, vi, en, want)
		}
	}
}

// A change's summary groups its counts by thousands, as the language
// writes them: a national import is "1.355 mô hình", not "1355".
func TestSummaryGroupsThousands(t *testing.T) {
	c := Change{Op: OpImport}
	for range 1355 {
		c.Items = append(c.Items, ChangeItem{Table: "registration", Action: "insert", New: map[string]any{}})
	}
	for _, tc := range []struct {
		l    lang.Lang
		want string
	}{{lang.VI, "1.355 mô hình"}, {lang.EN, "1,355 registrations"}} {
		if got := c.Summary(tc.l); !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.l, got, tc.want)
		}
	}
}
