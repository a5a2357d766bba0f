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

// leftover matches the temporary files of a killed write and the rollback
// journal SQLite kept beside one (VACUUM INTO): this package's, and those
// of earlier versions, which named them ".NAME.db.DIGITS.tmp".
var leftover = regexp.MustCompile(`^\..+(\.cchc-[0-9]+|\.db\.[0-9]+)\.tmp(-journal)?$`)

// CleanStale removes, in dir, the temporary files that writes killed
// midway left behind. It is best effort: what cannot be removed stays.
func CleanStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !leftover.MatchString(e.Name()) {
			continue
		}
		fi, err := e.Info()
		if err != nil || time.Since(fi.ModTime()) < StaleAfter {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}
