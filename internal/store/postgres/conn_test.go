package postgres

import (
	"strings"
	"testing"

	"cchc/internal/pgtest"
)

// cchc's sessions plan for a book held in the server's memory
// (sessionSettings), unless the DSN says otherwise.
func TestSessionSettingsUnlessTheDSNGivesItsOwn(t *testing.T) {
	dsn := pgtest.Fresh(t)
	own := dsn + " random_page_cost=4" // key=value words
	if strings.HasPrefix(dsn, "postgres") {
		own = dsn + "?random_page_cost=4"
		if strings.Contains(dsn, "?") {
			own = dsn + "&random_page_cost=4"
		}
	}
	for _, c := range []struct{ dsn, want string }{{dsn, "1.1"}, {own, "4"}} {
		db, _, err := Open(c.dsn)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		err = db.QueryRow(`SHOW random_page_cost`).Scan(&got)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("random_page_cost = %s, want %s", got, c.want)
		}
	}
}
