package doc

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	t.Parallel()
	lines := Wrap("Đề nghị các cơ quan, đơn vị quan tâm thựchiệnnhữngviệcrấtdàikhôngcódấucách", 20, 15)
	for i, l := range lines {
		limit := 15
		if i == 0 {
			limit = 20
		}
		if n := len([]rune(l)); n > limit || n == 0 {
			t.Errorf("line %d %q is %d wide, limit %d", i, l, n, limit)
		}
	}
	if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll("Đề nghị các cơ quan, đơn vị quan tâm thựchiệnnhữngviệcrấtdàikhôngcódấucách", " ", "") {
		t.Errorf("text lost: %q", lines)
	}
}

// Each rendering shows the blocks meant for it, and only those: a title
// in capitals on paper and in plain text, as typed in Markdown.
func TestOnlyAndHeadings(t *testing.T) {
	t.Parallel()
	d := &Document{Blocks: []Block{
		Title("Danh sách năm 2023"),
		For(Paper, Text("trên giấy", Left)),
		For(Plain, Text("trên màn hình", Left)),
		For(Markdown, Text("chỉ Markdown", Left)),
		&List{Heading: "I. Sở, ngành", Items: []string{"Sở Y tế: chưa đăng ký;"}},
	}}
	var text, md, html strings.Builder
	if err := d.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	if want := "DANH SÁCH NĂM 2023\ntrên màn hình\n\nI. Sở, ngành\n  - Sở Y tế: chưa đăng ký;\n"; text.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), want)
	}
	if want := "# Danh sách năm 2023\n\ntrên màn hình\n\nchỉ Markdown\n\n**I. Sở, ngành**\n\n- Sở Y tế: chưa đăng ký;\n"; md.String() != want {
		t.Errorf("md:\n%s\nwant:\n%s", md.String(), want)
	}
	h := html.String()
	for _, s := range []string{"DANH SÁCH NĂM\u00a02023", "trên giấy", "<b>I. Sở, ngành</b>", "- Sở Y tế: chưa đăng ký;"} {
		if !strings.Contains(h, s) {
			t.Errorf("html lacks %q", s)
		}
	}
	for _, s := range []string{"màn hình", "chỉ Markdown", "Danh sách"} {
		if strings.Contains(h, s) {
			t.Errorf("html shows %q", s)
		}
	}
}

// A table of records with none shows nothing in plain text and Markdown;
// another table shows its header.
func TestEmptyTables(t *testing.T) {
	t.Parallel()
	none := func(yield func(Row) error) error { return nil }
	cols := []Column{{Title: "STT", TextAlign: Right}, {Title: "Tên"}}
	for _, records := range []bool{true, false} {
		d := &Document{Blocks: []Block{Text("trước", Left), &Table{Columns: cols, Rows: none, Records: records}}}
		var text, md strings.Builder
		if err := d.WriteText(&text); err != nil {
			t.Fatal(err)
		}
		if err := d.WriteMarkdown(&md); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(text.String(), "STT") || strings.Contains(md.String(), "STT"); got == records {
			t.Errorf("records %v: text %q, md %q", records, text.String(), md.String())
		}
	}
}
