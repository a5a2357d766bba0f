package doc

import (
	"slices"
	"strings"
)

// fitPad is the room (mm) a fitted column leaves each side of its text:
// the widest of the renderers' (the docx's 85-twip cell margins), so that
// what fits on a line in one fits in all.
const fitPad = 1.5

// fitSlack (mm) is kept free on a fitted line: Word and LibreOffice set
// text a little wider than its metrics add up to, and a line that just
// fits in the pdf would wrap there.
const fitSlack = 0.8

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
// tallest cell. Each column is at least as wide as its widest word
// (nothing is cut), its title's and its Least; the page left is then
// shared so that the rows take the fewest lines: free text wide where that
// makes rows shorter, short columns (kinds, dates) what their cells need,
// and the rest in proportion to each column's text, up to its longest
// line. Nil when even the least widths overflow the page.
func fitWidths(cols []Column, sample [][]string, total float64) []float64 {
	n := len(cols)
	m := NewMeasure()
	mm := func(s string, bold bool) float64 { return m.Width(s, bold, false, TableSize) * 25.4 / 72 }
	space := mm(" ", false)
	least := make([]float64, n)     // widest word, title word or Least
	most := make([]float64, n)      // the longest line on one line
	text := make([]float64, n)      // all the text end to end
	cells := make([][][]float64, n) // the words of each cell in mm, a line break as -1
	for i, c := range cols {
		for _, w := range strings.Fields(c.Title) {
			least[i] = max(least[i], mm(w, true)+2*CellMargin)
		}
		if c.Least != "" {
			least[i] = max(least[i], mm(c.Least, true)+2*fitPad)
		}
		cells[i] = make([][]float64, len(sample))
	}
	widths := map[string]float64{} // a list repeats its words
	for r, row := range sample {
		for i := range cols {
			var ws []float64
			for li, line := range strings.Split(keepYear(cellText(row, i)), "\n") {
				if li > 0 {
					ws = append(ws, -1)
				}
				lw := 0.0
				for wi, w := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' }) {
					x, ok := widths[w]
					if !ok { // "năm 2026" is one word (keepYear)
						x = mm(strings.ReplaceAll(w, "\u00a0", " "), false)
						widths[w] = x
					}
					ws = append(ws, x)
					least[i] = max(least[i], x+2*fitPad+fitSlack)
					if wi > 0 {
						lw += space
					}
					lw += x
				}
				most[i] = max(most[i], lw+2*fitPad)
				text[i] += lw
			}
			cells[i][r] = ws
		}
	}
	sum := func(w []float64) (s float64) {
		for _, x := range w {
			s += x
		}
		return s
	}
	if sum(least) > total {
		return nil
	}
	for i := range most {
		most[i] = max(most[i], least[i])
	}
	// need(k)[i][r]: the width cell r of column i needs to take k lines at most
	need := func(k int) [][]float64 {
		out := make([][]float64, n)
		for i := range n {
			out[i] = make([]float64, len(sample))
			for r := range sample {
				lo, hi := least[i], most[i]
				if lineCount(cells[i][r], lo, space) <= k {
					hi = lo
				}
				for hi-lo > 0.25 {
					mid := (lo + hi) / 2
					if lineCount(cells[i][r], mid, space) <= k {
						hi = mid
					} else {
						lo = mid
					}
				}
				out[i][r] = hi
			}
		}
		return out
	}
	needs := make([][][]float64, maxLines)
	for k := range needs {
		needs[k] = need(k + 1)
	}
	// the rest in proportion to the text, up to each column's longest line
	fill := func(w []float64) []float64 {
		rest := total - sum(w)
		for rest > 0.01 {
			share, given := 0.0, 0.0
			for i := range n {
				if w[i] < most[i] {
					share += text[i] + 1
				}
			}
			if share == 0 { // every line fits: the room left in proportion
				s := sum(w)
				for i := range w {
					w[i] += rest * w[i] / s
				}
				break
			}
			for i := range n {
				if w[i] < most[i] {
					add := min(rest*(text[i]+1)/share, most[i]-w[i])
					w[i] += add
					given += add
				}
			}
			rest -= given
		}
		return w
	}
	// Candidates: the rows let down one line at a time, the cheapest
	// first; and columns each as wide as a share q of its cells need to
	// take k lines. The one whose rows take the fewest lines wins.
	// A short column (kinds, dates: its cells, or four in five of them, on
	// a line no wider than a fair share of the page) keeps them on one.
	for i := range n {
		v := append([]float64(nil), needs[0][i]...)
		slices.Sort(v)
		fair := 1.25 * total / float64(n)
		if s := v[len(v)-1]; s <= fair {
			least[i] = max(least[i], s)
		} else if s := v[len(v)*4/5]; s <= fair {
			least[i] = max(least[i], s)
		}
	}
	if sum(least) > total {
		return nil
	}
	w := append([]float64(nil), least...)
	lower(w, needs, total-sum(w))
	best := fill(w)
	lines := linesOf(best, needs)
	for k := 2; k <= 4; k++ {
		for q := 0.5; q <= 1.0001; q += 0.05 {
			try := append([]float64(nil), least...)
			for i := range n {
				v := append([]float64(nil), needs[k-1][i]...)
				slices.Sort(v)
				try[i] = max(try[i], v[min(int(q*float64(len(v))), len(v)-1)])
			}
			if sum(try) > total {
				continue
			}
			if l := linesOf(fill(try), needs); l < lines {
				best, lines = try, l
			}
		}
	}
	return polish(best, least, needs)
}

