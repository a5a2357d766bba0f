package netfs

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// magic numbers of statfs's f_type (linux/magic.h) for the file systems
// that matter here.
var magic = map[int64]string{
	0x6969: "nfs", 0x517b: "smb", 0xff534d42: "cifs", 0xfe534d42: "smb2", 0x01021997: "9p",
	0x5346414f: "afs", 0x6b414653: "afs", 0x00c36400: "ceph", 0x73757245: "coda", 0x564c: "ncpfs",
	0x7461636f: "ocfs2", 0x01161970: "gfs2", 0x0bd00bd0: "lustre", 0x65735546: "fuse",
	0xef53: "ext4", 0x58465342: "xfs", 0x9123683e: "btrfs", 0x01021994: "tmpfs", 0x794c7630: "overlay",
}

func fsType(path string) (string, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return "", err
	}
	name := magic[int64(st.Type)&0xffffffff]
	if name == "fuse" { // which FUSE file system: sshfs, rclone… are remote, others not
		if sub := mountType(path); sub != "" {
			return sub, nil
		}
	}
	return name, nil
}

// mountType is the type /proc/self/mountinfo gives the mount holding path
// ("fuse.sshfs"): the mount point that is the longest prefix of the path.
func mountType(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		path = r
	}
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return ""
	}
	defer f.Close()
	best, typ := "", ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw
		left, right, ok := strings.Cut(sc.Text(), " - ")
		fields, after := strings.Fields(left), strings.Fields(right)
		if !ok || len(fields) < 5 || len(after) < 1 {
			continue
		}
		mp := strings.ReplaceAll(fields[4], `\040`, " ")
		if (path == mp || strings.HasPrefix(path, strings.TrimSuffix(mp, "/")+"/")) && len(mp) >= len(best) {
			best, typ = mp, after[0]
		}
	}
	return typ
}
