package doc

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
)

// readValue is the one value in src, and that all of src was read.
func readValue(t *testing.T, src string) any {
	t.Helper()
	l := &lexer{b: []byte(src)}
	v, err := l.value()
	if err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	if tok, err := l.next(); err != nil || tok.kind != tEOF {
		t.Fatalf("%q: %q left after the value (%v)", src, l.b[l.i:], err)
	}
	return v
}

// Strings are data: a reference, a ")" or a "%" inside one is text, and
// nested parentheses belong to it; names are read with their #xx escapes;
// `n g R` is a reference only when all three are there.
func TestPDFValuesAreReadByTheirSyntax(t *testing.T) {
	src := "% a comment 9 0 R\n<</A#20B (text 3 0 R \\) still (nested (twice)) 100% in) /K [1 0 R -2.5 <48 65\n6C> 4 0] /N null /T true\n/Ref 12 0 R>>"
	want := pdfDict{
		{"A B", pdfAtom(`(text 3 0 R \) still (nested (twice)) 100% in)`)},
		{"K", pdfArray{pdfRef{1, 0}, pdfAtom("-2.5"), pdfAtom("<48 65\n6C>"), pdfAtom("4"), pdfAtom("0")}},
		{"N", pdfAtom("null")},
		{"T", pdfAtom("true")},
		{"Ref", pdfRef{12, 0}},
	}
	got := readValue(t, src)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read\n%#v\nwant\n%#v", got, want)
	}
	// written back: references renumbered, strings as they were
	num := make([]int, 13)
	num[1], num[12] = 7, 2
	out, err := appendValue(nil, got, num)
	if err != nil {
		t.Fatal(err)
	}
	const written = "<</A#20B (text 3 0 R \\) still (nested (twice)) 100% in)\n/K [7 0 R -2.5 <48 65\n6C> 4 0]\n/N null\n/T true\n/Ref 2 0 R\n>>"
	if string(out) != written {
		t.Errorf("written\n%s\nwant\n%s", out, written)
	}
}

func TestPDFNestedDictionaries(t *testing.T) {
	got := readValue(t, "<</A<</B<</C 2 0 R/D[<</E/F#2fG>>]>>>>/H 1>>")
	want := pdfDict{
		{"A", pdfDict{{"B", pdfDict{{"C", pdfRef{2, 0}}, {"D", pdfArray{pdfDict{{"E", pdfName("F/G")}}}}}}}},
		{"H", pdfAtom("1")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read\n%#v\nwant\n%#v", got, want)
	}
	out, err := appendValue(nil, got, []int{0, 0, 5})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(readValue(t, string(out)), pdfDict{
		{"A", pdfDict{{"B", pdfDict{{"C", pdfRef{5, 0}}, {"D", pdfArray{pdfDict{{"E", pdfName("F/G")}}}}}}}},
		{"H", pdfAtom("1")},
	}) {
		t.Errorf("written %s", out)
	}
}

// What is not PDF syntax is refused, not guessed at.
func TestPDFBadSyntaxIsRefused(t *testing.T) {
	for _, src := range []string{
		"(unterminated (string)",
		"(ends with an escape \\)",
		")",
		"<</A 1",
		"<</A 1 /B>>",
		"<<1 2>>",
		"[1 2",
		"/Bad#2",
		"/Bad#zz",
		"<4G>",
		"<48",
		"{ 1 }",
		"endobj",
		"<</A 1>",
	} {
		l := &lexer{b: []byte(src)}
		if v, err := l.value(); err == nil {
			t.Errorf("%q read as %#v", src, v)
		}
	}
	// a reference with no object to stand for is not written
	if _, err := appendValue(nil, pdfArray{pdfRef{3, 0}}, []int{0, 1}); err == nil {
		t.Error("a reference to an object not joined was written")
	}
}

// onePart is a PDF whose object 2 is a stream of data, with the /Length
// given and the table pointing at each object.
func onePart(data, length string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	o1 := b.Len()
	b.WriteString("1 0 obj\n<</Type /Catalog>>\nendobj\n")
	o2 := b.Len()
	fmt.Fprintf(&b, "2 0 obj\n<</Length %s>>\nstream\r\n%sendstream\nendobj\n", length, data)
	o3 := b.Len()
	fmt.Fprintf(&b, "3 0 obj\n%d\nendobj\n", len(data))
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 4\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n%010d 00000 n \ntrailer\n<</Size 4 /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", o1, o2, o3, x)
	return b.Bytes()
}

// A stream is taken by its /Length (direct or a reference): bytes within
// it that read like "endstream" or "endobj" are data.
func TestPDFStreamIsTakenByItsLength(t *testing.T) {
	data := "BT (endstream) Tj ET\nendstream\nendobj\n9 0 obj\n"
	for _, length := range []string{fmt.Sprint(len(data)), "3 0 R"} {
		p, err := readPart(onePart(data, length))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.inUse(); !reflect.DeepEqual(got, []int{1, 2, 3}) {
			t.Fatalf("objects in use %v", got)
		}
		v, stream, err := p.object(2)
		if err != nil {
			t.Fatalf("/Length %s: %v", length, err)
		}
		if string(stream) != data {
			t.Errorf("/Length %s: stream %q, want %q", length, stream, data)
		}
		if _, ok := v.(pdfDict); !ok {
			t.Errorf("/Length %s: %#v", length, v)
		}
	}
	// a /Length that does not end at endstream is refused
	for _, length := range []string{fmt.Sprint(len(data) - 3), fmt.Sprint(len(data) + 3), "1 0 R", "(12)"} {
		p, err := readPart(onePart(data, length))
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := p.object(2); err == nil {
			t.Errorf("/Length %s was taken", length)
		}
	}
}
