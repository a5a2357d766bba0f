package book

import (
	"context"

	"cchc/internal/campaign"
)

// ImportItem is one registration read from a file. Line is the row of the
// file it came from (0: none), so that a problem found here points there.
type ImportItem struct {
	Line int
	campaign.Registration
}

// ImportLetter is one agency's letter read from a file: the submission and
// the registrations in it.
type ImportLetter struct {
	campaign.Submission
	Items []ImportItem
	// File, when set, is the file the letter was read from, kept with the
	// letter when it is recorded (the same file for each letter it held).
	File *NewFile
}

// ImportedLetter tells what happened to one letter of an import.
type ImportedLetter struct {
	SubmissionID int64 // 0 when nothing was added (all duplicates, or a rehearsal)
	Added        []int // indexes into Items that were (or would be) added
	Duplicates   []int // indexes into Items already in the campaign for that agency
}

// AgencyImport is an agency read from a list. ParentIndex, when not 0, is
// the 1-based position in the same list of its parent (a district added by
// the same import); otherwise Agency.ParentID names the parent.
type AgencyImport struct {
	Line int // the row of the file, for messages
	campaign.Agency
	ParentIndex int
}

// AgencyOutcome is what an import did with one agency.
type AgencyOutcome int

const (
	AgencyAdded     AgencyOutcome = iota + 1 // new in the book and the campaign
	AgencyLinked                             // already in the book, now also in the campaign
	AgencyUnchanged                          // already in the campaign
)

// ImportedAgency is the outcome for one agency of an import and its id.
type ImportedAgency struct {
	ID      int64
	Outcome AgencyOutcome
}

type progressKey struct{}

// WithProgress asks the imports run with ctx to tell fn how many rows of
// how many they have gone through, for a screen's bar; fn is called for
// every row, from the writing goroutine, so it must be quick.
func WithProgress(ctx context.Context, fn func(done, total int)) context.Context {
	return context.WithValue(ctx, progressKey{}, fn)
}

// ProgressOf is the function WithProgress put in ctx, or one doing nothing.
func ProgressOf(ctx context.Context) func(done, total int) {
	if fn, ok := ctx.Value(progressKey{}).(func(done, total int)); ok && fn != nil {
		return fn
	}
	return func(int, int) {}
}
