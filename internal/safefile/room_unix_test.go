//go:build unix

package safefile

import "syscall"

var noRoomErrors = map[string]struct {
	errno  error
	vi, en string
}{
	"ENOSPC": {syscall.ENOSPC, "Ổ đĩa đã đầy", "The disk is full"},
	"EDQUOT": {syscall.EDQUOT, "Đã hết hạn mức dung lượng (quota) của bạn trên ổ đĩa", "Your disk quota ran out"},
}
