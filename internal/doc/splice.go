package doc

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"

	"cchc/internal/lang"
)

// splicer joins PDF files that fpdf wrote, each some pages of one
// document, into one PDF, written as each part comes: the objects of a
// part are renumbered after those of the parts before it and copied
// (streams byte for byte), its pages become pages of one page tree, and
// the first part's catalog and information stand for the whole. Each part
// keeps its own resources (fonts subset to its own pages), so the file
// holds a set of fonts for each part: some 60 kB in a thousand pages.
//
// It reads only what fpdf writes: a classic cross-reference table, the
// page tree as object 1, the catalog and information last.
type splicer struct {
	w       *bufio.Writer
	out     io.Writer
	at      int64   // bytes written
	offsets []int64 // of each object of the file, by number (0 unused, 1 the page tree)
	kids    []int   // the pages, in order
	media   []byte  // the page tree's MediaBox
	root    int     // the catalog
	info    int     // the information dictionary
	err     error
}

func newSplicer(w io.Writer) *splicer {
	return &splicer{out: w, w: bufio.NewWriterSize(w, 1<<16), offsets: []int64{0, 0}}
}

func (s *splicer) write(b []byte) {
	if s.err != nil {
		return
	}
	n, err := s.w.Write(b)
	s.at += int64(n)
	s.err = err
}

var (
	pdfRef      = regexp.MustCompile(`(\d+) 0 R\b`)
	pdfObjStart = regexp.MustCompile(`^(\d+) 0 obj\b`)
	pdfKids     = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	pdfMedia    = regexp.MustCompile(`/MediaBox \[[^\]]*\]`)
	pdfTrailer  = regexp.MustCompile(`/Root (\d+) 0 R\s*/Info (\d+) 0 R`)
	streamStart = []byte(">>\nstream\n")
)

// errSplice is a part that is not what fpdf writes.
func errSplice(what string) error {
	return lang.Errorf("Không ghép được các phần của tệp PDF (%s)", "Could not join the parts of the PDF (%s)", what)
}

// add copies one part's objects and notes its pages.
func (s *splicer) add(part []byte) error {
	if s.err != nil {
		return s.err
	}
	first := len(s.offsets) == 2
	xref, objs, err := xrefTable(part)
	if err != nil {
		return err
	}
	tm := pdfTrailer.FindSubmatch(part[xref:])
	if tm == nil {
		return errSplice("no trailer")
	}
	root, _ := strconv.Atoi(string(tm[1]))
	info, _ := strconv.Atoi(string(tm[2]))
	// numbers in this part → in the file: the page tree is the file's
	// object 1; the catalog and information of parts after the first are
	// dropped
	num := make([]int, len(objs))
	num[1] = 1
	next := len(s.offsets)
	for n := 2; n < len(objs); n++ {
		if !first && (n == root || n == info) {
			continue
		}
		num[n] = next
		next++
	}
	renumber := func(b []byte) []byte {
		return pdfRef.ReplaceAllFunc(b, func(m []byte) []byte {
			n, _ := strconv.Atoi(string(m[:bytes.IndexByte(m, ' ')]))
			if n <= 0 || n >= len(num) || num[n] == 0 {
				return m
			}
			return []byte(strconv.Itoa(num[n]) + " 0 R")
		})
	}
	if first {
		head := objs[1].start
		for _, o := range objs[2:] {
			head = min(head, o.start)
		}
		s.write(part[:head]) // %PDF-1.x
		s.root, s.info = num[root], num[info]
	}
	tree := objs[1].body(part)
	km := pdfKids.FindSubmatch(tree)
	if km == nil {
		return errSplice("no page tree")
	}
	for _, m := range pdfRef.FindAllSubmatch(km[1], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		if n <= 0 || n >= len(num) || num[n] == 0 {
			return errSplice("a page out of range")
		}
		s.kids = append(s.kids, num[n])
	}
	if first {
		s.media = pdfMedia.Find(tree)
	}
	// the objects, in the order of their new numbers
	s.offsets = append(s.offsets, make([]int64, next-len(s.offsets))...)
	for n := 2; n < len(objs); n++ {
		if num[n] == 0 {
			continue
		}
		body := objs[n].body(part)
		m := pdfObjStart.FindIndex(body)
		if m == nil {
			return errSplice("object " + strconv.Itoa(n) + " not where the table says")
		}
		head, stream := body[m[1]:], []byte(nil)
		if i := bytes.Index(head, streamStart); i >= 0 {
			head, stream = head[:i+len(streamStart)], head[i+len(streamStart):]
		}
		s.offsets[num[n]] = s.at
		s.write([]byte(strconv.Itoa(num[n]) + " 0 obj"))
		s.write(renumber(head))
		s.write(stream)
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
		fmt.Fprintf(&b, "%d 0 R ", k)
	}
	fmt.Fprintf(&b, "]\n/Count %d\n%s\n>>\nendobj\n", len(s.kids), s.media)
	xref := s.at + int64(b.Len())
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(s.offsets))
	for _, o := range s.offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", len(s.offsets), s.root, s.info, xref)
	s.write(b.Bytes())
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// pdfObject is where an object lies in a part.
type pdfObject struct{ start, end int }

func (o pdfObject) body(part []byte) []byte { return part[o.start:o.end] }

// xrefTable reads a part's cross-reference table: where each object
// starts, and (objects following one another) where it ends.
func xrefTable(part []byte) (int, []pdfObject, error) {
	i := bytes.LastIndex(part, []byte("startxref\n"))
	if i < 0 {
		return 0, nil, errSplice("no startxref")
	}
	rest := part[i+len("startxref\n"):]
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	xref, err := strconv.Atoi(string(rest))
	if err != nil || xref <= 0 || xref >= i || !bytes.HasPrefix(part[xref:], []byte("xref\n0 ")) {
		return 0, nil, errSplice("no cross-reference table")
	}
	line := part[xref+len("xref\n0 "):]
	line = line[:bytes.IndexByte(line, '\n')]
	count, err := strconv.Atoi(string(line))
	entries := part[xref+len("xref\n0 ")+len(line)+1:]
	if err != nil || count < 3 || len(entries) < 20*count {
		return 0, nil, errSplice("a short cross-reference table")
	}
	objs := make([]pdfObject, count)
	starts := []int{xref}
	for n := 1; n < count; n++ {
		o, err := strconv.Atoi(string(entries[20*n : 20*n+10]))
		if err != nil || o <= 0 || o >= xref {
			return 0, nil, errSplice("object " + strconv.Itoa(n) + " out of place")
		}
		objs[n].start = o
		starts = append(starts, o)
	}
	slices.Sort(starts)
	for n := 1; n < count; n++ {
		k, _ := slices.BinarySearch(starts, objs[n].start)
		objs[n].end = starts[k+1]
	}
	return xref, objs, nil
}
