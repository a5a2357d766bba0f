package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/store/sqlite"
	"cchc/internal/vndate"
)

// titled counts the registrations with the given title in the book at path,
// opened on its own, after checking the file is whole.
func titled(t *testing.T, path, title string) int {
	t.Helper()
	db, err := sql.Open("sqlite", sqlite.DSN(path, sqlite.ReadOnly))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check of %s: %q, %v", path, ok, err)
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM registration WHERE title = ?`, title).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func addOne(t *testing.T, s *Store, title string) error {
	t.Helper()
	c := campaignOf(t, s, 2023)
	a := agencyByName(t, s, c, "Huyện Đức Thọ")
	_, _, err := s.RecordSubmission(context.Background(), campaign.Submission{CampaignID: c.ID, AgencyID: a.ID,
		Received: vndate.Of(2023, 3, 21)}, []campaign.Registration{sampleReg(title)})
	return err
}

// A book written over in place while open (`cp backup.db book.db`: the
// same file, new content) is noticed, nothing more is written, and the
// program's log never reaches the file: after Close it is byte for byte
// what was copied, whole, with the backup's content. Close notices it
// without being asked first (quitting right after the copy).
func TestBookWrittenOverInPlaceStaysIntact(t *testing.T) {
	sqliteOnly(t)
	for _, asked := range []bool{true, false} {
		t.Run(map[bool]string{true: "noticed", false: "on-close"}[asked], func(t *testing.T) {
			ctx := context.Background()
			s, err := Open(filepath.Join(t.TempDir(), "cchc.db"), Options{Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := addOne(t, s, "Trước sao lưu"); err != nil {
				t.Fatal(err)
			}
			backup, err := s.Backup(ctx, filepath.Join(t.TempDir(), "restore.db"))
			if err != nil {
				t.Fatal(err)
			}
			if err := addOne(t, s, "Sau sao lưu"); err != nil { // one edit saved, in the log
				t.Fatal(err)
			}
			restored, err := os.ReadFile(backup)
			if err != nil {
				t.Fatal(err)
			}
			before, _ := os.Stat(s.Path())
			// os.WriteFile opens with O_TRUNC as cp does: the same inode
			if err := os.WriteFile(s.Path(), restored, 0o600); err != nil {
				t.Fatal(err)
			}
			if after, _ := os.Stat(s.Path()); !os.SameFile(before, after) {
				t.Fatal("not the same file")
			}
			if asked {
				err := s.CheckBook()
				if !errors.Is(err, book.ErrBookOverwritten) || !errors.Is(err, book.ErrBookGone) {
					t.Fatalf("CheckBook = %v", err)
				}
				if err := addOne(t, s, "Ghi lẫn"); !errors.Is(err, book.ErrBookGone) {
					t.Fatalf("a write went through: %v", err)
				}
				if _, err := s.Rescue(ctx, s.RescuePath()); !errors.Is(err, book.ErrBookOverwritten) {
					t.Fatalf("a rescue of mixed pages: %v", err)
				}
				if _, err := s.Backup(ctx, filepath.Join(t.TempDir(), "quit.db")); !errors.Is(err, book.ErrBookGone) {
					t.Fatalf("a backup of mixed pages: %v", err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if b, err := os.ReadFile(s.Path()); err != nil || string(b) != string(restored) {
				t.Fatalf("the file copied in was written (%v)", err)
			}
			if _, err := os.Stat(s.Path() + "-wal"); err == nil {
				t.Fatal("the log is still beside the book: the next open reads it into the file")
			}
			if s.SetAside() == "" {
				t.Fatal("the log was not set aside")
			} else if _, err := os.Stat(s.SetAside()); err != nil {
				t.Fatal(err)
			}
			if titled(t, s.Path(), "Trước sao lưu") != 1 || titled(t, s.Path(), "Sau sao lưu") != 0 {
				t.Fatal("the book is not the backup")
			}
		})
	}
}

// Another clerk's checkpoint changes the file too (size, first page): that
// is no overwrite, and writing goes on.
func TestACheckpointIsNoOverwrite(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "cchc.db")
	s, err := Open(path, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(path, Options{Now: fixedNow, User: "Lan"})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	raw, err := sql.Open("sqlite", sqlite.DSN(path, sqlite.ReadWrite))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for i, title := range []string{"Một", "Hai", "Ba"} {
		if err := addOne(t, other, title); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(`PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
			t.Fatal(err)
		}
		if err := s.CheckBook(); err != nil {
			t.Fatalf("after checkpoint %d: %v", i, err)
		}
		if err := addOne(t, s, title+" nữa"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil || s.SetAside() != "" {
		t.Fatalf("close: %v, aside %q", err, s.SetAside())
	}
}
