// Package book is the registration book as the application sees it: the
// rows it reads and writes, the errors it is told about, and the
// interfaces, named for what the clerk does, that a storage package
// (internal/store on SQLite) implements. It is pure Go: no I/O, no driver.
// The app (cmd/cchc, ui, report, importer, demo) depends on these, never
// on a storage package's types.
package book
