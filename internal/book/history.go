package book

import (
	"strings"
	"time"
)

// Change is one recorded write: who did what when, and every row it
// touched with the values before and after.
type Change struct {
	ID       int64
	At       time.Time
	Who      string
	Op       string // OpCreate, OpEdit, OpDelete, OpImport, OpUndo, OpRestore, OpMerge…
	UndoneBy int64  // the change that undid this one, 0 when none
	Undid    int64  // for an undo, the change it undid
	Items    []ChangeItem
	// What the descriptions name, filled by the storage that read the change.
	Names  map[int64]string // agency names
	Titles map[int64]string // titles of the registrations its progress items are about
}

// ChangeItem is one row a change inserted, updated or deleted.
type ChangeItem struct {
	ID       int64
	Table    string
	Action   string // insert, update, delete
	RowID    int64
	AgencyID int64
	Old, New map[string]any // column → value (string, int64, float64 or nil)
}

// Operations a change is shown as.
const (
	OpCreate  = "create"
	OpEdit    = "edit"
	OpDelete  = "delete"
	OpImport  = "import"
	OpUndo    = "undo"
	OpRestore = "restore"
	// units that change, each recorded under its own operation so that the
	// history names it, and undone like any other change
	OpMerge  = "merge"
	OpRename = "rename"
	OpStop   = "stop"
	OpFollow = "follow"
	// the whole book taken back to a backup (cchc restore): the op names
	// the backup and where the book before it was saved (BackupRestoreOp)
	OpBackupRestore = "backup-restore"
	// a new year opened on the province's current map (NewCampaignOnMap)
	OpMap = "map"
	// a kept file taken away from its letter or registration (RemoveFile)
	OpRemoveFile = "remove-file"
)

// Restored is what restoring a backup did: the backup read (From), and
// where the book as it was before was saved (Saved; "" when there was
// none: a new file or an empty database filled).
type Restored struct{ From, Saved string }

// BackupRestoreOp is the op recorded for a restore.
func BackupRestoreOp(r Restored) string {
	return OpBackupRestore + "\n" + r.From + "\n" + r.Saved
}

// BackupRestore reports the restore a change recorded, if it is one.
func (c Change) BackupRestore() (Restored, bool) {
	parts := strings.Split(c.Op, "\n")
	if parts[0] != OpBackupRestore || len(parts) != 3 {
		return Restored{}, false
	}
	return Restored{From: parts[1], Saved: parts[2]}, true
}

// HistoryQuery selects changes for History.
type HistoryQuery struct {
	Agency string // only changes touching agencies whose name matches (diacritics optional)
	Limit  int    // 0: all
	ID     int64  // only this change (0: any)
}
