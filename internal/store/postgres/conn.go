// Package postgres is what a book kept in PostgreSQL (a shared database
// server, for an office of several clerks) does differently from SQLite:
// connecting through pgx's database/sql driver with the store's queries
// rewritten for it (rebind.go), the schema and its migrations
// (migrations/), the errors the clerk is told about, and change
// notification by LISTEN/NOTIFY; Engine (engine.go) holds a book's
// database open for the store. It holds no query of the book: those are
// the store's, one set for both engines.
package postgres

import (
	"cchc/internal/lang"
	"cchc/internal/location"
	"context"
	"database/sql"
	"database/sql/driver"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Open connects to the database a DSN names (not yet: the first query
// does) and returns the pool the store runs its queries on, each rewritten
// by Rebind, and the parsed configuration (for the listener). A DSN that
// is not one is refused with a message naming it without its password.
func Open(dsn string) (*sql.DB, *pgx.ConnConfig, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx's detail quotes the address: scrubbed, as the address is
		return nil, nil, lang.Wrap(location.Scrub(err, location.Secrets(dsn)), "Địa chỉ cơ sở dữ liệu PostgreSQL không hợp lệ: %s", "Invalid PostgreSQL address: %s", location.Redact(dsn))
	}
	for name, value := range sessionSettings {
		if _, set := cfg.RuntimeParams[name]; !set {
			cfg.RuntimeParams[name] = value
		}
	}
	db := sql.OpenDB(connector{stdlib.GetConnector(*cfg)})
	return db, cfg, nil
}

// sessionSettings are set on cchc's connections when they start (sent
// with the login: no round trip), unless the DSN gives its own
// (postgres://…?random_page_cost=4).
//
// random_page_cost: a book is a few hundred MB, read again and again, so
// it stays in the server's memory, where a read out of order costs what a
// read in order does (1.1 is what is usually advised for SSDs). With
// PostgreSQL's default of 4, which prices disks that seek, the planner
// hashes and sorts a campaign's 71,509 letters instead of walking the
// covering index that is already in the order asked (letter_tally_campaign,
// the letters for `cchc status`): five times slower at national scale.
var sessionSettings = map[string]string{"random_page_cost": "1.1"}

// connector hands out connections that rewrite the store's queries.
type connector struct{ driver.Connector }

func (c connector) Connect(ctx context.Context) (driver.Conn, error) {
	dc, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &conn{dc.(*stdlib.Conn)}, nil
}

// conn is pgx's connection with every query rebound, and the store's
// arguments made PostgreSQL's: flags are integer columns in both schemas,
// so a Go bool is written 1 or 0, as SQLite's driver does.
type conn struct{ *stdlib.Conn }

func (c *conn) Prepare(query string) (driver.Stmt, error) { return c.Conn.Prepare(Rebind(query)) }

func (c *conn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, Rebind(query))
}

func (c *conn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, Rebind(query), args)
}

func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, Rebind(query), args)
}

func (c *conn) CheckNamedValue(nv *driver.NamedValue) error {
	v, err := driver.DefaultParameterConverter.ConvertValue(nv.Value)
	if err != nil {
		return err
	}
	if b, ok := v.(bool); ok {
		v = int64(0)
		if b {
			v = int64(1)
		}
	}
	nv.Value = v
	return nil
}
