package store

import (
	"context"

	"cchc/internal/book"
	"cchc/internal/store/sqlite"
)

// RestoreBackup takes the book back to the backup at path (cchc restore,
// the history screen's b): the backup is checked first (a cchc book this
// program knows, whole); the book is taken alone, refused while any other
// program has it open; it is backed up beside itself (before-restore);
// then SQLite's backup API writes the backup's pages into it, in one
// transaction, never by copying files; an older schema is brought up to
// date, and the history says what was done. A shared book is restored
// into an empty database instead (RestoreInto).
func (s *Store) RestoreBackup(ctx context.Context, backup string) (book.Restored, error) {
	done, err := s.eng.Restore(ctx, backup, s.noteRestore)
	if err != nil {
		return book.Restored{}, err
	}
	s.mu.Lock()
	s.session = nil // what this window did before is not in the book now
	s.mu.Unlock()
	return done, nil
}

// noteRestore leaves the restore in the history: a change of its own
// with no rows, which undo refuses (book.RestoreNotUndone).
func (s *Store) noteRestore(ctx context.Context, r book.Restored) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return s.explain(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO history (id, at, who, op, open)
		VALUES ((SELECT coalesce(max(id), 0) + 1 FROM history), ?, ?, ?, 0)`, s.stamp(), s.user, book.BackupRestoreOp(r)); err != nil {
		return s.explain(err)
	}
	return s.explain(tx.Commit())
}

// RestoreInto restores the backup at path into target where there is no
// book yet: an empty PostgreSQL database, or a SQLite file not there
// (cchc copy's machinery: all or nothing, never over a book). The
// backup, a SQLite file whichever engine made it, is checked first, and
// the new book's history says so.
func RestoreInto(ctx context.Context, backup, target string, opt Options) (book.Restored, Counts, error) {
	if err := placeOf(target).ready(target); err != nil {
		return book.Restored{}, nil, err
	}
	abs, _, err := sqlite.CheckBackup(ctx, backup, target, SchemaVersion())
	if err != nil {
		return book.Restored{}, nil, err
	}
	src, err := Open(abs, Options{AllowReadOnly: true, MustExist: true, Now: opt.Now, FSType: opt.FSType})
	if err != nil {
		return book.Restored{}, nil, err
	}
	defer src.Close()
	counts, err := Copy(ctx, src, target, opt)
	if err != nil {
		return book.Restored{}, nil, err
	}
	dst, err := Open(target, Options{MustExist: true, Now: opt.Now, User: opt.User, FSType: opt.FSType})
	if err != nil {
		return book.Restored{}, nil, err
	}
	defer dst.Close()
	done := book.Restored{From: abs}
	return done, counts, dst.noteRestore(ctx, done)
}
