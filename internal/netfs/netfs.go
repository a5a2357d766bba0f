// Package netfs tells whether a path is on a network file system (an SMB
// or NFS share, a mapped network drive, sshfs…), where SQLite's locking
// and its WAL's shared memory do not work and a book gets corrupted.
package netfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// network lists the file-system type names, as Type gives them on Linux,
// macOS and Windows, that are reached over a network.
var network = map[string]bool{
	"nfs": true, "nfs4": true, "smb": true, "smb2": true, "smb3": true, "smbfs": true, "cifs": true,
	"9p": true, "afs": true, "ceph": true, "coda": true, "ncpfs": true, "ocfs2": true, "gfs2": true,
	"lustre": true, "glusterfs": true, "afpfs": true, "webdav": true, "davfs": true,
	"fuse.sshfs": true, "sshfs": true, "fuse.rclone": true, "fuse.s3fs": true, "fuse.glusterfs": true,
	"fuse.davfs2": true, "fuse.smbnetfs": true, "fuse.curlftpfs": true, "ftp": true,
	"unc": true, "remote": true, // Windows: a \\server\share path, a mapped network drive
}

// IsNetwork reports whether a file-system type (as Type names it) is
// reached over a network.
func IsNetwork(fsType string) bool { return network[strings.ToLower(fsType)] }

// Type names the file system holding path: the folder it is in, or the
// nearest one that exists when it does not exist yet (a book about to be
// created). "" when it cannot be told.
func Type(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	for p := abs; ; p = filepath.Dir(p) {
		_, err := os.Stat(p)
		if err == nil {
			return fsType(p)
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(p) == p {
			return fsType(p) // let the system say what it can
		}
	}
}
