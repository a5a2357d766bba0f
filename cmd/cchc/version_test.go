package main

import (
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// The commit comes from -ldflags -X when .ci/package sets it, else from
// the revision the go command stamped, marked "+" when the tree had changes.
func TestBuildCommit(t *testing.T) {
	stamped := &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123abc"}, {Key: "vcs.modified", Value: "true"}}}
	for _, tc := range []struct {
		ldflags string
		info    *debug.BuildInfo
		ok      bool
		want    string
	}{
		{"", stamped, true, "0123abc+"},
		{"", &debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123abc"}, {Key: "vcs.modified", Value: "false"}}}, true, "0123abc"},
		{"", &debug.BuildInfo{}, true, ""},
		{"", nil, false, ""},
		{"feedbee", stamped, true, "feedbee"},
	} {
		commit = tc.ldflags
		if got := buildCommit(tc.info, tc.ok); got != tc.want {
			t.Errorf("ldflags %q, %+v: got %q, want %q", tc.ldflags, tc.info, got, tc.want)
		}
	}
	commit = ""
	code, out, _ := cchc(t, "--lang", "en", "version")
	if code != 0 || !strings.Contains(out, "\ncommit: ") {
		t.Fatalf("version: %d %q", code, out)
	}
}

// A binary built as .ci/package builds it names its version and commit.
func TestVersionPrintsLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cchc; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "cchc")
	build := exec.Command("go", "build", "-o", bin, "-ldflags", "-X main.version=9.8.7 -X main.commit=cafe123", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatalf("cchc version: %v", err)
	}
	if !strings.HasPrefix(string(out), "cchc 9.8.7 (lược đồ dữ liệu ") || !strings.Contains(string(out), "\ncommit: cafe123\n") {
		t.Fatalf("cchc version printed %q", out)
	}
}
