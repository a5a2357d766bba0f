package console

import (
	"os"
	"path/filepath"
	"unsafe"

	"golang.org/x/sys/windows"
)

var getConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// alone: GetConsoleProcessList counts the processes attached to this
// console; 1 is cchc alone, in the window Windows opened for it.
func alone() bool {
	var pids [2]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}

// Folder is where the files the clerk writes go by default when cchc was
// started by a double-click: Documents\CCHC, made when missing.
func Folder() (string, error) {
	docs, err := windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(docs, "CCHC")
	return dir, os.MkdirAll(dir, 0o700)
}
