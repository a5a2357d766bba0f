// Package lang picks the clerk's language (Vietnamese by default, English on
// request) and carries messages meant for the clerk in both languages.
package lang

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// Lang is the language of screens, reports and messages.
type Lang int

const (
	VI Lang = iota // Vietnamese, the default
	EN
)

// Parse reads "vi" or "en" (case-insensitive).
func Parse(s string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "vi", "":
		return VI, true
	case "en":
		return EN, true
	}
	return VI, false
}

func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "vi"
}

// T returns vi or en according to l: text is written in pairs where it is used.
func (l Lang) T(vi, en string) string {
	if l == EN {
		return en
	}
	return vi
}

// Num writes a count as the language groups its thousands: 141.910 in
// Vietnamese, 141,910 in English.
func (l Lang) Num(n int) string {
	sep := "."
	if l == EN {
		sep = ","
	}
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// F is T followed by fmt.Sprintf with the same arguments for both languages.
func (l Lang) F(vi, en string, args ...any) string {
	return fmt.Sprintf(l.T(vi, en), args...)
}

// Error is a failure explained to the clerk in both languages. Cause, when
// set, is the underlying technical error, shown only as a detail.
type Error struct {
	VI, EN string
	Cause  error
}

// Errorf builds an Error; args fill both formats.
func Errorf(vi, en string, args ...any) *Error {
	return &Error{VI: fmt.Sprintf(vi, args...), EN: fmt.Sprintf(en, args...)}
}

// Wrap is Errorf with a technical cause kept for the detail line.
func Wrap(cause error, vi, en string, args ...any) *Error {
	e := Errorf(vi, en, args...)
	e.Cause = cause
	return e
}

func (e *Error) Error() string {
	if e.Cause != nil {
		return e.VI + ": " + e.Cause.Error()
	}
	return e.VI
}

func (e *Error) Unwrap() error { return e.Cause }

// Message is what the clerk reads for err: the first Error in its chain in
// language l (with the technical cause as a detail), or for an error that
// was never explained a generic sentence followed by the detail, so that a
// bare Go error string never stands alone.
func Message(err error, l Lang) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		msg := l.T(e.VI, e.EN)
		if e.Cause != nil {
			var inner *Error
			if errors.As(e.Cause, &inner) {
				return msg + ": " + Message(e.Cause, l)
			}
			if detail := detail(e.Cause, l); detail != "" {
				msg += l.F(" (chi tiết kỹ thuật: %s)", " (technical detail: %s)", detail)
			}
		}
		return msg
	}
	return l.F("Đã xảy ra lỗi không mong đợi (chi tiết kỹ thuật: %v)",
		"An unexpected error occurred (technical detail: %v)", err)
}

// Kind is an error that only says what kind of failure another is (tested
// with errors.Is: a conflict, a record not found); the message wrapping it
// says all a clerk needs, so Message adds no detail for it.
type Kind string

func (k Kind) Error() string { return string(k) }

// detail is what Message adds in brackets for the cause of a message:
// nothing for a Kind, the system's common file errors in the clerk's
// language, else the cause as the program got it (for whoever supports
// the clerk).
func detail(cause error, l Lang) string {
	var k Kind
	switch {
	case errors.As(cause, &k):
		return ""
	case errors.Is(cause, fs.ErrNotExist):
		return l.T("không có tệp hoặc thư mục này", "no such file or folder")
	case errors.Is(cause, fs.ErrPermission):
		return l.T("không được phép đọc hoặc ghi ở đây", "not allowed to read or write there")
	case errors.Is(cause, fs.ErrExist):
		return l.T("đã có tệp này", "the file exists")
	}
	return cause.Error()
}

// Count is n things in the language: "3 mô hình", "1 registration",
// "3 registrations" (Vietnamese has no plural; numbers grouped as Num).
func (l Lang) Count(n int, vi, one, many string) string {
	switch {
	case l != EN:
		return l.Num(n) + " " + vi
	case n == 1:
		return "1 " + one
	}
	return l.Num(n) + " " + many
}
