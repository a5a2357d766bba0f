package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cchc/internal/lang"
	"cchc/internal/safefile"
)

// Backup writes a consistent copy of the book to dest with VACUUM INTO: a
// snapshot read inside one transaction, so it is safe while other clerks
// keep writing. The copy is made by the shared writer (safefile.Create):
// under a temporary name, placed only when whole, so a crash never leaves
// a half backup under a real name; dest must not exist and is never a
// book; it is created 0600. It returns dest's absolute path.
func (s *Store) Backup(ctx context.Context, dest string) (string, error) {
	if s.d.Kind() != "sqlite" {
		// a shared book's backup is a SQLite book: a snapshot any PC opens
		abs, err := filepath.Abs(dest)
		if err != nil {
			return "", lang.Wrap(err, "Đường dẫn tệp sao lưu không hợp lệ: %s", "Invalid backup path: %s", dest)
		}
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return "", lang.Wrap(err, "Không tạo được thư mục %s cho tệp sao lưu", "Cannot create the folder %s for the backup", filepath.Dir(abs))
		}
		if _, err := Copy(ctx, s, abs, Options{Now: s.now}); err != nil {
			return "", lang.Wrap(err, "Không sao lưu được vào %s", "Cannot back up to %s", abs)
		}
		return abs, nil
	}
	return s.backupOn(ctx, s.db, dest)
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// backupOn is Backup through q (the pool, or the connection Rescue uses).
func (s *Store) backupOn(ctx context.Context, q execer, dest string) (string, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", lang.Wrap(err, "Đường dẫn tệp sao lưu không hợp lệ: %s", "Invalid backup path: %s", dest)
	}
	exists := func() error { return fileThere(abs) }
	if _, err := os.Lstat(abs); err == nil {
		return "", exists() // a backup never overwrites, book or not
	}
	var copyErr error
	err = safefile.Create(abs, false, func(tmp string) error {
		if _, err := q.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
			copyErr = lang.Wrap(s.explain(err), "Không sao lưu được vào %s", "Cannot back up to %s", abs)
			return copyErr
		}
		return nil
	})
	switch {
	case errors.Is(err, safefile.ErrExists):
		return "", exists()
	case err != nil && err == copyErr:
		return "", err
	case err != nil:
		return "", lang.Wrap(err, "Không tạo được tệp sao lưu %s", "Cannot create the backup %s", abs)
	}
	return abs, nil
}

// backupName is a dated file beside the book: cchc-sao-luu-2023-04-05.db,
// with the time added when that name is taken.
func (s *Store) backupName(tag string) string {
	dir, base := s.backupPlace()
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	now := s.now()
	name := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.db", stem, tag, now.Format("2006-01-02")))
	for i := 1; ; i++ {
		if _, err := os.Stat(name); err != nil {
			return name
		}
		name = filepath.Join(dir, fmt.Sprintf("%s-%s-%s-%d.db", stem, tag, now.Format("2006-01-02-150405"), i))
	}
}

// backupPlace is the folder of dated backups and the name they start
// from: the book's own, or for a shared book the clerk's configuration
// folder, where a book of one's own would be, and the shared book's name
// (sharedName), so that its backups are not taken for that book's.
func (s *Store) backupPlace() (dir, base string) {
	if s.d.Kind() != "sqlite" {
		if p, err := DefaultPath(); err == nil {
			dir = filepath.Dir(p)
		}
		return dir, s.shared + ".db" // without a configuration folder, the current one
	}
	return filepath.Split(s.path)
}

// DefaultBackupPath is where `cchc backup` writes without a file name.
func (s *Store) DefaultBackupPath() string { return s.backupName("backup") }

// BackedUpToday reports whether a dated backup of today is beside the book
// (the TUI offers one on quit otherwise).
func (s *Store) BackedUpToday() bool {
	dir, base := s.backupPlace()
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	m, _ := filepath.Glob(filepath.Join(dir, stem+"-backup-"+s.now().Format("2006-01-02")+"*.db"))
	return len(m) > 0
}

// backupBeforeUpgrade keeps a copy of a book before its schema changes.
func (s *Store) backupBeforeUpgrade(ctx context.Context, from int) error {
	var err error
	// Other processes upgrading at the same moment may take the name just
	// chosen: try the next free one, a little later.
	for attempt := range 100 {
		if _, err = s.Backup(ctx, s.backupName(fmt.Sprintf("before-schema-%d", SchemaVersion()))); err == nil {
			return nil
		}
		time.Sleep(time.Duration(1+attempt%7) * time.Millisecond)
	}
	return lang.Wrap(err, "Không nâng cấp tệp dữ liệu (lược đồ %d) vì không sao lưu được trước", "The database (schema %d) was not upgraded because it could not be backed up first", from)
}

// Changed receives when the server tells of a commit (PostgreSQL); nil on
// SQLite, whose DataVersion is polled.
func (s *Store) Changed() <-chan struct{} {
	if s.changes == nil {
		return nil
	}
	return s.changes.Changed()
}

// DataVersion changes whenever another connection (another clerk, or
// another part of this program) commits to the book. It is read on one
// dedicated connection, as SQLite counts per connection.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	if s.changes != nil {
		return s.changes.Version(ctx), nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.watch == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return 0, s.explain(err)
		}
		s.watch = c
	}
	var v int64
	if err := s.watch.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, s.explain(err)
	}
	return v, nil
}

// Now is the store's clock (tests fix it).
func (s *Store) Now() time.Time { return s.now() }
