package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"cchc/internal/lang"
)

// Limits on a file's shape, not only its size: 60 MB of XML nested nine
// million deep fits under MaxUnzipped, yet encoding/xml keeps a record per
// open element, and took 1.3–1.6 GB (issue 22). A real list is a few
// levels deep and far below these counts (the national commune list:
// ~10,600 rows of ~10 cells).
const (
	MaxXMLDepth = 256       // elements open at once in one part
	MaxElements = 4_000_000 // elements in the whole file, all parts
	MaxCells    = 500_000   // cells (xlsx c and shared strings, docx w:tc)
)

// shape counts what a file has opened so far and refuses past the limits.
type shape struct {
	depth, elements, cells int
}

// open counts an element about to be read; cell tells whether it is one.
func (s *shape) open(cell bool) error {
	s.depth++
	s.elements++
	if cell {
		s.cells++
	}
	switch {
	case s.depth > MaxXMLDepth:
		return tooDeep()
	case s.elements > MaxElements:
		return twoNums("Tệp có hơn %s phần tử XML (giới hạn số phần tử): danh sách đăng ký thường chỉ vài chục dòng; tệp có thể bị hỏng hoặc được tạo ra để làm treo máy, hãy kiểm tra lại tệp",
			"The file has over %s XML elements (the element limit): a registration list is usually a few dozen rows; the file may be damaged or made to hang the computer, check it",
			MaxElements)
	case s.cells > MaxCells:
		return twoNums("Tệp có hơn %s ô (giới hạn số ô): danh sách đăng ký thường chỉ vài chục dòng; hãy kiểm tra lại tệp",
			"The file has over %s cells (the cell limit): a registration list is usually a few dozen rows; check the file",
			MaxCells)
	}
	return nil
}

func (s *shape) close() { s.depth-- }

// twoNums is a message with a count written as each language groups
// thousands (1.000.000, 1,000,000).
func twoNums(vi, en string, n int) error {
	return &lang.Error{VI: fmt.Sprintf(vi, lang.VI.Num(n)), EN: fmt.Sprintf(en, lang.EN.Num(n))}
}

func tooDeep() error {
	return lang.Errorf("Tệp có các phần tử XML lồng nhau hơn %d cấp (giới hạn độ sâu): tệp Excel hay Word thật chỉ lồng vài chục cấp; tệp có thể bị hỏng hoặc được tạo ra để làm treo máy, hãy kiểm tra lại tệp",
		"The file's XML elements are nested over %d levels deep (the depth limit): a real Excel or Word file nests a few dozen at most; the file may be damaged or made to hang the computer, check it",
		MaxXMLDepth)
}

// scanXLSX measures every part of a workbook before excelize reads it:
// excelize unmarshals parts with encoding/xml, whose memory grows with
// depth, so the bound has to be checked first, by a tokenizer that keeps
// no stack. A part that is not XML is left to excelize to refuse.
func scanXLSX(data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return notExcel(err)
	}
	var declared uint64
	for _, f := range z.File { // as excelize adds them up, before reading any
		if declared += f.UncompressedSize64; declared > MaxUnzipped {
			return excelTooBig()
		}
	}
	var s shape
	left := &limitedReader{left: MaxUnzipped} // a zip that lies about its sizes
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			continue // excelize says what is wrong with it
		}
		left.r = rc
		err = scanPart(left, &s)
		rc.Close()
		if errors.Is(err, errTooBig) {
			return excelTooBig()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// scanPart counts one part's elements: a cell is a c in a row, or a
// shared string (si in sst), which excelize keeps in memory all at once.
// It reads the markup byte by byte rather than through encoding/xml, whose
// tokens cost allocations: that scan of a 10,000-row workbook took a
// quarter of the time of reading it. Comments, CDATA, processing
// instructions and quoted attribute values are skipped as XML says, so
// what encoding/xml would open, it counts.
func scanPart(r io.Reader, s *shape) error {
	br := bufio.NewReaderSize(r, 64<<10)
	base := s.depth
	defer func() { s.depth = base }()
	var parents [MaxXMLDepth + 1]byte // what each open element is (row, sst or other)
	name := make([]byte, 0, 64)
	for {
		if err := skipTo(br, '<'); err != nil {
			return endOfPart(err)
		}
		c, err := br.ReadByte()
		if err != nil {
			return endOfPart(err)
		}
		switch c {
		case '/':
			err = skipTo(br, '>')
			if s.depth > base {
				s.close()
			}
		case '?':
			err = skipPast(br, "?>")
		case '!':
			err = skipDeclaration(br)
		default:
			name = append(name[:0], c)
			var closed bool
			name, closed, err = startTag(br, name)
			if err != nil {
				return endOfPart(err)
			}
			if i := bytes.LastIndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			parent := byte(0)
			if d := s.depth - base; d > 0 {
				parent = parents[d-1]
			}
			local := string(name) // not allocated: compared only
			if err := s.open(local == "c" && parent == 'r' || local == "si" && parent == 's'); err != nil {
				return err
			}
			switch local {
			case "row":
				parents[s.depth-base-1] = 'r'
			case "sst":
				parents[s.depth-base-1] = 's'
			default:
				parents[s.depth-base-1] = 0
			}
			if closed {
				s.close()
			}
		}
		if err != nil {
			return endOfPart(err)
		}
	}
}

// endOfPart: a part too big stops the file; its end, or a zip error that
// excelize will report, stops only the part.
func endOfPart(err error) error {
	if errors.Is(err, errTooBig) {
		return err
	}
	return nil
}

// skipTo reads up to and including the byte b.
func skipTo(br *bufio.Reader, b byte) error {
	for {
		_, err := br.ReadSlice(b)
		if err != bufio.ErrBufferFull {
			return err
		}
	}
}

// skipPast reads up to and including end.
func skipPast(br *bufio.Reader, end string) error {
	matched := 0
	for matched < len(end) {
		c, err := br.ReadByte()
		if err != nil {
			return err
		}
		switch {
		case c == end[matched]:
			matched++
		case c == end[0]:
			matched = 1
		default:
			matched = 0
		}
	}
	return nil
}

// skipDeclaration reads what follows "<!": a comment, a CDATA section or
// a DOCTYPE (whose internal subset nests <…> and quotes).
func skipDeclaration(br *bufio.Reader) error {
	if p, _ := br.Peek(2); string(p) == "--" {
		return skipPast(br, "-->")
	}
	if p, _ := br.Peek(7); string(p) == "[CDATA[" {
		return skipPast(br, "]]>")
	}
	open, quote := 1, byte(0)
	for open > 0 {
		c, err := br.ReadByte()
		if err != nil {
			return err
		}
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			open++
		case c == '>':
			open--
		}
	}
	return nil
}

// startTag reads the rest of a start tag's name onto name, then its
// attributes (quoted values may hold '>' and '/'), and tells whether it
// closed itself (<c/>).
func startTag(br *bufio.Reader, name []byte) ([]byte, bool, error) {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return name, false, err
		}
		switch c {
		case '>':
			return name, false, nil
		case '/', ' ', '\t', '\r', '\n':
			br.UnreadByte()
		default:
			if len(name) < 256 { // a longer name is no name excelize knows
				name = append(name, c)
			}
			continue
		}
		break
	}
	prev, quote := byte(0), byte(0)
	for {
		c, err := br.ReadByte()
		if err != nil {
			return name, false, err
		}
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return name, prev == '/', nil
		}
		prev = c
	}
}
