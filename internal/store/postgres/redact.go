package postgres

import (
	"errors"
	"net/url"
	"strings"
)

// Redact is a DSN as it may be shown: its password hidden.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// Hide is err with dsn's password taken out of its text, for errors that
// may quote what they could not read.
func Hide(err error, dsn string) error {
	u, perr := url.Parse(dsn)
	if perr != nil || err == nil {
		return errors.New("invalid address")
	}
	msg := err.Error()
	if p, ok := u.User.Password(); ok && p != "" {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
	}
	if p := u.Query().Get("password"); p != "" {
		msg = strings.ReplaceAll(msg, p, "xxxxx")
	}
	return errors.New(msg)
}
