package netfs

import (
	"strings"
	"testing"

	"golang.org/x/sys/windows"
)

func TestUNCPaths(t *testing.T) {
	for _, p := range []string{`\\server\share\cchc.db`, `//server/share/cchc.db`, `\\?\UNC\server\share\cchc.db`} {
		if typ, err := fsType(p); err != nil || typ != "unc" {
			t.Errorf("%s: %q %v", p, typ, err)
		}
	}
}

// seam replaces the system calls fsType makes for the test: where each
// path really is, what each drive letter stands for, which drives are
// mapped network drives.
func seam(t *testing.T, final map[string]string, devices map[string]string, remote map[string]bool) {
	t.Helper()
	f, d, r := finalPath, dosDevice, driveType
	t.Cleanup(func() { finalPath, dosDevice, driveType = f, d, r })
	finalPath = func(p string) (string, error) {
		if real, ok := final[p]; ok {
			return real, nil
		}
		return "", windows.ERROR_FILE_NOT_FOUND
	}
	dosDevice = func(drive string) (string, error) {
		if dev, ok := devices[drive]; ok {
			return dev, nil
		}
		return `\Device\HarddiskVolume3`, nil
	}
	driveType = func(root *uint16) uint32 {
		if remote[windows.UTF16PtrToString(root)] {
			return windows.DRIVE_REMOTE
		}
		return windows.DRIVE_FIXED
	}
}

// The book is judged where it really is, not by the letter it is reached
// through.
func TestTheRealLocationIsJudged(t *testing.T) {
	seam(t, map[string]string{
		`C:\Users\lan\Documents\Sổ CCHC`: `\\?\UNC\may-chu\chung\Sổ CCHC`, // mklink /D or /J to a share
		`C:\Users\lan\Documents\Sổ máy`:  `\\?\D:\Sổ máy`,                 // a link to another local disk
		`M:\cchc`:                        `\\?\UNC\may-chu\chung\cchc`,    // a mapped drive, followed
		`S:\cchc`:                        `\\?\C:\data\cchc`,              // a local subst drive, followed
	}, map[string]string{
		`T:`: `\??\UNC\may-chu\chung`, // subst T: \\may-chu\chung (not followed by the handle)
		`U:`: `\??\N:\sổ`,             // subst U: N:\sổ, N: a mapped drive
		`V:`: `\??\C:\data`,           // subst V: C:\data
	}, map[string]bool{`N:\`: true, `Z:\`: true})
	for path, want := range map[string]string{
		`C:\Users\lan\Documents\Sổ CCHC`: "unc",
		`C:\Users\lan\Documents\Sổ máy`:  "local",
		`M:\cchc`:                        "unc",
		`S:\cchc`:                        "local",
		`T:\cchc`:                        "unc",
		`U:\cchc`:                        "remote",
		`V:\cchc`:                        "local",
		`Z:\cchc`:                        "remote",
		`C:\Users\lan\AppData\cchc`:      "local",
	} {
		if got, err := fsType(path); err != nil || got != want {
			t.Errorf("%s: %q %v, want %q", path, got, err, want)
		}
	}
}

// Without seams, a folder of this PC is found where it is.
func TestFinalPathOfALocalFolder(t *testing.T) {
	dir := t.TempDir()
	real, err := finalPathName(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.EqualFold(dosPath(real), dir) {
		t.Fatalf("final path of %s: %s", dir, real)
	}
	if typ, err := fsType(dir); err != nil || typ != "local" {
		t.Fatalf("%s: %q %v", dir, typ, err)
	}
}
