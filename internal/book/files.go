package book

import (
	"context"
	"io"
	"time"

	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// NewFile is a file to keep: its name as the clerk gave it and its bytes
// (at most files.MaxSize, so held whole while it is stored).
type NewFile struct {
	Name    string
	Content []byte
}

// FileRow is a kept file as listed: the content is read apart (FileContent).
type FileRow struct {
	ID             int64
	Name           string
	Size           int64
	SHA256         string
	LetterID       int64 // 0 when the file is a registration's
	RegistrationID int64 // 0 when the file is a letter's
	AgencyID       int64
	Agency         string
	AgencyGroup    string
	LetterNumber   string
	LetterDate     vndate.Date // zero: none
	Received       vndate.Date
	Title          string // the registration's title, for a registration's file
	Added          time.Time
}

// FilesQuery filters the files listed: a campaign (0: every one) and an
// agency (0: every one).
type FilesQuery struct {
	CampaignID int64
	AgencyID   int64
}

// Files are the letters' and registrations' own files kept in the book.
type Files interface {
	// Attach keeps a file with a letter (letterID) or a registration
	// (registrationID), one of the two; it returns the attachment's id.
	Attach(ctx context.Context, letterID, registrationID int64, f NewFile) (int64, error)
	// RemoveFile takes kept file id away from its letter or registration,
	// one change in the history that undo reverses (the content stays in
	// the book while anything refers to it); it returns the file as it was.
	RemoveFile(ctx context.Context, id int64) (FileRow, error)
	// Files lists kept files in report order (group, agency, letter).
	Files(ctx context.Context, q FilesQuery) ([]FileRow, error)
	// FileContent writes a kept file's bytes to w.
	FileContent(ctx context.Context, id int64, w io.Writer) (FileRow, error)
	// FilesStored is how many bytes of files the book keeps, each content once.
	FilesStored(ctx context.Context) (int64, error)
}

// FileNotFound: no kept file has that number.
func FileNotFound(id int64) error {
	return lang.Wrap(ErrNotFound, "Không có tệp số %d trong sổ (xem: cchc files)", "There is no file number %d in the book (see: cchc files)", id)
}

// FileGone: the file to remove is not kept (any more): removed meanwhile,
// or gone with its letter or registration.
func FileGone(id int64) error {
	return lang.Wrap(ErrNotFound, "Tệp số %d không còn trong sổ: có thể người khác vừa bỏ nó, hoặc xóa văn bản, mô hình kèm theo (xem: cchc files)",
		"File number %d is no longer in the book: someone may have just removed it, or deleted its letter or registration (see: cchc files)", id)
}

// AttachTargetGone: the letter or registration to attach to is not there.
func AttachTargetGone(letter bool, id int64) error {
	if letter {
		return lang.Wrap(ErrNotFound, "Không có văn bản số %d trong sổ", "There is no letter number %d in the book", id)
	}
	return lang.Wrap(ErrNotFound, "Không có mô hình số %d trong sổ", "There is no registration number %d in the book", id)
}

// FileDamaged: a kept file's content no longer matches its SHA-256.
func FileDamaged(id int64, name string) lang.Error {
	return *lang.Errorf("Tệp số %d (%s) đã bị hỏng: nội dung không khớp mã SHA-256 lưu cùng (khôi phục từ bản sao lưu)",
		"File number %d (%s) is damaged: its content does not match its SHA-256 (restore it from a backup)", id, name)
}
