package netfs

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

func fsType(path string) (string, error) {
	p := path
	if rest, ok := strings.CutPrefix(p, `\\?\UNC\`); ok {
		p = `\\` + rest
	} else {
		p = strings.TrimPrefix(p, `\\?\`)
	}
	vol := filepath.VolumeName(p)
	if strings.HasPrefix(vol, `\\`) || strings.HasPrefix(vol, `//`) {
		return "unc", nil
	}
	if vol == "" {
		return "", nil
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return "", err
	}
	if windows.GetDriveType(root) == windows.DRIVE_REMOTE {
		return "remote", nil
	}
	return "local", nil
}
