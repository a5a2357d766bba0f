package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"slices"
	"strconv"
	"strings"
	"sync"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// ReportReader reads a campaign's registrations in report order, one at a
// time, inside one read transaction: the counts and the rows agree even when
// someone records a letter meanwhile. Close it when done.
type ReportReader struct {
	counts   *book.RegistrationCounts // counted when first asked
	s        *Store
	conns    []*sql.Conn
	txs      []*sql.Tx // one per connection, all on the same snapshot
	agencies map[int64]reportAgency
	letters  []reportLetter // in report order
}

type reportAgency struct {
	name   string
	group  campaign.Group
	parent int64
	key    string // Vietnamese sort key; only for agencies that sent letters
}

// home is where an agency's registrations are listed: a commune's under
// its district, whose quota they count toward (so that each group's count
// is the status's), itself otherwise.
func (rr *ReportReader) home(id int64) int64 {
	a := rr.agencies[id]
	if a.group == campaign.Commune && a.parent != 0 && rr.agencies[a.parent].group == campaign.District {
		return a.parent
	}
	return id
}

type reportLetter struct {
	id, agencyID       int64
	number             string
	letterDate, recvOn int32 // yyyymmdd (packDay): 800,000 letters at 4× the national book
	ord                int   // the agency's place in report order
}

// packDay and unpackDay are the book's (letters hold their days packed).
func packDay(d vndate.Date) int32   { return book.PackDay(d) }
func unpackDay(n int32) vndate.Date { return book.UnpackDay(n) }

// ReportRegistrations opens the registrations of a campaign received on or
// before asOf (zero: all) in report order: group, agency in Vietnamese
// order, the day the letters came in, letter, place in the letter.
//
// At national scale (200,000 registrations) holding every row and sorting
// them costs hundreds of megabytes; here only the letters (a small row each)
// are sorted in Go, the Vietnamese order computed once per agency, and
// SQLite reads the registrations in that order through a temporary table of
// the letters' positions, so that a report can write each row as it comes.
func (s *Store) ReportRegistrations(ctx context.Context, campaignID int64, asOf vndate.Date) (book.RegistrationReader, error) {
	rr := &ReportReader{s: s, agencies: map[int64]reportAgency{}}
	if err := rr.open(ctx, campaignID, asOf); err != nil {
		rr.Close()
		return nil, err
	}
	return rr, nil
}

func (rr *ReportReader) open(ctx context.Context, campaignID int64, asOf vndate.Date) error {
	s := rr.s
	if err := rr.begin(ctx); err != nil {
		return err
	}
	// the agencies on one connection, the letters on the other
	if err := rr.together(func(k int) error { return rr.readAgencies(ctx, k, campaignID) },
		func(k int) error { return rr.readLetters(ctx, k, campaignID, asOf) }); err != nil {
		return err
	}
	rr.sortLetters()
	var ids strings.Builder
	ids.WriteByte('[')
	for i, l := range rr.letters {
		if i > 0 {
			ids.WriteByte(',')
		}
		ids.WriteString(strconv.FormatInt(l.id, 10))
	}
	ids.WriteByte(']')
	// The temporary table lives in its transaction only: rolling back drops it.
	fill := func(k int) error {
		tx := rr.txs[k]
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE report_letter (pos INTEGER PRIMARY KEY, submission_id INTEGER NOT NULL)`); err != nil {
			return s.explain(err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO report_letter `+s.d.Positions(), ids.String())
		return s.explain(err)
	}
	if len(rr.txs) == 1 {
		return fill(0)
	}
	return rr.together(fill, fill)
}

// together runs f on the first connection and g on the last (their
// numbers in conns and txs), at once when there are two.
func (rr *ReportReader) together(f, g func(k int) error) error {
	last := len(rr.txs) - 1
	if last == 0 {
		if err := f(0); err != nil {
			return err
		}
		return g(0)
	}
	var gerr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		gerr = g(last)
	}()
	err := f(0)
	<-done
	if err != nil {
		return err
	}
	return gerr
}

