package store

import (
	"context"

	"cchc/internal/book"
)

// The store is the SQLite implementation of the registration book.
var _ book.Book = (*Store)(nil)

// The book's rows and errors under their old names, for the store's own
// code while the storage packages are being reshaped; the app uses the
// book's names.
type (
	SubmissionRow      = book.SubmissionRow
	RegistrationRow    = book.RegistrationRow
	ListRow            = book.ListRow
	ListLetter         = book.ListLetter
	ListAgency         = book.ListAgency
	RegistrationCounts = book.RegistrationCounts
	GroupCount         = book.GroupCount
	TrashEntry         = book.TrashEntry
	BulkLetter         = book.BulkLetter
	ImportItem         = book.ImportItem
	ImportLetter       = book.ImportLetter
	ImportedLetter     = book.ImportedLetter
	AgencyImport       = book.AgencyImport
	AgencyOutcome      = book.AgencyOutcome
	ImportedAgency     = book.ImportedAgency
	Change             = book.Change
	ChangeItem         = book.ChangeItem
	HistoryQuery       = book.HistoryQuery
)

const (
	AgencyAdded     = book.AgencyAdded
	AgencyLinked    = book.AgencyLinked
	AgencyUnchanged = book.AgencyUnchanged

	OpCreate  = book.OpCreate
	OpEdit    = book.OpEdit
	OpDelete  = book.OpDelete
	OpImport  = book.OpImport
	OpUndo    = book.OpUndo
	OpRestore = book.OpRestore
	OpMerge   = book.OpMerge
	OpRename  = book.OpRename
	OpStop    = book.OpStop
	OpFollow  = book.OpFollow
)

var (
	ErrConflict = book.ErrConflict
	ErrNotFound = book.ErrNotFound
	ErrReadOnly = book.ErrReadOnly
	ErrBookGone = book.ErrBookGone
	ErrNotNew   = book.ErrNotNew
)

func progressOf(ctx context.Context) func(done, total int) { return book.ProgressOf(ctx) }
