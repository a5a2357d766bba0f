package importer

import (
	"sort"
	"strings"

	"cchc/internal/campaign"
	"cchc/internal/lang"
)

// kindWords are the words that name a kind inside longer text
// ("Mô hình điểm", "SK", "Cách làm hay trong CCHC").
var kindWords = []struct {
	kind  campaign.Kind
	words []string
}{
	{campaign.Model, []string{"mo hinh", "mh", "model"}},
	{campaign.Initiative, []string{"sang kien", "sk", "initiative"}},
	{campaign.Solution, []string{"giai phap", "gp", "solution"}},
	{campaign.GoodPractice, []string{"cach lam hay", "cach lam", "good practice", "practice"}},
}

// matchKind reads a Loại cell leniently; ok is false when the text names
// no kind or more than one ("Mô hình, sáng kiến"), so that the clerk is
// asked rather than a kind guessed.
func matchKind(s string) (campaign.Kind, bool) {
	if k, ok := campaign.ParseKind(s); ok {
		return k, true
	}
	k := key(s)
	var found []campaign.Kind
	for _, kw := range kindWords {
		if hasAny(k, kw.words...) {
			found = append(found, kw.kind)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return "", false
}

// kindFromTitle is the kind a title starts with ("Mô hình một cửa…").
func kindFromTitle(title string) (campaign.Kind, bool) {
	k := key(title)
	for _, kw := range kindWords {
		if startsAny(k, kw.words[0]) {
			return kw.kind, true
		}
	}
	return "", false
}

// areaWords are the words that name an area in what agencies write
// ("CCHC thủ tục hành chính", "TTHC", "Chính quyền số", "Chuyển đổi số").
var areaWords = []struct {
	area  campaign.Area
	words []string
}{
	{campaign.Institutions, []string{"the che", "institution", "institutions", "institutional"}},
	{campaign.Procedures, []string{"thu tuc", "tthc", "mot cua", "procedure", "procedures"}},
	{campaign.Apparatus, []string{"bo may", "to chuc bo may", "apparatus"}},
	{campaign.CivilService, []string{"cong vu", "cong chuc", "vien chuc", "civil service"}},
	{campaign.PublicFinance, []string{"tai chinh", "tai chinh cong", "finance", "public finance"}},
	{campaign.DigitalGovt, []string{"chinh phu so", "chinh phu dien tu", "chinh quyen so", "chinh quyen dien tu",
		"chuyen doi so", "so hoa", "hien dai hoa", "cong nghe thong tin", "cntt", "dien tu", "digital", "e government"}},
	{campaign.OtherArea, []string{"khac", "other"}},
}

// matchArea reads a Lĩnh vực cell leniently; ok is false when the text
// names no area or several.
func matchArea(s string) (campaign.Area, bool) {
	if a, ok := campaign.ParseArea(s); ok {
		return a, true
	}
	k := key(s)
	var found []campaign.Area
	for _, aw := range areaWords {
		if hasAny(k, aw.words...) {
			found = append(found, aw.area)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return "", false
}

func kindChoices(l lang.Lang) string {
	var names []string
	for _, k := range campaign.Kinds {
		names = append(names, k.Label(l))
	}
	return strings.Join(names, ", ")
}

func areaChoices(l lang.Lang) string {
	var names []string
	for _, a := range campaign.Areas {
		names = append(names, a.Short(l))
	}
	return strings.Join(names, ", ")
}

// Resolver finds agencies by the names people write for them.
type Resolver struct {
	agencies []campaign.Agency
	byID     map[int64]campaign.Agency
	exact    map[string][]int // compact key of a name or short name → agencies
	loose    map[string][]int // the same without "Huyện", "Xã"… → agencies
	book     bool             // the agencies are the whole book's, not one campaign's (messages)
}

// ErrNoSuchAgency is the cause when Find knows no agency by a name (not
// when the name could be several).
var ErrNoSuchAgency error = lang.Kind("no such agency")

// NewResolver indexes a campaign's agencies.
func NewResolver(list []campaign.Agency) *Resolver {
	return newResolver(list, false)
}

// NewBookResolver indexes the agencies of the whole book, of every
// campaign; its messages say so.
func NewBookResolver(list []campaign.Agency) *Resolver {
	return newResolver(list, true)
}

func newResolver(list []campaign.Agency, book bool) *Resolver {
	r := &Resolver{agencies: list, byID: map[int64]campaign.Agency{}, exact: map[string][]int{}, loose: map[string][]int{}, book: book}
	for i, a := range list {
		r.byID[a.ID] = a
		for _, n := range []string{a.Name, a.ShortName} {
			if n == "" {
				continue
			}
			full, bare := nameKeys(n)
			addOnce(r.exact, full, i)
			if a.Group == campaign.District || a.Group == campaign.Commune {
				addOnce(r.loose, bare, i)
			}
		}
	}
	return r
}

func addOnce(m map[string][]int, k string, i int) {
	if k == "" {
		return
	}
	for _, x := range m[k] {
		if x == i {
			return
		}
	}
	m[k] = append(m[k], i)
}

// localityWords are the words before a place's name ("Huyện Đức Thọ").
var localityWords = []string{"thanh pho", "thi xa", "thi tran", "huyen", "quan", "xa", "phuong"}

// nameKeys returns the compact keys of a name: full is the name without
// "UBND" in front, abbreviations for town types expanded and "và"/"&"
// dropped, with no spaces ("UBND TP Hà Tĩnh" → "thanhphohatinh",
// "Sở TT&TT" → "sotttt"); bare is full without the locality word.
func nameKeys(s string) (full, bare string) {
	words := strings.Fields(key(s))
	for len(words) > 0 && (words[0] == "ubnd" || words[0] == "tm") {
		words = words[1:]
	}
	if len(words) >= 4 && words[0] == "uy" && words[1] == "ban" && words[2] == "nhan" && words[3] == "dan" {
		words = words[4:]
	}
	if len(words) > 1 {
		switch words[0] {
		case "tp":
			words = append([]string{"thanh", "pho"}, words[1:]...)
		case "tx":
			words = append([]string{"thi", "xa"}, words[1:]...)
		case "tt":
			words = append([]string{"thi", "tran"}, words[1:]...)
		}
	}
	rest := strings.Join(words, " ")
	for _, lw := range localityWords {
		if strings.HasPrefix(rest, lw+" ") {
			rest = strings.TrimPrefix(rest, lw+" ")
			break
		}
	}
	return compact(strings.Join(words, " ")), compact(rest)
}

func compact(k string) string {
	var b strings.Builder
	for _, w := range strings.Fields(k) {
		if w != "va" {
			b.WriteString(w)
		}
	}
	return b.String()
}

// Find returns the one agency that name means among those within accepts
// (nil: all). An unknown or ambiguous name is an error for the clerk that
// lists the closest names. Communes of two districts may share a name: it
// is then written as the error lists them, with the district in brackets,
// "Xã Vĩnh Tân (Huyện Hương Sơn)".
func (r *Resolver) Find(name string, within func(campaign.Agency) bool) (campaign.Agency, error) {
	if within == nil {
		within = func(campaign.Agency) bool { return true }
	}
	a, err := r.find(name, within)
	if err == nil {
		return a, nil
	}
	if unit, parent, ok := bracketed(name); ok {
		inParent := func(x campaign.Agency) bool {
			p, known := r.byID[x.ParentID]
			return within(x) && x.ParentID != 0 && known && samePlace(p, parent)
		}
		if a, perr := r.find(unit, inParent); perr == nil {
			return a, nil
		}
	}
	return a, err
}

// Exactly is the one agency whose name or short name is name, written
// as it is or without accents and case; abbreviations and initials do
// not count.
func (r *Resolver) Exactly(name string) (campaign.Agency, bool) {
	full, _ := nameKeys(name)
	if idx := r.exact[full]; len(idx) == 1 {
		return r.agencies[idx[0]], true
	}
	return campaign.Agency{}, false
}

// bracketed splits "Xã Vĩnh Tân (Huyện Hương Sơn)" into the unit and its parent.
func bracketed(name string) (unit, parent string, ok bool) {
	name = strings.TrimSpace(name)
	i := strings.LastIndex(name, " (")
	if i <= 0 || !strings.HasSuffix(name, ")") {
		return "", "", false
	}
	return name[:i], name[i+2 : len(name)-1], true
}

// samePlace reports whether a written name is the agency's own (its keys).
func samePlace(a campaign.Agency, written string) bool {
	wf, wb := nameKeys(written)
	for _, n := range []string{a.Name, a.ShortName} {
		if n == "" {
			continue
		}
		if f, b := nameKeys(n); f == wf || b == wb && wb != "" {
			return true
		}
	}
	return false
}

func (r *Resolver) find(name string, within func(campaign.Agency) bool) (campaign.Agency, error) {
	full, bare := nameKeys(name)
	pick := func(idx []int) []campaign.Agency {
		var out []campaign.Agency
		for _, i := range idx {
			if within(r.agencies[i]) {
				out = append(out, r.agencies[i])
			}
		}
		return out
	}
	found := pick(r.exact[full])
	if len(found) == 0 {
		found = pick(r.loose[full])
	}
	if len(found) == 0 && bare != full {
		found = pick(r.loose[bare])
	}
	if len(found) == 0 {
		found = r.byInitials(name, within)
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		near := r.closest(full, within, 3)
		switch {
		case r.book && len(near) == 0:
			return campaign.Agency{}, lang.Wrap(ErrNoSuchAgency, "không tìm thấy %q trong sổ dữ liệu (cơ quan, đơn vị của mọi đợt đăng ký)",
				"%q is not in the book (the agencies of every campaign)", name)
		case r.book:
			return campaign.Agency{}, lang.Wrap(ErrNoSuchAgency, "không tìm thấy %q trong sổ dữ liệu (cơ quan, đơn vị của mọi đợt đăng ký); gần nhất: %s",
				"%q is not in the book (the agencies of every campaign); closest: %s", name, strings.Join(near, "; "))
		case len(near) == 0:
			return campaign.Agency{}, lang.Wrap(ErrNoSuchAgency, "không tìm thấy %q trong danh sách cơ quan, đơn vị của đợt đăng ký",
				"%q is not in the campaign's list of agencies", name)
		}
		return campaign.Agency{}, lang.Wrap(ErrNoSuchAgency, "không tìm thấy %q trong danh sách cơ quan, đơn vị của đợt đăng ký; gần nhất: %s",
			"%q is not in the campaign's list of agencies; closest: %s", name, strings.Join(near, "; "))
	default:
		var names []string
		distinct, parents := map[string]bool{}, false
		for _, a := range found {
			names = append(names, r.Display(a))
			distinct[r.Display(a)] = true
			parents = parents || a.ParentID != 0
		}
		// the names as listed tell the units apart: one of them is the answer
		if len(distinct) == len(names) && parents {
			return campaign.Agency{}, lang.Errorf("%q có thể là nhiều cơ quan, đơn vị: %s; hãy ghi một tên đúng như trên, kèm đơn vị cấp trên trong ngoặc",
				"%q could be several agencies: %s; write one of them as above, with its parent in brackets", name, strings.Join(names, "; "))
		}
		return campaign.Agency{}, lang.Errorf("%q có thể là nhiều cơ quan, đơn vị: %s; hãy ghi rõ tên", "%q could be several agencies: %s; write the full name",
			name, strings.Join(names, "; "))
	}
}

// Display is an agency's name, with its district for a commune (two
// communes of different districts may share a name).
func (r *Resolver) Display(a campaign.Agency) string {
	if p, ok := r.byID[a.ParentID]; ok && a.ParentID != 0 {
		return a.Name + " (" + p.Name + ")"
	}
	return a.Name
}

// closest lists the n names nearest to k by edit distance of their keys.
func (r *Resolver) closest(k string, within func(campaign.Agency) bool, n int) []string {
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	for _, a := range r.agencies {
		if !within(a) {
			continue
		}
		d := -1
		for _, nm := range []string{a.Name, a.ShortName} {
			if nm == "" {
				continue
			}
			full, bare := nameKeys(nm)
			for _, x := range []string{full, bare} {
				if e := distance(k, x); d < 0 || e < d {
					d = e
				}
			}
		}
		cs = append(cs, cand{r.Display(a), d})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

// distance is the Levenshtein distance of two keys (ASCII after folding),
// bounded in cost by the line limits on names.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 200 {
		ra = ra[:200]
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// byInitials finds the agencies whose name a written name abbreviates in
// part: "Sở Nông nghiệp và PTNT" is "Sở Nông nghiệp và Phát triển nông
// thôn", "Sở TN&MT" "Sở Tài nguyên và Môi trường" (each word either the
// name's word or the initials of its next words).
func (r *Resolver) byInitials(name string, within func(campaign.Agency) bool) []campaign.Agency {
	q := nameWords(name)
	if len(q) == 0 {
		return nil
	}
	var out []campaign.Agency
	for _, a := range r.agencies {
		if within(a) && abbreviates(q, nameWords(a.Name)) {
			out = append(out, a)
		}
	}
	return out
}

// nameWords are a name's folded words without "UBND" in front and "và".
func nameWords(s string) []string {
	words := strings.Fields(key(s))
	for len(words) > 0 && (words[0] == "ubnd" || words[0] == "tm") {
		words = words[1:]
	}
	out := words[:0]
	for _, w := range words {
		if w != "va" {
			out = append(out, w)
		}
	}
	return out
}

// abbreviates reports whether q spells n word by word, each word of q
// being n's next word or the initials of n's next words.
func abbreviates(q, n []string) bool {
	if len(q) == 0 || len(n) == 0 {
		return len(q) == 0 && len(n) == 0
	}
	if q[0] == n[0] && abbreviates(q[1:], n[1:]) {
		return true
	}
	w := q[0]
	if len(w) < 2 || len(w) > len(n) {
		return false
	}
	for i := range len(w) {
		if n[i][0] != w[i] {
			return false
		}
	}
	return abbreviates(q[1:], n[len(w):])
}
