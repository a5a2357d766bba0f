package main

import "runtime/debug"

// commit is the source revision, set at build time with
// -ldflags "-X main.commit=…" (.ci/package does); else the one the go
// command stamped into the binary, if any.
var commit = ""

// buildCommit is the revision cchc was built from, "+" marking changes not
// committed, or "" when unknown (go test, or a build outside git).
func buildCommit(info *debug.BuildInfo, ok bool) string {
	if commit != "" {
		return commit
	}
	if !ok {
		return ""
	}
	rev, modified := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" && modified {
		rev += "+"
	}
	return rev
}
