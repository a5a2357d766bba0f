package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/lang"
	"cchc/internal/vntext"
)

// A CSV row whose cells do not line up with its header is never read: a
// comma left unquoted in a title or a cell ("Tên cơ quan, đơn vị") moves
// every cell after it one column over, and a commune read that way
// becomes a district. A sheet, a Word table and a well-made CSV (Excel
// writes every cell of every row) are never refused for it.

// width is the number of cells up to the last one that is filled.
func width(row []string) int {
	for i := len(row) - 1; i >= 0; i-- {
		if strings.TrimSpace(row[i]) != "" {
			return i + 1
		}
	}
	return 0
}

// misaligned says why CSV row r does not line up with the header row
// head, or nil when it does (or the grid is not CSV). Every program that
// saves CSV writes each row as wide as the others, so a row of another
// width was cut or pasted by hand: a longer one has a cell cut in two
// (even when what moved went into an empty column at the end). A shorter
// one is read when what it lacks are the header's own empty cells.
func (g *Grid) misaligned(head, r int) *lang.Error {
	if g.fields == nil || r >= len(g.fields) || head >= len(g.fields) {
		return nil
	}
	hw, cells := width(g.Rows[head]), g.fields[r]
	if cells >= hw && cells <= g.fields[head] {
		return nil
	}
	return lang.Errorf(
		"dòng này có %d ô mà dòng tiêu đề có %d: các ô không còn khớp với cột, nên không đọc dòng này (có lẽ một ô có dấu phẩy hay dấu chấm phẩy mà không đặt trong ngoặc kép). Hãy mở tệp bằng Excel và lưu lại bằng \"CSV UTF-8\", hoặc đặt ô ấy trong ngoặc kép",
		"this row has %d cells and the header %d: the cells no longer line up with the columns, so the row is not read (a cell with a comma or semicolon not put in quotes?). Open the file in Excel and save it again as \"CSV UTF-8\", or put that cell in quotes",
		cells, g.fields[head])
}

// splitTitle finds a header title cut in two by an unquoted comma
// ("Tên cơ quan" and " đơn vị"): a cell that goes on from the one before
// it, starting with a space and a small letter. It gives the title as it
// was meant, or "".
func (g *Grid) splitTitle(head int) string {
	if g.fields == nil {
		return ""
	}
	row := g.Rows[head]
	for c := 1; c < len(row); c++ {
		cell := row[c]
		first, _ := utf8.DecodeRuneInString(strings.TrimLeft(cell, " "))
		if strings.HasPrefix(cell, " ") && unicode.IsLower(first) && strings.TrimSpace(row[c-1]) != "" {
			return vntext.Line(row[c-1]) + "," + strings.TrimRight(cell, " ")
		}
	}
	return ""
}

// headerSplit is the problem of a CSV whose header was cut by a comma
// and whose rows therefore do not line up with it, said once at the
// header; nil otherwise. Each row off is also an error of its own.
func (g *Grid) headerSplit(head int) *Problem {
	off := 0
	for r := head + 1; r < len(g.Rows); r++ {
		if !blank(g.Rows[r]) && g.misaligned(head, r) != nil {
			off++
		}
	}
	if off == 0 {
		return nil
	}
	if t := g.splitTitle(head); t != "" {
		return &Problem{Line: head + 1, Msg: lang.Errorf(
			"tiêu đề %q có dấu phẩy mà không đặt trong ngoặc kép, nên bị tách làm hai cột và các cột sau lệch đi; không nhập gì. Hãy viết tiêu đề ấy trong ngoặc kép (\"%s\") hoặc mở tệp bằng Excel và lưu lại bằng \"CSV UTF-8\"",
			"the title %q has a comma and is not in quotes, so it was cut into two columns and the columns after it are shifted; nothing is imported. Put that title in quotes (\"%s\") or open the file in Excel and save it again as \"CSV UTF-8\"",
			t, t)}
	}
	return nil
}
