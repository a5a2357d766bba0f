package safefile

import "golang.org/x/sys/windows"

var noRoomErrors = map[string]struct {
	errno  error
	vi, en string
}{
	"ERROR_DISK_FULL":           {windows.ERROR_DISK_FULL, "Ổ đĩa đã đầy", "The disk is full"},
	"ERROR_HANDLE_DISK_FULL":    {windows.ERROR_HANDLE_DISK_FULL, "Ổ đĩa đã đầy", "The disk is full"},
	"ERROR_DISK_QUOTA_EXCEEDED": {windows.ERROR_DISK_QUOTA_EXCEEDED, "Đã hết hạn mức dung lượng (quota) của bạn trên ổ đĩa", "Your disk quota ran out"},
}
