package doc

import (
	"bufio"
	"bytes"
	"io"
	"strconv"

	"cchc/internal/lang"
)

// splicer joins PDF files that fpdf wrote, each some pages of one
// document, into one PDF, written as each part comes. A part is read as a
// PDF reader reads it (pdfread.go: its cross-reference table, trailer,
// catalog and page tree, each object parsed by a tokenizer); its objects
// are renumbered after those of the parts before it and written again
// value by value (streams byte for byte as encoded), its pages become
// pages of one page tree, and the first part's catalog and information
// stand for the whole. Each part keeps its own resources (fonts subset to
// its own pages), so the file holds a set of fonts for each part: some
// 60 kB in a thousand pages. Only one part is held at a time.
type splicer struct {
	w       *bufio.Writer
	at      int64   // bytes written
	offsets []int64 // of each object of the file, by number (0 unused, 1 the page tree)
	kids    []int   // the pages, in order
	media   []byte  // the first part's /MediaBox, written
	root    int     // the catalog
	info    int     // the information dictionary (0: none)
	buf     []byte  // an object being written
	err     error
}

func newSplicer(w io.Writer) *splicer {
	return &splicer{w: bufio.NewWriterSize(w, 1<<16), offsets: []int64{0, 0}}
}

func (s *splicer) write(b []byte) {
	if s.err != nil {
		return
	}
	n, err := s.w.Write(b)
	s.at += int64(n)
	s.err = err
}

// errSplice is a part that could not be read or joined.
func errSplice(what string) error {
	return lang.Errorf("Không ghép được các phần của tệp PDF (%s)", "Could not join the parts of the PDF (%s)", what)
}

// dict is object n of p, which must be a dictionary.
func dict(p *pdfPart, ref any, what string) (pdfDict, error) {
	r, ok := ref.(pdfRef)
	if !ok {
		return nil, errSplice("no " + what)
	}
	v, _, err := p.object(r.num)
	if err != nil {
		return nil, err
	}
	d, ok := v.(pdfDict)
	if !ok {
		return nil, errSplice("no " + what)
	}
	return d, nil
}

// add copies one part's objects and notes its pages.
func (s *splicer) add(part []byte) error {
	if s.err != nil {
		return s.err
	}
	p, err := readPart(part)
	if err != nil {
		return err
	}
	catalog, err := dict(p, p.trailer.get("Root"), "catalog")
	if err != nil {
		return err
	}
	treeRef, _ := catalog.get("Pages").(pdfRef)
	tree, err := dict(p, treeRef, "page tree")
	if err != nil {
		return err
	}
	root := p.trailer.get("Root").(pdfRef).num
	info := 0
	if r, ok := p.trailer.get("Info").(pdfRef); ok {
		info = r.num
	}
	// numbers in this part → in the file: its page tree is the file's
	// object 1; the catalog and information of parts after the first are
	// dropped
	first := len(s.offsets) == 2
	nums := p.inUse()
	num := make([]int, len(p.at))
	if treeRef.num >= len(num) {
		return errSplice("no page tree")
	}
	num[treeRef.num] = 1
	next := len(s.offsets)
	for _, n := range nums {
		if num[n] != 0 || (!first && (n == root || n == info)) {
			continue
		}
		num[n] = next
		next++
	}
	if first {
		s.write(bytes.Fields(part[:min(len(part), 16)])[0]) // %PDF-1.n
		s.write([]byte("\n%\xe2\xe3\xcf\xd3\n"))
		s.root, s.info = num[root], num[info]
		if m := tree.get("MediaBox"); m != nil {
			if s.media, err = appendValue(nil, m, num); err != nil {
				return err
			}
		}
	}
	kids, _ := tree.get("Kids").(pdfArray)
	for _, k := range kids {
		ref, ok := k.(pdfRef)
		if !ok || ref.num >= len(num) || num[ref.num] < 2 {
			return errSplice("a page out of range")
		}
		s.kids = append(s.kids, num[ref.num])
	}
	// the objects, in the order of their new numbers
	s.offsets = append(s.offsets, make([]int64, next-len(s.offsets))...)
	for _, n := range nums {
		to := num[n]
		if to < 2 {
			continue
		}
		v, stream, err := p.object(n)
		if err != nil {
			return err
		}
		b := strconv.AppendInt(s.buf[:0], int64(to), 10)
		b = append(b, " 0 obj\n"...)
		if b, err = appendValue(b, v, num); err != nil {
			return err
		}
		s.offsets[to] = s.at
		if stream != nil {
			s.write(append(b, "\nstream\n"...))
			s.write(stream)
			b = append(b[:0], "\nendstream"...)
		}
		s.buf = append(b, "\nendobj\n"...)
		s.write(s.buf)
	}
	return s.err
}

// close writes the page tree, the cross-reference table and the trailer.
func (s *splicer) close() error {
	if s.err != nil {
		return s.err
	}
	var b bytes.Buffer
	s.offsets[1] = s.at
	b.WriteString("1 0 obj\n<</Type /Pages\n/Kids [")
	for _, k := range s.kids {
		b.WriteString(strconv.Itoa(k) + " 0 R ")
	}
	b.WriteString("]\n/Count " + strconv.Itoa(len(s.kids)) + "\n")
	if s.media != nil {
		b.WriteString("/MediaBox " + string(s.media) + "\n")
	}
	b.WriteString(">>\nendobj\n")
	xref := s.at + int64(b.Len())
	b.WriteString("xref\n0 " + strconv.Itoa(len(s.offsets)) + "\n0000000000 65535 f \n")
	for _, o := range s.offsets[1:] {
		b.WriteString(strconv.FormatInt(o+1e10, 10)[1:] + " 00000 n \n") // ten digits
	}
	b.WriteString("trailer\n<<\n/Size " + strconv.Itoa(len(s.offsets)) + "\n/Root " + strconv.Itoa(s.root) + " 0 R\n")
	if s.info != 0 {
		b.WriteString("/Info " + strconv.Itoa(s.info) + " 0 R\n")
	}
	b.WriteString(">>\nstartxref\n" + strconv.FormatInt(xref, 10) + "\n%%EOF\n")
	s.write(b.Bytes())
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}
