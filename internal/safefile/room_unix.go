//go:build unix

package safefile

import (
	"errors"
	"syscall"
)

// noRoom reports a full disk (ENOSPC) or a used-up quota (EDQUOT).
func noRoom(err error) (full, quota bool) {
	switch {
	case errors.Is(err, syscall.EDQUOT):
		return true, true
	case errors.Is(err, syscall.ENOSPC):
		return true, false
	}
	return false, false
}
