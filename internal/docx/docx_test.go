package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			for dec := xml.NewDecoder(bytes.NewReader(b)); ; {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed XML: %v", name, err)
				}
			}
			return string(b)
		}
	}
	t.Fatalf("no %s", name)
	return ""
}

// A landscape page with a repeated header row, page numbers from page 2,
// text escaped and control characters dropped.
func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w, err := New(&buf, Page{Landscape: true, Top: 20, Bottom: 20, Left: 30, Right: 15, NumberFrom2: true}, Font{Family: "Times New Roman", Size: 13, Lang: "vi-VN"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Paragraph(Para{Runs: []Run{{Text: "Sở <Nội> vụ & \x01ban\nhai", Bold: true}}, Align: Centre}); err != nil {
		t.Fatal(err)
	}
	if err := w.StartTable(Table{Widths: []float64{20, 100}, Borders: true, Size: 12}, []Cell{{Text: "STT"}, {Text: "Tên"}}); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if err := w.Row([]Cell{{Text: "1"}, {Text: "Huyện Đức Thọ"}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Row([]Cell{{Text: "I. NHÓM", Span: 2}}); err != nil {
		t.Fatal(err)
	}
	if err := w.EndTable(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	body := part(t, buf.Bytes(), "word/document.xml")
	for _, want := range []string{
		`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`,
		`<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`,
		`<w:titlePg/>`, `<w:tblHeader/>`, `<w:gridSpan w:val="2"/>`,
		`Sở &lt;Nội&gt; vụ &amp; ban</w:t><w:br/>`, `Huyện Đức Thọ`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Count(body, "<w:tblHeader/>") != 1 {
		t.Error("only the header row repeats")
	}
	if !strings.Contains(part(t, buf.Bytes(), "word/header1.xml"), "PAGE") {
		t.Error("no page number")
	}
	if !strings.Contains(part(t, buf.Bytes(), "word/styles.xml"), `w:val="vi-VN"`) {
		t.Error("no language")
	}
	part(t, buf.Bytes(), "[Content_Types].xml")
}
