package sqlite

import (
	"cchc/internal/lang"
	"cchc/internal/netfs"
)

// NetworkProblem explains why a book on a network share is not written:
// SQLite's locks and its WAL's shared memory do not work over SMB, CIFS
// or NFS, and two PCs writing one file there corrupt it.
func NetworkProblem(path, fsType string) *lang.Error {
	return lang.Errorf("Tệp dữ liệu %s nằm trên ổ mạng dùng chung (%s). SQLite không ghi an toàn qua ổ mạng: hai máy cùng ghi có thể làm hỏng tệp, nên cchc không ghi vào đó (chỉ mở để xem). Hãy để tệp dữ liệu trên ổ đĩa của một máy (chép về máy bằng: cchc --db %s backup TỆP-TRÊN-MÁY), hoặc để cả phòng dùng chung một sổ, dùng máy chủ cơ sở dữ liệu dùng chung PostgreSQL (--db postgres://…, sắp có).",
		"The database %s is on a network share (%s). SQLite cannot write safely over a network drive: two PCs writing at once can corrupt the file, so cchc does not write there (it opens it to read only). Keep the database on one PC's own disk (copy it there with: cchc --db %s backup FILE-ON-THIS-PC), or, for the whole office to share one book, use the shared database server, PostgreSQL (--db postgres://…, coming).",
		path, fsType, path)
}

// OnNetwork names the network file system holding path ("" when local),
// asking fsType (netfs.Type unless a test gives another).
func OnNetwork(path string, fsType func(string) (string, error)) string {
	if fsType == nil {
		fsType = netfs.Type
	}
	t, err := fsType(path)
	if err != nil || !netfs.IsNetwork(t) {
		return ""
	}
	return t
}

// ShortNetworkProblem is what the clerk is told about a book on a network
// share once it is open: short enough for the application's status line.
func ShortNetworkProblem(fsType string) *lang.Error {
	return lang.Errorf("Tệp dữ liệu nằm trên ổ mạng dùng chung (%s): cchc chỉ mở để xem, không ghi, vì ghi qua ổ mạng làm hỏng tệp. Hãy để tệp trên một máy, hoặc dùng máy chủ dùng chung PostgreSQL (--db postgres://…, sắp có).",
		"The database is on a network share (%s): cchc only reads it, as writing over a network drive corrupts files. Keep it on one PC, or use the shared PostgreSQL server (--db postgres://…, coming).", fsType)
}
