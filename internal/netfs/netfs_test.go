package netfs

import (
	"path/filepath"
	"runtime"
	"testing"
)

func TestIsNetwork(t *testing.T) {
	for name, want := range map[string]bool{
		"cifs": true, "smb2": true, "SMBFS": true, "nfs": true, "nfs4": true, "9p": true, "fuse.sshfs": true,
		"afpfs": true, "webdav": true, "unc": true, "remote": true,
		"ext4": false, "apfs": false, "tmpfs": false, "fuse": false, "fuseblk": false, "local": false, "": false,
	} {
		if got := IsNetwork(name); got != want {
			t.Errorf("IsNetwork(%q) = %v", name, got)
		}
	}
}

// A folder of this machine is local, and so is a book not made yet in a
// folder not made yet (the nearest existing folder is asked).
func TestTypeOfALocalFolder(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{dir, filepath.Join(dir, "new", "deeper", "cchc.db")} {
		typ, err := Type(p)
		if err != nil {
			t.Fatal(err)
		}
		if IsNetwork(typ) {
			t.Errorf("%s: %q taken for a network share", p, typ)
		}
		if typ == "" && (runtime.GOOS == "linux" || runtime.GOOS == "darwin") {
			t.Logf("%s: file system not among the known ones", p)
		}
	}
}
