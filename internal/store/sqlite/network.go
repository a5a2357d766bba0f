package sqlite

import (
	"cchc/internal/lang"
	"cchc/internal/netfs"
)

// NetworkProblem explains why a book on a network share is not written:
// SQLite's locks and its WAL's shared memory do not work over SMB, CIFS
// or NFS, and two PCs writing one file there corrupt it. It says what to
// do instead, in the clerk's words: not which file system it is.
func NetworkProblem(path string) *lang.Error {
	return lang.Errorf("Tệp dữ liệu %s nằm trên ổ mạng dùng chung. SQLite không ghi an toàn qua ổ mạng: hai máy cùng ghi có thể làm hỏng tệp, nên cchc không ghi vào đó (chỉ mở để xem). Hãy để tệp dữ liệu trên ổ đĩa của một máy (chép về máy bằng: cchc --db %s backup TỆP-TRÊN-MÁY), hoặc để cả phòng dùng chung một sổ, đặt sổ trên máy chủ PostgreSQL (chép sang bằng: cchc copy %s postgres://…, rồi mở bằng --db postgres://…).",
		"The database %s is on a network share. SQLite cannot write safely over a network drive: two PCs writing at once can corrupt the file, so cchc does not write there (it opens it to read only). Keep the database on one PC's own disk (copy it there with: cchc --db %s backup FILE-ON-THIS-PC), or, for the whole office to share one book, keep it on a PostgreSQL server (copy it there with: cchc copy %s postgres://…, then open it with --db postgres://…).",
		path, path, path)
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
func ShortNetworkProblem() *lang.Error {
	return lang.Errorf("Tệp dữ liệu nằm trên ổ mạng dùng chung: cchc chỉ mở để xem, không ghi, vì ghi qua ổ mạng làm hỏng tệp. Hãy để tệp trên một máy, hoặc để sổ dùng chung trên máy chủ PostgreSQL (--db postgres://…).",
		"The database is on a network share: cchc only reads it, as writing over a network drive corrupts files. Keep it on one PC, or keep the shared book on a PostgreSQL server (--db postgres://…).")
}
