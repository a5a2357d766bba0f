//go:build !windows

package importer

// invalidName: elsewhere any name but "" and NUL can exist.
func invalidName(error) bool { return false }
