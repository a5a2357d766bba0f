//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSS is a finished child process's peak resident memory in KiB
// (0 where the system does not say).
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok && runtime.GOOS == "linux" {
		return int64(ru.Maxrss) // KiB on Linux
	}
	return 0
}
