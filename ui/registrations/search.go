package registrations

import (
	"cmp"
	"slices"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vntext"
)

// The search of 200,000 registrations stays off the key path (issue 16):
// every key narrows the rows an earlier search of the same filters found
// when the new text only adds to it ("thu" → "thu t"), backspace finds the
// rows it had found already, and a pass over more rows than fit in a frame
// runs in a tea.Cmd whose result a later frame shows (FoundMsg). Titles,
// agencies and letter numbers are matched by keys folded when the list was
// read, never folded again here.

// inlineRows is how many rows are searched on the key path: about a
// millisecond's work; more go to a tea.Cmd.
var inlineRows = 20_000 // a variable for the tests

// maxFound is how many results of one search are kept for backspace, and
// maxFoundRows how many rows they hold at most: a short query matches most
// of 200,000 registrations (800 kB a result).
const (
	maxFound     = 24
	maxFoundRows = 500_000
)

// found is the rows of the list (indexes into the data's registrations)
// that one search matched under the filters of the moment.
type found struct {
	q    vntext.Query
	rows []int32
}

// FoundMsg brings the result of a search run in the background. The root
// gives it to this screen whichever tab is shown.
type FoundMsg struct {
	seq   int64
	found found
}

// filters is what a search is made under.
type filters struct{ group, kind, area, stage int }

// searchState is the screen's search results.
type searchState struct {
	found   []found       // this data's and filters' results, the latest last
	seq     int64         // the search asked last; older results are dropped
	latest  *atomic.Int64 // seq, read by a background search to give up once stale
	pending bool          // a background search is under way
}

// forget drops the results (new data or other filters) and any search
// under way.
func (s *searchState) forget() {
	s.found = s.found[:0]
	s.bump()
	s.pending = false
}

func (s *searchState) bump() int64 {
	if s.latest == nil {
		s.latest = new(atomic.Int64)
	}
	s.seq++
	s.latest.Store(s.seq)
	return s.seq
}

// keep remembers a result, the oldest going first.
func (s *searchState) keep(f found) {
	held := len(f.rows)
	for _, x := range s.found {
		held += len(x.rows)
	}
	for len(s.found) > 0 && (len(s.found) == maxFound || held > maxFoundRows) {
		held -= len(s.found[0].rows)
		s.found = append(s.found[:0], s.found[1:]...)
	}
	s.found = append(s.found, f)
}

// search finds the rows of list matching q under f: at once when that is
// cheap (done), else in the returned command.
func (s *searchState) search(list []book.ListRow, f filters, q vntext.Query) (rows []int32, done bool, cmd tea.Cmd) {
	var base []int32 // nil: every row
	whole := true
	for i := len(s.found) - 1; i >= 0; i-- {
		if x := s.found[i]; q.Narrows(x.q) {
			if q.Equal(x.q) {
				s.bump()
				s.pending = false
				return x.rows, true, nil
			}
			base, whole = x.rows, false
			break
		}
	}
	n := len(base)
	if whole {
		n = len(list)
	}
	seq := s.bump()
	if n <= inlineRows || q.Empty() { // no words: only the filters, a quick pass
		rows := match(list, base, whole, f, q, nil)
		s.keep(found{q, rows})
		s.pending = false
		return rows, true, nil
	}
	s.pending = true
	latest := s.latest
	return nil, false, func() tea.Msg {
		rows := match(list, base, whole, f, q, func() bool { return latest.Load() != seq })
		if rows == nil && latest.Load() != seq {
			return nil // a newer search replaced it
		}
		return FoundMsg{seq, found{q, rows}}
	}
}

// take applies a background result: false when a newer search was asked
// since.
func (s *searchState) take(msg FoundMsg) bool {
	if msg.seq != s.seq {
		return false
	}
	s.keep(msg.found)
	s.pending = false
	return true
}

// match lists the rows of list (of base unless whole) that pass the
// filters and match q; stop, when not nil, is asked now and then whether
// to give up (nil result).
func match(list []book.ListRow, base []int32, whole bool, f filters, q vntext.Query, stop func() bool) []int32 {
	var g campaign.Group
	var k campaign.Kind
	var a campaign.Area
	if f.group > 0 {
		g = campaign.Groups[f.group-1]
	}
	if f.kind > 0 {
		k = campaign.Kinds[f.kind-1]
	}
	if f.area > 0 {
		a = campaign.Areas[f.area-1]
	}
	var stage campaign.Stage
	if f.stage > 0 {
		stage = campaign.Stages[f.stage-1]
	}
	keys := make([]string, 0, 4)
	test := func(r *book.ListRow) bool {
		if (g != "" && r.Agency.Group != g) || (k != "" && r.Kind() != k) || (a != "" && r.Area() != a) || (stage != "" && r.Stage() != stage) {
			return false
		}
		if q.Empty() {
			return true
		}
		keys = append(keys[:0], r.TitleKey, r.Agency.Key)
		if r.Letter != nil {
			keys = append(keys, r.Letter.Key)
		}
		if r.Lead != r.Agency {
			keys = append(keys, r.Lead.Key)
		}
		return q.MatchAny(keys)
	}
	out := []int32{}
	if whole {
		for i := range list {
			if i&4095 == 0 && stop != nil && stop() {
				return nil
			}
			if test(&list[i]) {
				out = append(out, int32(i))
			}
		}
		rank(list, out, q)
		return out
	}
	for j, i := range base {
		if j&4095 == 0 && stop != nil && stop() {
			return nil
		}
		if test(&list[i]) {
			out = append(out, i)
		}
	}
	rank(list, out, q)
	return out
}

// rankRows is how many rows a search ranks at most: more are a query
// too short for a closest name to mean much ("t"), and ranking 200,000
// took a keystroke's search from 16 to 108 ms (BenchmarkRegistrationsSearchKeystroke).
const rankRows = 20_000

// rank puts the rows that match q closest first, as screen 2 lists
// agencies: "so y te ha tinh" lists Hà Tĩnh's Sở Y tế's registrations
// before Hà Giang's. A row ranks by its closest key; equal ranks keep the
// list's order, whatever order an earlier search left rows in.
func rank(list []book.ListRow, rows []int32, q vntext.Query) {
	if q.Empty() || len(rows) < 2 || len(rows) > rankRows {
		return
	}
	type ranked struct{ rank, row int32 }
	r := make([]ranked, len(rows))
	for i, x := range rows {
		row := &list[x]
		best := min(q.Rank(row.TitleKey), q.Rank(row.Agency.Key))
		if row.Letter != nil {
			best = min(best, q.Rank(row.Letter.Key))
		}
		if row.Lead != row.Agency {
			best = min(best, q.Rank(row.Lead.Key))
		}
		r[i] = ranked{int32(best), x}
	}
	slices.SortFunc(r, func(a, b ranked) int { return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.row, b.row)) })
	for i := range r {
		rows[i] = r[i].row
	}
}
