package netfs

import "testing"

func TestMountType(t *testing.T) {
	if mountType("/") == "" {
		t.Error("no mount found for /")
	}
	if typ, err := fsType("/proc"); err != nil || typ != "" && IsNetwork(typ) {
		t.Errorf("/proc: %q %v", typ, err)
	}
}
