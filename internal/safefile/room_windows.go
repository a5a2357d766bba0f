package safefile

import (
	"errors"

	"golang.org/x/sys/windows"
)

// noRoom reports a full disk (ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL) or
// a used-up quota (ERROR_DISK_QUOTA_EXCEEDED).
func noRoom(err error) (full, quota bool) {
	switch {
	case errors.Is(err, windows.ERROR_DISK_QUOTA_EXCEEDED):
		return true, true
	case errors.Is(err, windows.ERROR_DISK_FULL), errors.Is(err, windows.ERROR_HANDLE_DISK_FULL):
		return true, false
	}
	return false, false
}

// Room is the room this user may still fill in dir, in bytes (-1:
// unknown): what GetDiskFreeSpaceEx gives the caller, quota counted.
func Room(dir string) int64 {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return -1
	}
	var avail uint64
	if err := windows.GetDiskFreeSpaceEx(p, &avail, nil, nil); err != nil {
		return -1
	}
	return int64(min(avail, 1<<62))
}
