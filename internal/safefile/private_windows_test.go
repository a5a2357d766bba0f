package safefile_test

import (
	"io"
	"path/filepath"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"

	"cchc/internal/safefile"
	"cchc/internal/store"
)

// ownerOnly fails the test unless acl grants full access to the current
// user alone.
func ownerOnly(t *testing.T, path string, acl *windows.ACL) {
	t.Helper()
	tu, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	if acl == nil || acl.AceCount != 1 {
		t.Fatalf("%s: DACL %v, want one entry", path, acl)
	}
	var ace *windows.ACCESS_ALLOWED_ACE
	if err := windows.GetAce(acl, 0, &ace); err != nil {
		t.Fatal(err)
	}
	sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
	if ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE || !sid.Equals(tu.User.Sid) {
		t.Fatalf("%s: the entry is type %d for %s, want access allowed to %s", path, ace.Header.AceType, sid, tu.User.Sid)
	}
	const fileAllAccess = 0x1f01ff // winnt.h FILE_ALL_ACCESS
	if ace.Mask&windows.GENERIC_ALL == 0 && ace.Mask&fileAllAccess != fileAllAccess {
		t.Errorf("%s: the owner has %#x, not full access", path, ace.Mask)
	}
}

// underWine reports a run under wine, which answers yes to setting a
// file's DACL and keeps none (stored ACLs are a wine-staging patch).
func underWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}

func TestFilesMadeAreTheOwnersOnly(t *testing.T) {
	asked := map[string]*windows.ACL{}
	real := *safefile.SetSecurity
	*safefile.SetSecurity = func(path string, kind windows.SE_OBJECT_TYPE, info windows.SECURITY_INFORMATION, owner, group *windows.SID, dacl, sacl *windows.ACL) error {
		if info&windows.PROTECTED_DACL_SECURITY_INFORMATION == 0 || info&windows.DACL_SECURITY_INFORMATION == 0 {
			t.Errorf("%s: the DACL is not set protected (%#x): it would inherit from the folder", path, info)
		}
		asked[path] = dacl
		return real(path, kind, info, owner, group, dacl, sacl)
	}
	t.Cleanup(func() { *safefile.SetSecurity = real })
	private := func(name, path, made string) {
		t.Helper()
		acl, ok := asked[made]
		if !ok {
			t.Fatalf("the %s %s was not made private (asked: %v)", name, path, asked)
		}
		ownerOnly(t, path, acl)
		sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if underWine() {
			t.Logf("wine keeps no file ACL: %s reads back as %s", path, sd)
			return
		}
		control, _, err := sd.Control()
		if err != nil {
			t.Fatal(err)
		}
		if control&windows.SE_DACL_PROTECTED == 0 {
			t.Errorf("%s: the DACL inherits from the folder (%s)", path, sd)
		}
		got, _, err := sd.DACL()
		if err != nil {
			t.Fatal(err)
		}
		ownerOnly(t, path, got)
	}
	// made under a temporary name, then moved into place (safefile.Create)
	tmpOf := func(path string) string {
		for p := range asked {
			if m, _ := filepath.Match(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"*.tmp"), p); m {
				return p
			}
		}
		return ""
	}

	dir := t.TempDir()
	report := filepath.Join(dir, "tình hình.md")
	if err := safefile.WriteFile(report, false, func(w io.Writer) error { _, err := io.WriteString(w, "# Tình hình"); return err }); err != nil {
		t.Fatal(err)
	}
	private("report", report, tmpOf(report))

	book := filepath.Join(dir, "cchc.db")
	st, err := store.Open(book, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	private("book", book, book)
	backup := filepath.Join(dir, "sao-luu.db")
	if _, err := st.Backup(t.Context(), backup); err != nil {
		t.Fatal(err)
	}
	private("backup", backup, tmpOf(backup))
}
