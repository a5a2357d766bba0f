package doc

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// fitPad is the room (mm) each side of a table cell's text, in the pdf
// and the docx's data tables (docx.Table.Side) alike, so that what fits
// on a line in one fits in the other.
const fitPad = 1.0

// fitSlack (mm) is kept free on a line of a cell: Word and LibreOffice set
// text a little wider than its metrics add up to, and a line that just
// fits would wrap there; the pdf breaks its cells' lines at it too.
const fitSlack = 0.5

// tableWidths are the widths (mm) of a table's columns: fitted to its
// Sample when it has one, else its columns' relative widths; never
// narrower than a column's Least.
func tableWidths(t *Table, total float64) []float64 {
	if len(t.Sample) > 0 {
		if w := fitWidths(t.Columns, t.Sample, total); w != nil {
			return w
		}
	}
	cols := t.Columns
	m := NewMeasure()
	for i, c := range cols {
		if c.Least == "" {
			continue
		}
		// the least the column needs, as a share of the others' widths
		need := m.Width(c.Least, true, false, TableSize)*25.4/72 + 2*CellMargin
		if len(cols) > 1 && need < total {
			others := 0.0
			for j, o := range cols {
				if j != i {
					others += max(o.Width, 1)
				}
			}
			if cols[i].Width < need/(total-need)*others {
				cols = append([]Column(nil), cols...)
				cols[i].Width = need / (total - need) * others
			}
		}
	}
	return Widths(cols, total)
}

// fitWidths sizes columns to the sampled rows, a row being as tall as its
// tallest cell, so that the table takes the fewest lines on paper: the
// rows' lines, and the header's once a page. Each column is at least as
// wide as its widest word (nothing is cut), its title's and its Least;
// the rest of the page goes where it lowers rows, found by a seeded
// search over the widths (annealing: lowering a row often needs several
// columns widened at once, which no move of width between two columns
// finds). At equal heights the cells take the fewest lines, so a short
// column (kinds, dates) keeps its cells on one line where that costs no
// row a line. Nil when even the least widths overflow the page.
func fitWidths(cols []Column, sample [][]string, total float64) []float64 {
	n := len(cols)
	if every := (len(sample) + fitRows - 1) / fitRows; every > 1 {
		var few [][]string
		for i := 0; i < len(sample); i += every {
			few = append(few, sample[i])
		}
		sample = few
	}
	m := NewMeasure()
	mm := func(s string, bold bool) float64 { return m.Width(s, bold, false, TableSize) * 25.4 / 72 }
	space, boldSpace := mm(" ", false), mm(" ", true)
	rows := len(sample) + 1         // the sampled rows, then the header
	least := make([]float64, n)     // widest word, title word or Least
	text := make([]float64, n)      // all the text end to end
	cells := make([][][]float64, n) // the words of each cell in mm, a line break as -1
	widths := map[string]float64{}  // a list repeats its words
	for i, c := range cols {
		cells[i] = make([][]float64, rows)
		for r, row := range sample {
			var ws []float64
			for li, line := range strings.Split(keepYear(cellText(row, i)), "\n") {
				if li > 0 {
					ws = append(ws, -1)
				}
				for _, w := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' }) {
					x, ok := widths[w]
					if !ok { // "năm 2026" is one word (keepYear)
						x = mm(strings.ReplaceAll(w, "\u00a0", " "), false)
						widths[w] = x
					}
					ws = append(ws, x)
					least[i] = max(least[i], x+2*fitPad+fitSlack)
					text[i] += x + space
				}
			}
			cells[i][r] = ws
		}
		var head []float64
		for _, w := range strings.Fields(c.Title) {
			x := mm(w, true)
			head = append(head, x)
			least[i] = max(least[i], x+2*fitPad+fitSlack)
		}
		cells[i][rows-1] = head
		if c.Least != "" {
			least[i] = max(least[i], mm(c.Least, true)+2*fitPad+fitSlack)
		}
	}
	// widths in steps of fitGrid mm: lines[i][g-lo[i]][r] is how many
	// lines cell r of column i takes g steps wide
	lo := make([]int, n)
	used := 0
	for i := range n {
		lo[i] = int(math.Ceil(least[i]/fitGrid - 1e-9))
		used += lo[i]
	}
	steps := int(total / fitGrid)
	if used > steps {
		return nil
	}
	lines := make([][][]int8, n)
	for i := range n {
		lines[i] = make([][]int8, steps-used+1)
		for g := range lines[i] {
			at := make([]int8, rows)
			for r := range rows {
				sp := space
				if r == rows-1 {
					sp = boldSpace
				}
				at[r] = int8(min(lineCount(cells[i][r], float64(lo[i]+g)*fitGrid, sp), 100))
			}
			lines[i][g] = at
		}
	}
	// The cost of widths g (steps above lo): the rows' lines, the
	// header's as many times as there are pages (about one in ten rows),
	// and, far lighter, every cell's lines.
	head := max(1, float64(len(sample))/10)
	cellWeight := 1 / float64(rows*n*101+1)
	cost := func(g []int) float64 {
		c := 0.0
		for r := range rows {
			top, all := int8(0), 0
			for i := range n {
				l := lines[i][g[i]][r]
				top = max(top, l)
				all += int(l)
			}
			if r == rows-1 {
				c += head * float64(top)
			} else {
				c += float64(top)
			}
			c += cellWeight * float64(all)
		}
		return c
	}
	// start with the room left in proportion to each column's text
	g := make([]int, n)
	rest, share := steps-used, 0.0
	for i := range n {
		share += text[i] + 1
	}
	for i := range n {
		g[i] = int(float64(steps-used) * (text[i] + 1) / share)
		rest -= g[i]
	}
	for i := 0; rest > 0; i = (i + 1) % n {
		g[i]++
		rest--
	}
	cur := cost(g)
	best, bestG := cur, slices.Clone(g)
	rng := rand.New(rand.NewPCG(1, 2)) // seeded: the same widths every time
	for it := range fitTries {
		heat := 2 * math.Pow(0.001, float64(it)/fitTries)
		i, j, s := rng.IntN(n), rng.IntN(n), 1<<rng.IntN(7)
		if i == j || g[j] < s {
			continue
		}
		g[i], g[j] = g[i]+s, g[j]-s
		if c := cost(g); c <= cur || rng.Float64() < math.Exp((cur-c)/heat) {
			cur = c
			if c < best {
				best = c
				copy(bestG, g)
			}
		} else {
			g[i], g[j] = g[i]-s, g[j]+s
		}
	}
	out := make([]float64, n)
	sum := 0.0
	for i := range n {
		out[i] = float64(lo[i]+bestG[i]) * fitGrid
		sum += out[i]
	}
	out[slices.Index(text, slices.Max(text))] += total - sum // what the steps leave over
	return out
}

// fitRows is the most sampled rows the columns are fitted to, fitGrid
// (mm) the step of their widths and fitTries the moves tried: enough for
// the widths to settle, in 0.1 to 0.25 s.
const (
	fitRows  = 400
	fitGrid  = 0.25
	fitTries = 30000
)

func cellText(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// lineCount is how many lines a cell's words take in a column w mm wide.
func lineCount(ws []float64, w, space float64) int {
	avail := w - 2*fitPad - fitSlack
	n, used := 1, -1.0
	for _, x := range ws {
		switch {
		case x < 0:
			n, used = n+1, -1
		case used < 0:
			used = x
		case used+space+x > avail:
			n, used = n+1, x
		default:
			used += space + x
		}
	}
	return n
}