// linesOf is how many lines the sampled rows take in all, at widths w.
func linesOf(w []float64, needs [][][]float64) int {
	out := 0
	for r := range needs[0][0] {
		out += level(w, needs, r)
	}
	return out
}

// level is how many lines row r takes at widths w, maxLines+1 if more.
func level(w []float64, needs [][][]float64, r int) int {
	for k := range needs {
		fits := true
		for i := range w {
			if needs[k][i][r] > w[i]+1e-9 {
				fits = false
				break
			}
		}
		if fits {
			return k + 1
		}
	}
	return maxLines + 1
}

// maxLines is the tallest a row is sized for; a taller one stays as it is.
const maxLines = 8

// lower widens columns, within room mm in all, so that rows take fewer
// lines: each time by one line the row whose cells need the least width
// beyond what their columns have (needs[k-1][i][r] for k lines), until
// none fits in what is left.
func lower(w []float64, needs [][][]float64, room float64) {
	rows := len(needs[0][0])
	for {
		best, bestK, cost := -1, 0, room
		for r := range rows {
			k := level(w, needs, r) - 1 // lines wanted
			if k < 1 {
				continue
			}
			c := 0.0
			for i := range w {
				c += max(needs[k-1][i][r]-w[i], 0)
			}
			if c <= cost && (best < 0 || c < cost) {
				best, bestK, cost = r, k, c
			}
		}
		if best < 0 {
			return
		}
		for i := range w {
			w[i] = max(w[i], needs[bestK-1][i][best])
		}
		room -= cost
	}
}

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

// polish moves width from one column to another, in steps of several
// sizes, while the sampled rows take fewer lines in all, or as many with
// fewer cells as tall as their row (the next move can lower those rows).
func polish(w, least []float64, needs [][][]float64) []float64 {
	n, rows := len(w), len(needs[0][0])
	cellLines := func(i, r int, width float64) int {
		for k := range needs {
			if needs[k][i][r] <= width+1e-9 {
				return k + 1
			}
		}
		return maxLines + 1
	}
	cur := make([][]int, n)
	for i := range n {
		cur[i] = make([]int, rows)
		for r := range rows {
			cur[i][r] = cellLines(i, r, w[i])
		}
	}
	score := func(i, j int, li, lj []int) (tall, crowd int) {
		for r := range rows {
			top, k := 0, 0
			for c := range n {
				l := cur[c][r]
				if c == i {
					l = li[r]
				} else if c == j {
					l = lj[r]
				}
				switch {
				case l > top:
					top, k = l, 1
				case l == top:
					k++
				}
			}
			tall += top
			crowd += k
		}
		return tall, crowd
	}
	tall, crowd := score(-1, -1, nil, nil)
	steps := []float64{1, 2, 4, 8, 16, 32}
	at := func(i int, width float64) []int {
		out := make([]int, rows)
		for r := range rows {
			out[r] = cellLines(i, r, width)
		}
		return out
	}
	for range 300 {
		bi, bj, bs, bt, bc := -1, -1, 0.0, tall, crowd
		var bli, blj []int
		for _, step := range steps {
			for i := range n {
				li := at(i, w[i]+step)
				for j := range n {
					if i == j || w[j]-step < least[j] {
						continue
					}
					lj := at(j, w[j]-step)
					if t, c := score(i, j, li, lj); t < bt || t == bt && c < bc {
						bi, bj, bs, bt, bc, bli, blj = i, j, step, t, c, li, lj
					}
				}
			}
		}
		if bi < 0 {
			break
		}
		w[bi] += bs
		w[bj] -= bs
		cur[bi], cur[bj] = bli, blj
		tall, crowd = bt, bc
	}
	return w
}
