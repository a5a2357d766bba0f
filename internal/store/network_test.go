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
		if !strings.Contains(vi, "ổ mạng dùng chung ("+kind+")") || !strings.Contains(vi, "PostgreSQL") ||
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
