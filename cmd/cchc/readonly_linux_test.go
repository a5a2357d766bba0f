package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"cchc/internal/tooltest"
)

// roEnv tells the test binary run by TestBookOnAReadOnlyFileSystem the
// folders to mount read-only and use.
const roEnv = "CCHC_TEST_READ_ONLY_FS"

const cannotMount = "cannot mount a folder read-only"

// A book on a read-only file system (a write-protected USB stick) is read.
// The folder is mounted read-only in a mount namespace of a child run of
// this test, so that nothing outside it sees the mount, and even root
// cannot write there.
func TestBookOnAReadOnlyFileSystem(t *testing.T) {
	if dirs := os.Getenv(roEnv); dirs != "" {
		dir, elsewhere, _ := strings.Cut(dirs, "\x1f")
		err := syscall.Mount(dir, dir, "", syscall.MS_BIND, "")
		if err == nil {
			err = syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, "")
		}
		if err != nil {
			t.Skip(cannotMount, err) // the parent says it
		}
		if err := os.WriteFile(filepath.Join(dir, "probe"), nil, 0o600); err == nil {
			t.Fatal("the read-only mount could be written")
		}
		readOnlyPlaceWorks(t, filepath.Join(dir, "cchc.db"), filepath.Join(elsewhere, "list.csv"), elsewhere)
		return
	}
	dir, elsewhere := t.TempDir(), t.TempDir()
	db, _ := readOnlyBook(t, dir, elsewhere)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), roEnv+"="+dir+"\x1f"+elsewhere)
	cmd.SysProcAttr = &syscall.SysProcAttr{Unshareflags: syscall.CLONE_NEWNS}
	if os.Geteuid() != 0 { // a user namespace of its own lets another user mount
		cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
			UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Geteuid(), Size: 1}},
			GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getegid(), Size: 1}}}
	}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) || strings.Contains(string(out), cannotMount) {
		msg := fmt.Sprintf("%s (%v; a mount namespace is needed):\n%s", cannotMount, err, out)
		if tooltest.CI() {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("on a read-only file system: %v\n%s", err, out)
	}
	if after, err := os.ReadFile(db); err != nil || string(after) != string(before) {
		t.Errorf("the book changed (%v)", err)
	}
}
