package common

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/vndate"
)

// Deleter moves a registration to the trash.
type Deleter interface {
	DeleteRegistration(ctx context.Context, id, version int64) error
}

// ConfirmDelete asks, naming what will go, before deleting a registration.
func ConfirmDelete(ctx *Context, st Deleter, r DeleteTarget) tea.Cmd {
	l := ctx.Lang
	files := "" // they go with it, and come back with it on an undo
	if r.Files > 0 {
		files = l.F(" kèm %s", " with %s", l.Count(r.Files, "tệp", "file", "files"))
	}
	q := l.F("Xóa mô hình «%s» của %s (văn bản số %s, nhận %s)%s?", "Delete «%s» of %s (letter %s, received %s)%s?",
		r.Title, r.Agency, dash(r.LetterNumber), r.Received, files)
	return Cmd(ConfirmMsg{Question: q, OnYes: func() tea.Msg {
		if err := st.DeleteRegistration(ctx.Work(), r.ID, r.Version); err != nil {
			return ErrMsg{Err: err}
		}
		return ChangedMsg{Note: l.F("Đã xóa «%s» của %s", "Deleted «%s» of %s", r.Title, r.Agency)}
	}})
}

// DeleteTarget is what the delete question names and the delete needs.
type DeleteTarget struct {
	ID, Version   int64
	Title, Agency string
	LetterNumber  string
	Received      vndate.Date
	Files         int // the kept files that go with it (FilesGoing)
}

// FilesGoing counts the kept files a registration's delete takes with it:
// its own, and its letter's when it is the letter's last registration
// (the letter goes too).
func FilesGoing(files []book.FileRow, reg, letter int64, lastOfLetter bool) int {
	n := 0
	for _, f := range files {
		if f.RegistrationID == reg && reg != 0 || lastOfLetter && f.RegistrationID == 0 && f.LetterID == letter {
			n++
		}
	}
	return n
}

// LastOfLetter reports whether registration id is the only one of its
// letter in the loaded list (list rows of one letter share it).
func LastOfLetter(d *Data, id int64) bool {
	if d == nil {
		return false
	}
	var letter *book.ListLetter
	for i := range d.Registrations {
		if d.Registrations[i].ID == id {
			letter = d.Registrations[i].Letter
			break
		}
	}
	n := 0
	for i := range d.Registrations {
		if d.Registrations[i].Letter == letter {
			n++
		}
	}
	return letter != nil && n == 1
}

// ListTarget is the delete target of a row of a list.
func ListTarget(r *book.ListRow) DeleteTarget {
	return DeleteTarget{ID: r.ID, Version: r.Version, Title: r.Title, Agency: r.Agency.Name, LetterNumber: r.LetterNumber(), Received: r.Received()}
}

// RowTarget is the delete target of a registration read in full.
func RowTarget(r *book.RegistrationRow) DeleteTarget {
	return DeleteTarget{ID: r.ID, Version: r.Version, Title: r.Title, Agency: r.AgencyName, LetterNumber: r.LetterNumber, Received: r.Received}
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Dash shows "—" for an empty cell.
func Dash(s string) string { return dash(s) }
