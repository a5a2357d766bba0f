package postgres

import "testing"

// A shared book's dated backups are named after its database and server,
// so that they are not taken for those of the clerk's own book.
func TestSharedBackupNames(t *testing.T) {
	for _, c := range []struct{ database, user, host, want string }{
		{"cchc", "cchc", "may-chu", "postgres-cchc@may-chu"},
		{"cchc", "cchc", "192.168.1.10", "postgres-cchc@192.168.1.10"},
		{"", "van_thu", "may-chu", "postgres-van_thu@may-chu"}, // libpq's default database: the role's
		{"cchc", "cchc", "/run/postgresql", "postgres-cchc"},   // a unix socket names no server
		{"sổ cchc/2026", "cchc", "::1", "postgres-sổ_cchc_2026@__1"},
	} {
		if got := sharedName(c.database, c.user, c.host); got != c.want {
			t.Errorf("sharedName(%q, %q, %q) = %q, want %q", c.database, c.user, c.host, got, c.want)
		}
	}
}
