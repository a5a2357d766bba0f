package netfs

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// The system calls fsType makes, seams for a test: wine 8.0 keeps no
// links, subst drives or mapped drives to try them on.
var (
	finalPath = finalPathName        // where path really is (links, subst, mapped drives followed)
	dosDevice = queryDosDevice       // what a drive letter stands for
	driveType = windows.GetDriveType // DRIVE_REMOTE for a mapped network drive
)

// fsType says whether path is on a network share: "unc" for a
// \\server\share path, "remote" for a network drive, "local" else. The
// path is first resolved to where it really is, so that a folder linked to
// a share (mklink /D, /J), a subst drive and a mapped drive are judged
// by the share, not by the letter they are reached through.
func fsType(path string) (string, error) {
	p := path
	if real, err := finalPath(path); err == nil && real != "" {
		p = real
	}
	for range 8 { // a subst drive of a subst drive…: a few at most
		p = dosPath(p)
		vol := filepath.VolumeName(p)
		if strings.HasPrefix(vol, `\\`) || strings.HasPrefix(vol, `//`) {
			return "unc", nil
		}
		if vol == "" {
			return "", nil
		}
		// a subst drive stands for a folder: \??\C:\data, \??\UNC\server\share
		if target, err := dosDevice(vol); err == nil && strings.HasPrefix(target, `\??\`) {
			p = target[len(`\??\`):] + p[len(vol):]
			if rest, ok := strings.CutPrefix(p, `UNC\`); ok {
				p = `\\` + rest
			}
			continue
		}
		root, err := windows.UTF16PtrFromString(vol + `\`)
		if err != nil {
			return "", err
		}
		if driveType(root) == windows.DRIVE_REMOTE {
			return "remote", nil
		}
		return "local", nil
	}
	return "", nil
}

// dosPath turns \\?\C:\x into C:\x and \\?\UNC\server\share into
// \\server\share.
func dosPath(p string) string {
	if rest, ok := strings.CutPrefix(p, `\\?\UNC\`); ok {
		return `\\` + rest
	}
	return strings.TrimPrefix(p, `\\?\`)
}

// finalPathName is where the file or folder at path really is, as
// GetFinalPathNameByHandle gives it (\\?\C:\…, \\?\UNC\server\share\…).
func finalPathName(path string) (string, error) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return "", err
	}
	// no access asked: only the name is read; backup semantics open folders
	h, err := windows.CreateFile(p, 0, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return "", err
	}
	defer windows.CloseHandle(h)
	buf := make([]uint16, windows.MAX_LONG_PATH)
	n, err := windows.GetFinalPathNameByHandle(h, &buf[0], uint32(len(buf)), 0) // 0: VOLUME_NAME_DOS, normalised
	if err != nil {
		return "", err
	}
	if int(n) > len(buf) {
		return "", windows.ERROR_INSUFFICIENT_BUFFER
	}
	return windows.UTF16ToString(buf[:n]), nil
}

// queryDosDevice is what the drive "C:" stands for (\Device\HarddiskVolume3;
// \??\C:\data for a subst drive).
func queryDosDevice(drive string) (string, error) {
	d, err := windows.UTF16PtrFromString(drive)
	if err != nil {
		return "", err
	}
	buf := make([]uint16, windows.MAX_LONG_PATH)
	n, err := windows.QueryDosDevice(d, &buf[0], uint32(len(buf)))
	if err != nil {
		return "", err
	}
	return windows.UTF16ToString(buf[:n]), nil // the first of a list ended by two NULs
}