// begin starts the read transactions: two, on two connections, so that Each
// reads with both cores of an office PC. Writers are held off (an immediate
// transaction, rolled back at once) while both take their snapshot, so that
// they see the same book. A book opened read-only is read on one.
func (rr *ReportReader) begin(ctx context.Context) error {
	s, n := rr.s, 2
	if s.readOnly {
		n = 1
	} else {
		lock, err := s.begin(ctx)
		if err != nil {
			return s.explain(err)
		}
		defer lock.Rollback()
	}
	for range n {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return s.explain(err)
		}
		rr.conns = append(rr.conns, conn)
		tx, err := conn.BeginTx(ctx, s.d.SnapshotTx()) // takes no write lock
		if err != nil {
			return s.explain(err)
		}
		rr.txs = append(rr.txs, tx)
		var version int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM campaign`).Scan(&version); err != nil { // the snapshot is taken here
			return s.explain(err)
		}
	}
	return nil
}

func (rr *ReportReader) readAgencies(ctx context.Context, k int, campaignID int64) error {
	return rr.s.eachRowOn(ctx, rr.conns[k], `SELECT a.id, coalesce(ca.name, a.name), a.agency_group, coalesce(a.parent_id, 0) FROM agency a
		LEFT JOIN campaign_agency ca ON ca.campaign_id = ? AND ca.agency_id = a.id`, []any{campaignID}, func(v []driver.Value) error {
		rr.agencies[asInt(v[0])] = reportAgency{name: vntext.Line(asText(v[1])), group: campaign.Group(asText(v[2])), parent: asInt(v[3])}
		return nil
	})
}

func (rr *ReportReader) readLetters(ctx context.Context, k int, campaignID int64, asOf vndate.Date) error {
	day := days{}.parse
	return rr.s.eachRowOn(ctx, rr.conns[k], `SELECT s.id, s.agency_id, s.number, s.letter_date, s.received_on
		FROM submission s NOT INDEXED WHERE s.campaign_id = ?`, []any{campaignID}, func(v []driver.Value) error { // in file order: no lookup per letter
		recv := day(asText(v[4]))
		if !asOf.IsZero() && recv.After(asOf) {
			return nil
		}
		l := reportLetter{id: asInt(v[0]), agencyID: asInt(v[1]), recvOn: packDay(recv)}
		l.letterDate, l.number = packDay(day(asText(v[3]))), vntext.Line(asText(v[2]))
		rr.letters = append(rr.letters, l)
		return nil
	})
}

// sortLetters puts the letters in report order and counts them.
func (rr *ReportReader) sortLetters() {
	rank := map[campaign.Group]int{}
	for i, g := range campaign.Groups {
		rank[g] = i
	}
	// The agencies that sent letters in report order, then their letters by it.
	var sent []int64
	seen := map[int64]bool{}
	for _, l := range rr.letters {
		for _, id := range []int64{l.agencyID, rr.home(l.agencyID)} {
			if a := rr.agencies[id]; a.key == "" {
				a.key = string(vntext.SortKey(a.name))
				rr.agencies[id] = a
			}
		}
		if !seen[l.agencyID] {
			seen[l.agencyID] = true
			sent = append(sent, l.agencyID)
		}
	}
	// by where they are listed (a commune under its district, after the
	// district's own letters), then by name
	slices.SortFunc(sent, func(x, y int64) int {
		hx, hy := rr.home(x), rr.home(y)
		a, b := rr.agencies[hx], rr.agencies[hy]
		if rank[a.group] != rank[b.group] {
			return rank[a.group] - rank[b.group]
		}
		if c := strings.Compare(a.key, b.key); c != 0 {
			return c
		}
		if hx != hy {
			return cmp.Compare(hx, hy)
		}
		if (x == hx) != (y == hy) {
			if x == hx {
				return -1
			}
			return 1
		}
		if c := strings.Compare(rr.agencies[x].key, rr.agencies[y].key); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	ord := make(map[int64]int, len(sent))
	for i, id := range sent {
		ord[id] = i
	}
	for i := range rr.letters {
		rr.letters[i].ord = ord[rr.letters[i].agencyID]
	}
	slices.SortFunc(rr.letters, func(x, y reportLetter) int {
		switch {
		case x.ord != y.ord:
			return x.ord - y.ord
		case x.recvOn != y.recvOn:
			return cmp.Compare(x.recvOn, y.recvOn)
		}
		return cmp.Compare(x.id, y.id)
	})
}

// Counts counts the registrations and agencies in all and in each group
// (a letter that has none counts for nothing), once: only the lists that
// say them before their rows need them.
func (rr *ReportReader) Counts(ctx context.Context) (book.RegistrationCounts, error) {
	if rr.counts != nil {
		return *rr.counts, nil
	}
	rows, err := rr.txs[0].QueryContext(ctx, `SELECT l.pos, t.registrations FROM report_letter l
		JOIN letter_tally t ON t.submission_id = l.submission_id WHERE t.registrations > 0 ORDER BY l.pos`)
	if err != nil {
		return book.RegistrationCounts{}, rr.s.explain(err)
	}
	defer rows.Close()
	var c book.RegistrationCounts
	last := int64(0)
	for rows.Next() {
		var pos, n int
		if err := rows.Scan(&pos, &n); err != nil {
			return book.RegistrationCounts{}, rr.s.explain(err)
		}
		l := rr.letters[pos]
		home := rr.home(l.agencyID)
		a := rr.agencies[home]
		if len(c.Groups) == 0 || c.Groups[len(c.Groups)-1].Group != a.group {
			c.Groups = append(c.Groups, book.GroupCount{Group: a.group})
		}
		g := &c.Groups[len(c.Groups)-1]
		g.Registrations += n
		c.Registrations += n
		if c.Agencies == 0 || home != last {
			g.Agencies++
			c.Agencies++
		}
		last = home
	}
	if err := rows.Err(); err != nil {
		return book.RegistrationCounts{}, rr.s.explain(err)
	}
	rr.counts = &c
	return c, nil
}

// reportChunk is how many letters Each reads at a time: about 4,000
// registrations (tests make it small).
var reportChunk = 1500

// Each calls fn with each registration in report order; it stops at the
// first error fn returns. The rows carry what reports print: no title key
// or letter version. They are read in chunks of letters, one connection
// reading the next chunk while fn is given the rows of the one before.
func (rr *ReportReader) Each(ctx context.Context, fn func(book.RegistrationRow) error) error {
	var chunks [][2]int // [from, to) positions of letters
	for from := 0; from < len(rr.letters); from += reportChunk {
		chunks = append(chunks, [2]int{from, min(from+reportChunk, len(rr.letters))})
	}
	type batch struct {
		rows []book.RegistrationRow
		err  error
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	workers := len(rr.txs)
	out := make([]chan batch, workers)
	for k := range workers {
		out[k] = make(chan batch, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < len(chunks); i += workers {
				rows, err := rr.chunk(ctx, k, chunks[i])
				select {
				case out[k] <- batch{rows, err}:
				case <-ctx.Done():
					return
				}
				if err != nil {
					return
				}
			}
		}()
	}
	for i := range chunks {
		b := <-out[i%workers]
		if b.err != nil {
			return b.err
		}
		for j, x := range b.rows {
			if j%64 == 0 && ctx.Err() != nil {
				return ctx.Err() // cancelled (the clerk quit): stop within the chunk, whose rows take seconds to lay out
			}
			if err := fn(x); err != nil {
				return err
			}
		}
	}
	return nil
}

// chunk reads the registrations of the letters at positions [from, to)
// on connection k, inside its read transaction.
func (rr *ReportReader) chunk(ctx context.Context, k int, span [2]int) ([]book.RegistrationRow, error) {
	// In the order of the index (letter, then id), with no sort in SQLite: a
	// letter's registrations are put in their order in it (seq) here.
	type place struct{ pos, seq int }
	size := 3 * (span[1] - span[0])  // letters hold about three registrations
	dates := map[int32]vndate.Date{} // the chunk's days, unpacked once
	dayOf := func(n int32) vndate.Date {
		d, ok := dates[n]
		if !ok {
			d = unpackDay(n)
			dates[n] = d
		}
		return d
	}
	out, places := make([]book.RegistrationRow, 0, size), make([]place, 0, size)
	err := rr.s.eachRowOn(ctx, rr.conns[k], `SELECT l.pos, r.seq, r.id, r.title, r.kind, r.area, coalesce(r.lead_agency_id, 0),
		r.partners, r.summary, r.timeline, r.expected_result, r.note, r.version
		FROM report_letter l JOIN registration r ON r.submission_id = l.submission_id
		WHERE l.pos >= ? AND l.pos < ? ORDER BY l.pos, r.id`, []any{int64(span[0]), int64(span[1])}, func(v []driver.Value) error {
		pos, seq := int(asInt(v[0])), int(asInt(v[1]))
		var x book.RegistrationRow
		x.Registration = cleanRegistration(campaign.Registration{ID: asInt(v[2]), Title: asText(v[3]),
			Kind: campaign.Kind(asText(v[4])), Area: campaign.Area(asText(v[5])),
			LeadAgencyID: asInt(v[6]), Partners: asText(v[7]), Summary: asText(v[8]), Timeline: asText(v[9]),
			ExpectedResult: asText(v[10]), Note: asText(v[11]), Version: asInt(v[12])}) // text written behind our back must not reach a terminal raw
		l := rr.letters[pos]
		sender := rr.agencies[l.agencyID]
		x.SubmissionID, x.AgencyID, x.AgencyName, x.AgencyGroup = l.id, l.agencyID, sender.name, sender.group
		x.LeadName = sender.name
		if lead, ok := rr.agencies[x.LeadAgencyID]; ok && x.LeadAgencyID != 0 {
			x.LeadName = lead.name
		}
		if home := rr.home(l.agencyID); home != l.agencyID {
			// a commune's registration is listed under its district, the
			// commune named as the lead unit
			d := rr.agencies[home]
			if x.LeadAgencyID == 0 {
				x.LeadAgencyID = l.agencyID
			}
			x.AgencyID, x.AgencyName, x.AgencyGroup = home, d.name, d.group
		}
		x.LetterNumber, x.LetterDate, x.Received = l.number, dayOf(l.letterDate), dayOf(l.recvOn)
		out = append(out, x)
		places = append(places, place{pos, seq})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sortRows(out, func(i, j int) int {
		a, b := places[i], places[j]
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return a.seq - b.seq
	})
	return out, nil
}

// Close ends the read transactions, dropping the temporary tables with them.
func (rr *ReportReader) Close() error {
	var err error
	for _, tx := range rr.txs {
		if rerr := tx.Rollback(); err == nil {
			err = rerr
		}
	}
	for _, c := range rr.conns {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Uncounted counts, in one query, the registrations received on or
// before asOf (zero: all) of the units a campaign no longer follows and no
// unit succeeded, and how many such units sent them (book.Reports).
func (s *Store) Uncounted(ctx context.Context, campaignID int64, asOf vndate.Date) (book.Uncounted, error) {
	day := asOf.ISO()
	if day == "" {
		day = "9999-12-31"
	}
	var out book.Uncounted
	err := s.eachRow(ctx, `SELECT count(DISTINCT t.agency_id), coalesce(sum(t.registrations), 0)
		FROM campaign_agency ca JOIN agency a ON a.id = ca.agency_id
		JOIN letter_tally t ON t.campaign_id = ca.campaign_id AND t.agency_id = ca.agency_id
		WHERE ca.campaign_id = ? AND coalesce(ca.active, a.active) = 0 AND t.registrations > 0 AND t.received_on <= ?
		AND NOT EXISTS (SELECT 1 FROM succession x WHERE x.campaign_id = ca.campaign_id AND x.predecessor_id = ca.agency_id)`,
		[]any{campaignID, day}, func(v []driver.Value) error {
			out = book.Uncounted{Units: int(asInt(v[0])), Registrations: int(asInt(v[1]))}
			return nil
		})
	return out, err
}
