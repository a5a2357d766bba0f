package safefile

import "syscall"

// Room is the room an unprivileged user may still fill in dir, in bytes
// (-1: unknown).
func Room(dir string) int64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return -1
	}
	return int64(min(st.Bavail, 1<<62/uint64(max(st.Bsize, 1)))) * st.Bsize
}
