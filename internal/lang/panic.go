package lang

import (
	"fmt"
	"runtime"
	"strings"
)

// ErrPanic is the cause of an error that was a panic: a fault in cchc or
// a library, caught so that it is told like any other error.
var ErrPanic error = Kind("panic")

// Panicked is the error a recovered panic r becomes, while doing (vi, en:
// "ghi báo cáo", "writing the report"): said in the clerk's words, with
// what panicked and where, for whoever supports the clerk. Call it from
// the deferred function that recovered, so the place can be found.
func Panicked(r any, vi, en string) *Error {
	detail := fmt.Sprint(r)
	if at := panicSite(); at != "" {
		detail += " (" + at + ")"
	}
	e := Errorf("Lỗi khi %[1]s: %[3]s. Dữ liệu không bị ảnh hưởng",
		"Error while %[2]s: %[3]s. The data is not affected", vi, en, detail)
	e.Cause = ErrPanic
	return e
}

// panicSite is the function and line that panicked: the first frame
// outside the runtime after the panic began.
func panicSite() string {
	pc := make([]uintptr, 32)
	frames := runtime.CallersFrames(pc[:runtime.Callers(2, pc)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case strings.HasPrefix(f.Function, "runtime."):
			panicking = panicking || strings.HasPrefix(f.Function, "runtime.gopanic") || strings.Contains(f.Function, "runtime.panic")
		case panicking:
			file := f.File
			if i := strings.LastIndexByte(file, '/'); i >= 0 {
				file = file[i+1:]
			}
			return fmt.Sprintf("%s, %s:%d", f.Function, file, f.Line)
		}
		if !more {
			return ""
		}
	}
}
