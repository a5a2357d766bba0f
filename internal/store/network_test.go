package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/lang"
)

func share(kind string) func(string) (string, error) {
	return func(string) (string, error) { return kind, nil }
}

// A book on a network share (SMB, CIFS, NFS…) is never written: not made
// there, not opened for writing; it may be opened to read, and every
// write is then refused with what to do instead.
func TestBookOnANetworkShare(t *testing.T) {
	sqliteOnly(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "cchc.db")
	for _, kind := range []string{"cifs", "smb2", "nfs", "fuse.sshfs", "unc", "remote"} {
		_, err := Open(path, Options{FSType: share(kind), AllowReadOnly: true})
		if err == nil {
			t.Fatalf("%s: a new book was made on a share", kind)
		}
		vi, en := lang.Message(err, lang.VI), lang.Message(err, lang.EN)
		if !strings.Contains(vi, "ổ mạng dùng chung. ") || !strings.Contains(vi, "PostgreSQL") ||
			!strings.Contains(en, "network share") || !strings.Contains(en, "one PC") || !strings.Contains(en, "--db postgres://") {
			t.Fatalf("%s: message\n%s\n%s", kind, vi, en)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a file was made on the share: %v", err)
	}

	s, err := Open(path, Options{FSType: share("ext4")})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Campaign(t.Context(), 0)
	if err != nil {
		t.Fatal(err)
	}
	fatalIf(t, s.Close())
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{FSType: share("smb2")}); err == nil || !strings.Contains(lang.Message(err, lang.EN), "network share") {
		t.Fatalf("opened for writing on a share: %v", err)
	}
	r, err := Open(path, Options{FSType: share("smb2"), AllowReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if !r.ReadOnly() || r.Network() != "smb2" {
		t.Fatalf("read-only %v, network %q", r.ReadOnly(), r.Network())
	}
	if _, err := r.Campaign(t.Context(), c.Year); err != nil {
		t.Fatalf("reading: %v", err)
	}
	agencies, err := r.CampaignAgencies(t.Context(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	a := agencies[0]
	a.Name += " mới"
	err = r.UpdateAgency(t.Context(), c.ID, a)
	if !errors.Is(err, book.ErrReadOnly) || !strings.Contains(lang.Message(err, lang.VI), "ổ mạng dùng chung") {
		t.Fatalf("a write on a share: %v", err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(after) != string(before) {
		t.Error("the book on the share changed")
	}
}

// Reading a book on a share leaves no file of SQLite's beside it (-wal,
// -shm): the office's other PCs would take them for a writer's.
func TestReadingABookOnAShareLeavesNothingThere(t *testing.T) {
	sqliteOnly(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "cchc.db")
	s, err := Open(path, Options{FSType: share("ext4")})
	if err != nil {
		t.Fatal(err)
	}
	fatalIf(t, s.Close())
	before, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{FSType: share("smb2"), AllowReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	c, err := r.Campaign(t.Context(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.CampaignAgencies(t.Context(), c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := r.DataVersion(t.Context()); err != nil {
		t.Fatal(err)
	}
	during, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fatalIf(t, r.Close())
	after, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	names := func(es []os.DirEntry) string {
		var n []string
		for _, e := range es {
			n = append(n, e.Name())
		}
		return strings.Join(n, " ")
	}
	if names(during) != names(before) || names(after) != names(before) {
		t.Fatalf("files on the share: before %q, while reading %q, after %q", names(before), names(during), names(after))
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		m := lang.Message(r.NetworkProblem(), l)
		if strings.Contains(m, "smb2") || strings.Contains(m, "sắp có") || strings.Contains(m, "coming") || !strings.Contains(m, "--db postgres://") {
			t.Errorf("%s: %s", l, m)
		}
	}
}
