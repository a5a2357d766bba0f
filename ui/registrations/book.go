package registrations

import (
	"context"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/ui/common"
)

// Book is what the registrations screen asks of the book: a registration
// read in full with its progress and files, a step of progress recorded,
// a registration deleted, and what its files ask (opened, saved, attached).
type Book interface {
	common.Deleter
	common.FileBook
	Registration(ctx context.Context, id int64) (book.RegistrationRow, error)
	ProgressSteps(ctx context.Context, registrationID int64) ([]campaign.Step, error)
	AdvanceProgress(ctx context.Context, step campaign.Step, lastSeen int64) error
	Files(ctx context.Context, q book.FilesQuery) ([]book.FileRow, error)
}
