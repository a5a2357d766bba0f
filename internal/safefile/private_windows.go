package safefile

import "golang.org/x/sys/windows"

// setSecurity is windows.SetNamedSecurityInfo; a test sees what is asked
// of it (wine 8.0 answers yes and keeps nothing).
var setSecurity = windows.SetNamedSecurityInfo

// Private makes the file at path readable and writable by the current
// user only. Windows ignores 0600: a file takes its folder's ACL (on a
// shared PC, Users may read it), so it gets a protected DACL of one entry,
// full access for the user's SID; nothing is inherited from the folder.
func Private(path string) error {
	tu, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return err
	}
	acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{{
		AccessPermissions: windows.GENERIC_ALL,
		AccessMode:        windows.SET_ACCESS,
		Inheritance:       windows.NO_INHERITANCE,
		Trustee: windows.TRUSTEE{
			TrusteeForm:  windows.TRUSTEE_IS_SID,
			TrusteeType:  windows.TRUSTEE_IS_USER,
			TrusteeValue: windows.TrusteeValueFromSID(tu.User.Sid),
		},
	}}, nil)
	if err != nil {
		return err
	}
	return setSecurity(path, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, acl, nil)
}
