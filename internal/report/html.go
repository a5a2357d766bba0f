package report

import "io"

// WriteHTML writes the sheet as one html page for printing on A4
// landscape, rendered from the same document as the docx and the PDF.
func (s Sheet) WriteHTML(w io.Writer) error { return s.Document().WriteHTML(w) }
