package registrations

import (
	"context"

	"cchc/internal/book"
	"cchc/ui/common"
)

// filesOf lists the files of registration r and of its letter.
func filesOf(ctx context.Context, st Book, r book.RegistrationRow) ([]book.FileRow, error) {
	all, err := st.Files(ctx, book.FilesQuery{AgencyID: r.AgencyID})
	if err != nil {
		return nil, err
	}
	return common.FilesOf(all, r.SubmissionID, r.ID), nil
}
