package postgres

import (
	"context"
	"database/sql"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"cchc/internal/lang"
	"cchc/internal/location"
	"cchc/internal/pgtest"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// connectErr is the error of a first connection to dsn.
func connectErr(t *testing.T, dsn string) error {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = db.PingContext(ctx)
	if err == nil {
		t.Fatalf("connected to %s", location.Redact(dsn))
	}
	return err
}

// explained checks the clerk's message for a failed connection in both
// languages: what went wrong, where, and never the password.
func explained(t *testing.T, err error, dsn, vi, en string) {
	t.Helper()
	e := ExplainConnect(err, location.Redact(dsn))
	if e == nil {
		t.Fatalf("not explained: %v", err)
	}
	for _, l := range []lang.Lang{lang.VI, lang.EN} {
		msg := lang.Message(e, l)
		t.Log(msg)
		if !strings.Contains(msg, l.T(vi, en)) || strings.Contains(msg, "s3cret-wrong") {
			t.Errorf("%s: %s", l, msg)
		}
	}
}

func withPassword(t *testing.T, dsn, password string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), password)
	return u.String()
}

func TestConnectFailuresAreExplained(t *testing.T) {
	dsn := pgtest.Fresh(t)
	t.Run("wrong password", func(t *testing.T) {
		bad := withPassword(t, dsn, "s3cret-wrong")
		explained(t, connectErr(t, bad), bad, "không chấp nhận tên đăng nhập hoặc mật khẩu", "refused the user name or password")
	})
	t.Run("no database", func(t *testing.T) {
		bad, err := pgtest.WithDatabase(dsn, "cchc_no_such_database")
		if err != nil {
			t.Fatal(err)
		}
		explained(t, connectErr(t, bad), bad, "Máy chủ không có cơ sở dữ liệu được nêu trong", "The server has no database named in")
	})
	t.Run("not let in", func(t *testing.T) {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		var name string
		if err := db.QueryRow(`SELECT current_database()`).Scan(&name); err != nil {
			t.Fatal(err)
		}
		// the owner takes its own right to connect away
		if _, err := db.Exec(`REVOKE CONNECT ON DATABASE "` + name + `" FROM PUBLIC, CURRENT_USER`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		explained(t, connectErr(t, dsn), dsn, "không được phép vào cơ sở dữ liệu", "may not connect to the database")
	})
	t.Run("no server", func(t *testing.T) {
		bad := "postgres://cchc:s3cret-wrong@/cchc?host=" + t.TempDir()
		explained(t, connectErr(t, bad), bad, "Không có máy chủ cơ sở dữ liệu nào trả lời ở", "No database server answers at")
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		bad = "postgres://cchc:s3cret-wrong@" + addr + "/cchc?sslmode=disable"
		explained(t, connectErr(t, bad), bad, "Không có máy chủ cơ sở dữ liệu nào trả lời ở", "No database server answers at")
	})
}

// sslmode=require against a server that cannot encrypt (it answers N to
// the SSLRequest, as PostgreSQL without ssl does) is refused, saying so.
// The test cluster listens on a unix socket only, where TLS does not
// apply; this stand-in is such a server on TCP.
func TestSSLModeRequireRefusesAPlainServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf := make([]byte, 8) // length and the SSLRequest code
				if _, err := c.Read(buf); err == nil {
					c.Write([]byte("N"))
				}
				c.Read(buf) // until the client gives up
			}()
		}
	}()
	dsn := "postgres://cchc:s3cret-wrong@" + l.Addr().String() + "/cchc?sslmode=require"
	explained(t, connectErr(t, dsn), dsn, "không nhận kết nối mã hóa (TLS) mà sslmode trong địa chỉ đòi hỏi", "does not accept the encrypted (TLS) connection")
}
