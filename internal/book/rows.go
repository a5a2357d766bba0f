package book

import (
	"time"

	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

// SubmissionRow is a received letter as lists show it.
type SubmissionRow struct {
	campaign.Submission
	AgencyName    string
	AgencyGroup   campaign.Group
	Registrations int
}

// RegistrationRow is a registration with what lists show beside it.
type RegistrationRow struct {
	campaign.Registration
	AgencyID      int64
	AgencyName    string
	AgencyGroup   campaign.Group
	LeadName      string // the implementing unit; the agency itself when no commune was named
	LetterNumber  string
	LetterDate    vndate.Date
	Received      vndate.Date
	TitleKey      string
	SubmissionVer int64
}

// ListRow is one registration as a list shows and searches it, kept small
// because a national campaign holds 200,000 of them (80 bytes and two
// strings each, where a RegistrationRow is 304 bytes and eleven): no long
// texts, no letter date, the agencies shared between rows, the day and the
// kind and area packed. Read one registration in full with Registration.
type ListRow struct {
	ID, Version int64
	Title       string
	TitleKey    string      // folded title, for the search
	Letter      *ListLetter // shared by the registrations of one letter
	Agency      *ListAgency
	Lead        *ListAgency // the implementing unit; the Agency itself when no commune was named
	// The packed fields, read through Received, Kind and Area.
	Day            int32 // the letter's received day as yyyymmdd (PackDay)
	KindNo, AreaNo uint8 // 1 + position in campaign.Kinds, campaign.Areas; 0 unknown
	StageNo        uint8 // 1 + position in campaign.Stages of its latest step; 0 none yet (registered)
}

// ListLetter is the letter of list rows, shared between them.
type ListLetter struct {
	Number string
	Key    string // the number folded, for the search
}

// LetterNumber is the number of the registration's letter.
func (r *ListRow) LetterNumber() string {
	if r.Letter == nil {
		return ""
	}
	return r.Letter.Number
}

// ListAgency is an agency named by list rows, shared between them.
type ListAgency struct {
	ID    int64
	Name  string
	Key   string // folded name, for the search
	Group campaign.Group
}

// Received is the day the registration's letter was received.
func (r *ListRow) Received() vndate.Date {
	return UnpackDay(r.Day)
}

// Kind is the registration's kind.
func (r *ListRow) Kind() campaign.Kind {
	if r.KindNo == 0 {
		return ""
	}
	return campaign.Kinds[r.KindNo-1]
}

// Stage is where the registered model stands: its latest step's stage.
func (r *ListRow) Stage() campaign.Stage {
	if r.StageNo == 0 {
		return campaign.Registered
	}
	return campaign.Stages[r.StageNo-1]
}

// Area is the registration's area of reform.
func (r *ListRow) Area() campaign.Area {
	if r.AreaNo == 0 {
		return ""
	}
	return campaign.Areas[r.AreaNo-1]
}

// PackDay is d as yyyymmdd, 0 for no date; UnpackDay gives it back.
func PackDay(d vndate.Date) int32 {
	if d.IsZero() {
		return 0
	}
	return int32(d.Year()*10000 + int(d.Month())*100 + d.Day())
}

// UnpackDay is the day PackDay packed as n.
func UnpackDay(n int32) vndate.Date {
	if n == 0 {
		return vndate.Date{}
	}
	return vndate.Of(int(n/10000), time.Month(n/100%100), int(n%100))
}

// RegistrationCounts is what a printed list says before its rows: how many
// registrations and agencies in all and in each group.
type RegistrationCounts struct {
	Registrations, Agencies int
	Groups                  []GroupCount // the groups with registrations, in report order
}

// GroupCount is one group's part of RegistrationCounts.
type GroupCount struct {
	Group                   campaign.Group
	Registrations, Agencies int
}

// TrashEntry is a deleted registration that can be restored.
type TrashEntry struct {
	ItemID     int64 // the history item recording the deletion
	DeletedAt  time.Time
	Who        string
	AgencyName string
	campaign.Registration
	Received vndate.Date // of its letter, when the letter was deleted with it
}

// BulkLetter is one received letter with its registrations.
type BulkLetter struct {
	campaign.Submission
	Registrations []campaign.Registration
}
