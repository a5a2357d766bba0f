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
	q := l.F("Xóa mô hình «%s» của %s (văn bản số %s, nhận %s)?", "Delete «%s» of %s (letter %s, received %s)?",
		r.Title, r.Agency, dash(r.LetterNumber), r.Received)
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
}

// ListTarget is the delete target of a row of a list.
func ListTarget(r *book.ListRow) DeleteTarget {
	return DeleteTarget{r.ID, r.Version, r.Title, r.Agency.Name, r.LetterNumber(), r.Received()}
}

// RowTarget is the delete target of a registration read in full.
func RowTarget(r *book.RegistrationRow) DeleteTarget {
	return DeleteTarget{r.ID, r.Version, r.Title, r.AgencyName, r.LetterNumber, r.Received}
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Dash shows "—" for an empty cell.
func Dash(s string) string { return dash(s) }
