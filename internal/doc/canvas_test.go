package doc

import (
	"bytes"
	"strings"
	"testing"
)

// drawn records the text the layout draws on the canvas it is given.
type drawn struct {
	canvas
	texts []string
}

func (d *drawn) Text(x, y float64, s string) {
	d.texts = append(d.texts, s)
	d.canvas.Text(x, y, s)
}

// The layout draws through the canvas interface alone: a canvas that is
// not fpdf's gets every word of the document.
func TestLayoutDrawsThroughTheCanvas(t *testing.T) {
	t.Parallel()
	d := &Document{Title: "t", Blocks: []Block{Text("Báo cáo tình hình", Left)}}
	width, height := d.Area()
	var out bytes.Buffer
	p := &pdf{left: MarginLeft, width: width, top: MarginTop, bottom: MarginTop + height, doc: d, w: &out}
	rec := &drawn{canvas: p.part()}
	p.m, p.f = p.part(), rec
	if err := p.write(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rec.texts, " "); !strings.Contains(got, "Báo cáo tình hình") {
		t.Fatalf("drawn %q", rec.texts)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("%PDF-")) {
		t.Fatal("no PDF written")
	}
}
