// Package book is the registration book as the application sees it: the
// rows it reads and writes, the errors it is told about and the clerk's
// messages for them, and the interfaces, named for what the clerk does,
// that a storage implements. It is pure Go: no I/O, no driver.
//
// The layers, from the inside out:
//
//   - the domain: internal/campaign (campaigns, agencies, letters,
//     registrations, progress and their rules), internal/compliance (who
//     met the quota, judged in one place), and this package (the book's
//     rows, messages and interfaces: Campaigns, Agencies, Letters,
//     Registrations, Imports, Progress, History, Reports, Filling, Keeping,
//     and Book, all of them);
//   - the storage: internal/store keeps a book in SQLite (the default, one
//     file) or PostgreSQL (internal/store/postgres, a shared server), with
//     all the SQL;
//   - the application: cmd/cchc, ui, internal/report, internal/importer
//     and internal/demo take these interfaces (the narrowest that serves),
//     never a storage's types; only cmd/cchc (and internal/demo/demobook,
//     which makes the demo's file) opens a storage.
package book
