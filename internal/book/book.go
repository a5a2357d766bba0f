package book

import (
	"context"
	"time"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// The interfaces below are what the clerk does with the book, one job
// each; a package takes the narrowest that serves it, the app as a whole
// takes Book. Every write is one transaction, recorded in the history and
// undoable; a write over a row someone else changed since it was read
// fails with ErrConflict, one on a book that cannot be written with
// ErrReadOnly or ErrBookGone. Errors are for the clerk (lang.Message).

// Campaigns are the years' calls for registrations.
type Campaigns interface {
	// Campaigns lists every campaign, the latest year first.
	Campaigns(ctx context.Context) ([]campaign.Campaign, error)
	// Campaign is the campaign of a year (0: the latest).
	Campaign(ctx context.Context, year int) (campaign.Campaign, error)
	// NewCampaign starts a year, its quotas, issuer, signer and expected
	// agencies copied from the campaign of fromYear (0: the latest).
	NewCampaign(ctx context.Context, c campaign.Campaign, fromYear int) (int64, error)
	// NewCampaignOnMap is NewCampaign bringing the copied list onto a
	// province's current map (m), in the same one change.
	NewCampaignOnMap(ctx context.Context, c campaign.Campaign, fromYear int, m MapChange) (int64, error)
	// UpdateCampaign saves a campaign's settings (deadline, letter, signer…).
	UpdateCampaign(ctx context.Context, c campaign.Campaign) error
	// SetQuota sets what a campaign asks of each agency of a group.
	SetQuota(ctx context.Context, campaignID int64, g campaign.Group, q campaign.Quota) error
}

// MapChange is what brings a campaign's list onto a new administrative
// map (see internal/provmap): departments merged, units no longer followed
// (districts and their communes), units added directly under the province
// (with their official codes) and quotas set.
type MapChange struct {
	Merges []MapMerge
	Stop   []int64
	Add    []campaign.Agency
	Quotas map[campaign.Group]campaign.Quota
}

// MapMerge is units merged into one (new when Into.ID is 0).
type MapMerge struct {
	Olds []int64
	Into campaign.Agency
}

// Agencies are the units a campaign follows, and how the map changes
// (merges, renames, units stopped or followed again).
type Agencies interface {
	// CampaignAgencies lists a campaign's agencies as it knows them, in report order.
	CampaignAgencies(ctx context.Context, campaignID int64) ([]campaign.Agency, error)
	// OtherAgencies lists the book's agencies a campaign does not list (of other campaigns).
	OtherAgencies(ctx context.Context, campaignID int64) ([]campaign.Agency, error)
	Agency(ctx context.Context, id int64) (campaign.Agency, error)
	AddAgency(ctx context.Context, campaignID int64, a campaign.Agency) (int64, error)
	UpdateAgency(ctx context.Context, campaignID int64, a campaign.Agency) error
	// SetExpected says whether a campaign expects letters from an agency.
	SetExpected(ctx context.Context, campaignID, agencyID int64, expected bool) error
	RenameAgency(ctx context.Context, campaignID int64, a campaign.Agency) error
	// FollowAgencies stops (follow false) or resumes following agencies; it
	// returns how many changed.
	FollowAgencies(ctx context.Context, campaignID int64, ids []int64, follow bool) (int, error)
	// MergeAgencies merges olds into a unit (new when into.ID is 0) and returns its id.
	MergeAgencies(ctx context.Context, campaignID int64, olds []campaign.Agency, into campaign.Agency) (int64, error)
}

// Letters are the letters agencies send and the registrations in them, as
// the clerk types them in and corrects them.
type Letters interface {
	// RecordSubmission records a letter and its registrations; it returns the new ids.
	RecordSubmission(ctx context.Context, sub campaign.Submission, regs []campaign.Registration) (int64, []int64, error)
	AddToSubmission(ctx context.Context, submissionID int64, regs []campaign.Registration) ([]int64, error)
	UpdateSubmission(ctx context.Context, sub campaign.Submission) error
	UpdateRegistration(ctx context.Context, r campaign.Registration) error
	// UpdateEntry saves a registration and its letter together.
	UpdateEntry(ctx context.Context, sub campaign.Submission, r campaign.Registration) error
	// DeleteRegistration moves a registration to the trash (its letter too
	// when it was the letter's last).
	DeleteRegistration(ctx context.Context, id, version int64) error
	// Submissions lists a campaign's letters, the latest received first.
	Submissions(ctx context.Context, campaignID int64) ([]SubmissionRow, error)
	// LatestSubmissions is the n letters received last.
	LatestSubmissions(ctx context.Context, campaignID int64, n int) ([]SubmissionRow, error)
}

// Registrations are the reads of registrations: one in full, an agency's,
// a campaign's, and the light list a screen searches.
type Registrations interface {
	Registration(ctx context.Context, id int64) (RegistrationRow, error)
	Registrations(ctx context.Context, campaignID int64) ([]RegistrationRow, error)
	AgencyRegistrations(ctx context.Context, campaignID, agencyID int64) ([]RegistrationRow, error)
	// RegistrationList lists a campaign's registrations, newest letter first, as ListRows.
	RegistrationList(ctx context.Context, campaignID int64) ([]ListRow, error)
}

// Imports write what files brought in, each import one transaction; with
// rehearse nothing is written and the outcome is told as if it had been.
type Imports interface {
	ImportRegistrations(ctx context.Context, letters []ImportLetter, rehearse bool) ([]ImportedLetter, error)
	// ImportDuplicates lists, per letter, the items already registered by its agency.
	ImportDuplicates(ctx context.Context, letters []ImportLetter) ([][]int, error)
	ImportAgencies(ctx context.Context, campaignID int64, list []AgencyImport, rehearse bool) ([]ImportedAgency, error)
}

// Progress is how registered models move on: under way, completed,
// proposed, recognised, stopped.
type Progress interface {
	// ProgressSteps lists a registration's steps, the first first.
	ProgressSteps(ctx context.Context, registrationID int64) ([]campaign.Step, error)
	// CampaignStages is the latest step, on or before asOf (zero: any
	// day), of each registration of a campaign that has one.
	CampaignStages(ctx context.Context, campaignID int64, asOf vndate.Date) (map[int64]campaign.Step, error)
	// CampaignCompletions is the completing step, on or before asOf (zero:
	// any day), of each registration completed by then.
	CampaignCompletions(ctx context.Context, campaignID int64, asOf vndate.Date) (map[int64]campaign.Step, error)
	// AdvanceProgress records a step; lastSeen is the step the clerk saw (0: none).
	AdvanceProgress(ctx context.Context, step campaign.Step, lastSeen int64) error
}

// History is what was changed, by whom, and the way back: undo and the
// trash.
type History interface {
	// History lists recorded changes, the latest first.
	History(ctx context.Context, q HistoryQuery) ([]Change, error)
	// Undo undoes a change (ErrConflict when a later one touched its rows).
	Undo(ctx context.Context, id int64) (Change, error)
	// UndoLast undoes this session's latest change not yet undone.
	UndoLast(ctx context.Context) (Change, error)
	// NextUndo is the change UndoLast would undo, for the clerk to be
	// asked first (NothingToUndo when none).
	NextUndo(ctx context.Context) (Change, error)
	// ResetUndo forgets the session's changes so far, for UndoLast.
	ResetUndo()
	// Trash lists a campaign's deleted registrations not yet restored.
	Trash(ctx context.Context, campaignID int64) ([]TrashEntry, error)
	// Restore puts a deleted registration back; it returns its title.
	Restore(ctx context.Context, itemID int64) (string, error)
	// RestoreBackup takes the whole book back to the backup at path,
	// saving the book as it was beside it first (cchc restore).
	RestoreBackup(ctx context.Context, path string) (Restored, error)
	// User is the name recorded as the author of this book's changes.
	User() string
}

// Reports are the reads behind status and the printed reports.
type Reports interface {
	Standing
	// ReportRegistrations opens the registrations received on or before
	// asOf (zero: all) in report order.
	ReportRegistrations(ctx context.Context, campaignID int64, asOf vndate.Date) (RegistrationReader, error)
	// Uncounted is what the status's totals leave out that the list of
	// registrations holds: the registrations received on or before asOf
	// (zero: all) of units the campaign no longer follows and no unit
	// succeeded, which count for no group.
	Uncounted(ctx context.Context, campaignID int64, asOf vndate.Date) (Uncounted, error)
}

// Uncounted is how many registrations of how many units no longer followed
// the status does not count (both 0 when it counts every one).
type Uncounted struct {
	Registrations int
	Units         int
}

// RegistrationReader reads a campaign's registrations in report order, one
// at a time, on one snapshot: the counts and the rows agree even when
// someone records a letter meanwhile. Close it when done.
type RegistrationReader interface {
	Counts(ctx context.Context) (RegistrationCounts, error)
	Each(ctx context.Context, fn func(RegistrationRow) error) error
	Close() error
}

// Filling writes made-up data into a new book (the demo), in bulk and
// unrecorded.
type Filling interface {
	// IsNew reports whether the book holds only what a new book starts with.
	IsNew(ctx context.Context) (bool, error)
	// ClearNewBook empties a new book (ErrNotNew for one holding work).
	ClearNewBook(ctx context.Context) error
	BulkAddAgencies(ctx context.Context, list []campaign.Agency) ([]int64, error)
	BulkAddCampaign(ctx context.Context, c campaign.Campaign, agencyIDs []int64) (int64, error)
	BulkAddLetters(ctx context.Context, letters []BulkLetter) error
}

// Keeping is the care of the book itself: where it is, whether it can be
// written, backups, checks, noticing changes made by others, and the
// rescue of a book whose file went away.
type Keeping interface {
	// Path names the book for the clerk (a file; never a password).
	Path() string
	ReadOnly() bool
	Close() error
	// Now is the book's clock (tests fix it).
	Now() time.Time
	// Backup writes a consistent copy of the book to dest, a new file; it
	// returns the file written.
	Backup(ctx context.Context, dest string) (string, error)
	DefaultBackupPath() string
	BackedUpToday() bool
	// Check looks the whole book over; err is for a book that cannot be read.
	Check(ctx context.Context) ([]lang.Error, error)
	// DataVersion changes whenever someone else writes the book.
	DataVersion(ctx context.Context) (int64, error)
	// Changed receives (a value at most waiting) when the server tells of
	// a commit, so that DataVersion may have moved; nil where nothing is
	// told (SQLite: DataVersion is polled).
	Changed() <-chan struct{}
	// CheckBook reports ErrBookGone when the book opened is no longer there.
	CheckBook() error
	RescuePath() string
	Rescue(ctx context.Context, dest string) (string, error)
	// Network names the network file system the book is on ("" when none);
	// NetworkProblem is the message about it.
	Network() string
	NetworkProblem() error
	// ReadOnlyReason is why the book is open read-only (nil when it is
	// not, or when a read-only file is all there is to say).
	ReadOnlyReason() error
}

// Book is the whole registration book, as the application takes it.
type Book interface {
	Campaigns
	Agencies
	Letters
	Registrations
	Imports
	Files
	Progress
	History
	Reports
	Filling
	Keeping
}
