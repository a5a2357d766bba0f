package safefile

import (
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// tempMark names the temporary files this package makes
// (".bao-cao.xlsx.cchc-123456.tmp"), so that leftovers are known for ours.
const tempMark = ".cchc-"

// StaleAfter is how long a temporary file must have been left untouched
// before it is taken for the leftover of a write that was killed: a write
// in progress (a backup in another window) keeps touching its own.
var StaleAfter = 10 * time.Minute

// leftover matches the temporary files of a killed write and the files
// SQLite kept beside one (the rollback journal of VACUUM INTO, the
// -wal and -shm of a book being copied or made): this package's, and
// those of earlier versions, which named them ".NAME.db.DIGITS.tmp".
var leftover = regexp.MustCompile(`^(\..+(?:\.cchc-[0-9]+|\.db\.[0-9]+)\.tmp)(?:-journal|-wal|-shm)?$`)

// CleanStale removes, in dir, the temporary files that writes killed
// midway left behind. A temporary file and its companions go together,
// once none of them has been touched for StaleAfter: a long copy may
// write only its -wal for a while. It is best effort: what cannot be
// removed stays.
func CleanStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	groups := map[string][]string{} // temporary file → it and its companions
	fresh := map[string]bool{}
	for _, e := range entries {
		m := leftover.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		groups[m[1]] = append(groups[m[1]], e.Name())
		if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < StaleAfter {
			fresh[m[1]] = true
		}
	}
	for stem, names := range groups {
		if fresh[stem] {
			continue
		}
		for _, name := range names {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
