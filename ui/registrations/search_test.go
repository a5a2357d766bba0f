package registrations

import (
	"fmt"
	"slices"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vntext"
)

// Narrowing, backspace and the background search find exactly the rows a
// search of the whole list finds, and a result overtaken by a newer search
// is dropped.
func TestSearchNarrowsAndBacksUpToTheSameRows(t *testing.T) {
	agencies := []*book.ListAgency{
		{ID: 1, Name: "Huyện Đức Thọ", Group: campaign.District},
		{ID: 2, Name: "Sở Tư pháp", Group: campaign.Department},
		{ID: 3, Name: "Xã Tùng Ảnh", Group: campaign.Commune},
	}
	for _, a := range agencies {
		a.Key = vntext.Fold(a.Name)
	}
	titles := []string{"Thủ tục hành chính một cửa", "Số hóa hồ sơ", "Tuyên truyền thủ tục", "Chính quyền số", "Hành chính công"}
	var list []book.ListRow
	for i := range 500 {
		title := titles[i%len(titles)]
		a := agencies[i%2]
		lead := a
		if i%7 == 0 {
			lead = agencies[2]
		}
		num := fmt.Sprintf("%d/UBND-TH", i%40)
		list = append(list, book.ListRow{ID: int64(i + 1), Title: title, TitleKey: vntext.Fold(title), Agency: a, Lead: lead,
			Letter: &book.ListLetter{Number: num, Key: vntext.Fold(num)}})
	}
	whole := func(f filters, q vntext.Query) []int32 {
		out := []int32{}
		for i := range list {
			r := &list[i]
			if f.group > 0 && r.Agency.Group != campaign.Groups[f.group-1] {
				continue
			}
			if q.MatchAny([]string{r.TitleKey, r.Agency.Key, r.Lead.Key, r.Letter.Key}) {
				out = append(out, int32(i))
			}
		}
		rank(list, out, q) // the order is TestSearchListsTheClosestFirst's
		return out
	}
	for _, inline := range []int{0, 20_000} { // every search in the background, then none
		saved := inlineRows
		inlineRows = inline
		var s searchState
		f := filters{}
		for _, typed := range []string{"", "t", "th", "thu", "thu ", "thu t", "thu tu", "thu tuc", "thu tu", "th", "tung", "12", "12/u", "", "ho so"} {
			if typed == "tung" {
				f = filters{group: 3} // districts only: the results so far are forgotten
				s.forget()
			}
			q := vntext.NewQuery(typed)
			rows, done, cmd := s.search(list, f, q)
			if !done {
				msg, ok := cmd().(FoundMsg)
				if !ok || !s.take(msg) {
					t.Fatalf("%q: the background search gave %v", typed, msg)
				}
				rows = msg.found.rows
			}
			if want := whole(f, q); !slices.Equal(rows, want) {
				t.Fatalf("inline %d, %q: %d rows, want %d", inline, typed, len(rows), len(want))
			}
		}
		// a search overtaken by another is dropped
		inlineRows = 0
		s.forget()
		_, _, first := s.search(list, f, vntext.NewQuery("chinh"))
		_, _, second := s.search(list, f, vntext.NewQuery("so"))
		if msg := first(); msg != nil {
			if s.take(msg.(FoundMsg)) {
				t.Fatal("an older search's rows were taken")
			}
		}
		if msg, ok := second().(FoundMsg); !ok || !s.take(msg) {
			t.Fatal("the latest search's rows were not taken")
		}
		inlineRows = saved
	}
}

// The results kept for backspace hold at most maxFoundRows rows in all
// (a short query matches most of a national list), the latest always.
func TestKeptResultsAreBounded(t *testing.T) {
	var s searchState
	for i := range 10 {
		q := vntext.NewQuery(fmt.Sprint("thu ", i))
		s.keep(found{q: q, rows: make([]int32, 150_000)})
		held := 0
		for _, f := range s.found {
			held += len(f.rows)
		}
		if held > maxFoundRows || !s.found[len(s.found)-1].q.Equal(q) {
			t.Fatalf("after %d results: %d rows held in %d results, or the latest not kept", i+1, held, len(s.found))
		}
	}
	if len(s.found) != maxFoundRows/150_000 {
		t.Fatalf("%d results kept", len(s.found))
	}
}

// The closest names first, as on screen 2: "so y te ha tinh" found Hà
// Giang's Sở Y tế first on the national book, listed by day received.
func TestSearchListsTheClosestFirst(t *testing.T) {
	var list []book.ListRow
	for i, name := range []string{"Sở Y tế tỉnh Hà Giang", "Sở Y tế tỉnh Hà Tĩnh", "Sở Tài chính tỉnh Hà Tĩnh", "Sở Y tế tỉnh Hà Tĩnh"} {
		a := &book.ListAgency{ID: int64(i + 1), Name: name, Key: vntext.Fold(name)}
		title := "Một cửa điện tử"
		list = append(list, book.ListRow{ID: int64(i + 1), Title: title, TitleKey: vntext.Fold(title), Agency: a, Lead: a})
	}
	var s searchState
	rows, done, _ := s.search(list, filters{}, vntext.NewQuery("so y te ha tinh"))
	if !done || !slices.Equal(rows, []int32{1, 3, 0}) {
		t.Fatalf("rows %v (done %v), want Hà Tĩnh's two in the list's order, then Hà Giang's", rows, done)
	}
}
