package common

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/store"
)

// ConfirmDelete asks, naming what will go, before deleting a registration.
func ConfirmDelete(ctx *Context, r store.RegistrationRow) tea.Cmd {
	st, l := ctx.Store, ctx.Lang
	q := l.F("Xóa mô hình «%s» của %s (văn bản số %s, nhận %s)?", "Delete «%s» of %s (letter %s, received %s)?",
		r.Title, r.AgencyName, dash(r.LetterNumber), r.Received)
	return Cmd(ConfirmMsg{Question: q, OnYes: func() tea.Msg {
		if err := st.DeleteRegistration(context.Background(), r.ID, r.Version); err != nil {
			return ErrMsg{Err: err}
		}
		return ChangedMsg{Note: l.F("Đã xóa «%s» của %s", "Deleted «%s» of %s", r.Title, r.AgencyName)}
	}})
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Dash shows "—" for an empty cell.
func Dash(s string) string { return dash(s) }
