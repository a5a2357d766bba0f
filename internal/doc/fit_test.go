package doc

import (
	"strings"
	"testing"
)

// Columns fitted to their text: a short column (the kind) keeps its
// cells on one line, no column is narrower than its widest word, and the
// long free text gets the most room.
func TestColumnsFitTheirText(t *testing.T) {
	cols := []Column{{Title: "STT", Width: 7}, {Title: "Tên mô hình", Width: 27}, {Title: "Loại", Width: 11}, {Title: "Ghi chú", Width: 11}}
	var sample [][]string
	kinds := []string{"Mô hình", "Sáng kiến", "Cách làm hay"}
	for i := range 60 {
		sample = append(sample, []string{itoa3(i + 1), strings.Repeat("Trung tâm phục vụ hành chính công ", 1+i%4), kinds[i%3], "Đã triển khai"})
	}
	w := tableWidths(&Table{Columns: cols, Sample: sample}, 252)
	m := NewMeasure()
	mm := func(s string) float64 { return m.Width(s, false, false, TableSize) * 25.4 / 72 }
	if need := mm("Cách làm hay") + 2*fitPad; w[2] < need {
		t.Errorf("the kinds' column is %.1f mm, \"Cách làm hay\" needs %.1f on one line", w[2], need)
	}
	if w[1] <= w[0] || w[1] <= w[2] || w[1] <= w[3] {
		t.Errorf("widths %.1f: the long text is not the widest", w)
	}
	sum := 0.0
	for i, x := range w {
		sum += x
		if x < mm("Trung")+2*fitPad && i == 1 {
			t.Errorf("column %d is %.1f mm, narrower than a word", i, x)
		}
	}
	if sum < 251.9 || sum > 252.1 {
		t.Errorf("widths %.1f add up to %.1f mm, not the page's 252", w, sum)
	}
}

func itoa3(n int) string {
	return strings.TrimLeft(string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)}), "0")
}
