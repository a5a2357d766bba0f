package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"strconv"

	"cchc/internal/vndate"
)

// eachRow runs a read query on one connection of the pool straight through
// its driver and calls row with each row's values (the slice is reused:
// copy what is kept). It skips database/sql's locking and conversions for
// every row, a third or more of the cost of reading 71,509 letters or
// 200,000 registrations; the driver's own types are all it hands over
// (int64, float64, string, []byte, nil, and bool from PostgreSQL: see
// asInt and asText).
func (s *Store) eachRow(ctx context.Context, query string, args []any, row func([]driver.Value) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.explain(err)
	}
	defer conn.Close()
	return s.eachRowOn(ctx, conn, query, args, row)
}

// eachRowOn is eachRow on a connection the caller holds, inside the
// transaction it may have open on it.
func (s *Store) eachRowOn(ctx context.Context, conn *sql.Conn, query string, args []any, row func([]driver.Value) error) error {
	named := make([]driver.NamedValue, len(args))
	for i, a := range args {
		named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	err := conn.Raw(func(dc any) error {
		q, ok := dc.(driver.QueryerContext)
		if !ok {
			return errors.New("store: the database driver cannot run queries directly")
		}
		rows, err := q.QueryContext(ctx, query, named)
		if err != nil {
			return err
		}
		defer rows.Close()
		dest := make([]driver.Value, len(rows.Columns()))
		for {
			switch err := rows.Next(dest); {
			case errors.Is(err, io.EOF):
				return nil
			case err != nil:
				return err
			}
			if err := row(dest); err != nil {
				return err
			}
		}
	})
	return s.explain(err)
}

// asInt is an integer column's value (0 for NULL).
func asInt(v driver.Value) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	case bool:
		if x {
			return 1
		}
	case string: // PostgreSQL's numeric (a sum of bigints) comes as text
		n, _ := strconv.ParseInt(x, 10, 64)
		return n
	}
	return 0
}

// asText is a text column's value ("" for NULL).
func asText(v driver.Value) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	return ""
}

// days parses the received and letter dates of a long list, each day once:
// a campaign's letters come on a few hundred days.
type days map[string]vndate.Date

func (d days) parse(iso string) vndate.Date {
	day, ok := d[iso]
	if !ok {
		day, _ = vndate.ParseISO(iso)
		d[iso] = day
	}
	return day
}
