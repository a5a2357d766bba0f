//go:build !unix

package main

import "os"

// peakRSS is not measured where the system has no rusage (Windows).
func peakRSS(*os.ProcessState) int64 { return 0 }
