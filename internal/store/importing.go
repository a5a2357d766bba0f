package store

import (
	"context"
	"database/sql"
	"errors"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vntext"
)

// errRehearsed rolls back a rehearsal after it went through without error.
var errRehearsed = errors.New("rehearsal")

// writeOrRehearse runs fn like write; when rehearse is set, it rolls fn's
// changes back at the end, so that a dry run goes through exactly the same
// checks and duplicate detection as the real import. A book open read-only
// (a file that cannot be written, a role that may only SELECT) cannot take
// even a write that is rolled back: fn then runs in a read transaction,
// told by its second argument to write nothing.
func (s *Store) writeOrRehearse(ctx context.Context, rehearse bool, fn func(tx *sql.Tx, write bool) error) error {
	ctx = withOp(ctx, book.OpImport)
	if !rehearse {
		return s.write(ctx, func(tx *sql.Tx) error { return fn(tx, true) })
	}
	if s.readOnly {
		tx, err := s.db.BeginTx(ctx, s.d.SnapshotTx())
		if err != nil {
			return s.explain(err)
		}
		defer tx.Rollback()
		return s.explain(fn(tx, false))
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := fn(tx, true); err != nil {
			return err
		}
		return errRehearsed
	})
	if errors.Is(err, errRehearsed) {
		return nil
	}
	return err
}

// ImportRegistrations records letters read from a file in one transaction:
// all of them or, on any error, none. A registration whose folded title the
// same agency already has in the campaign (or earlier in the same import)
// is a duplicate: reported and skipped, so re-importing a file adds
// nothing. A letter whose registrations are all duplicates is not
// recorded. With rehearse, nothing is kept (a dry run).
func (s *Store) ImportRegistrations(ctx context.Context, letters []book.ImportLetter, rehearse bool) ([]book.ImportedLetter, error) {
	var out []book.ImportedLetter
	err := s.writeOrRehearse(ctx, rehearse, func(tx *sql.Tx, write bool) error {
		out = make([]book.ImportedLetter, len(letters))
		now := s.stamp()
		var ins *registrationInserter
		if write {
			var err error
			if ins, err = newRegistrationInserter(ctx, tx); err != nil {
				return err
			}
			defer ins.Close()
		}
		progress, done, total := book.ProgressOf(ctx), 0, 0
		for _, letter := range letters {
			total += len(letter.Items)
		}
		registered := titleSets{}
		for li, letter := range letters {
			sub := cleanSubmission(letter.Submission)
			if err := s.checkSubmission(ctx, tx, sub); err != nil {
				return err
			}
			res := &out[li]
			for i, it := range letter.Items {
				done++
				progress(done, total)
				r := cleanRegistration(it.Registration)
				titles, err := registered.of(ctx, tx, sub.CampaignID, sub.AgencyID)
				if err != nil {
					return err
				}
				if key := vntext.Fold(r.Title); titles[key] {
					res.Duplicates = append(res.Duplicates, i)
					continue
				}
				if err := s.checkRegistration(ctx, tx, sub.AgencyID, r, 0); err != nil {
					return lineError(it.Line, err)
				}
				if write {
					if res.SubmissionID == 0 {
						if res.SubmissionID, err = insertSubmission(ctx, tx, sub, now); err != nil {
							return err
						}
					}
					if _, err := ins.insert(ctx, res.SubmissionID, len(res.Added)+1, r, now); err != nil {
						return err
					}
				}
				titles[vntext.Fold(r.Title)] = true
				res.Added = append(res.Added, i)
			}
			if letter.File != nil && write && res.SubmissionID != 0 {
				if _, err := attachTx(ctx, tx, res.SubmissionID, 0, *letter.File, now); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if rehearse {
		for i := range out {
			out[i].SubmissionID = 0
		}
	}
	return out, nil
}

// ImportDuplicates finds, without checking or writing anything else, the
// registrations of letters that ImportRegistrations would skip as
// duplicates: for each letter, the indexes of its items whose folded title
// the agency already has in the campaign or earlier in the same letters.
// A dry run of a file with errors shows them with it.
func (s *Store) ImportDuplicates(ctx context.Context, letters []book.ImportLetter) ([][]int, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.explain(err)
	}
	defer tx.Rollback()
	type key struct {
		agency int64
		title  string
	}
	seen := map[key]bool{}
	out := make([][]int, len(letters))
	for li, letter := range letters {
		for i, it := range letter.Items {
			k := key{letter.AgencyID, vntext.Fold(vntext.Line(it.Title))}
			dup := seen[k]
			if !dup {
				if dup, err = hasTitle(ctx, tx, letter.CampaignID, letter.AgencyID, k.title); err != nil {
					return nil, s.explain(err)
				}
			}
			if dup {
				out[li] = append(out[li], i)
			}
			seen[k] = true
		}
	}
	return out, nil
}

// titleSets are the title keys each agency registered in a campaign, read
// once per agency an import adds to (one query, not one per row: on a
// server each is a round trip) and kept up to date as it adds.
type titleSets map[[2]int64]map[string]bool

func (ts titleSets) of(ctx context.Context, tx *sql.Tx, campaignID, agencyID int64) (map[string]bool, error) {
	k := [2]int64{campaignID, agencyID}
	if set, ok := ts[k]; ok {
		return set, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT r.title_key FROM registration r JOIN submission s ON s.id = r.submission_id
		WHERE s.campaign_id = ? AND s.agency_id = ?`, campaignID, agencyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[string]bool{}
	for rows.Next() {
		var key string
		if err := rows.Scan(&key); err != nil {
			return nil, err
		}
		set[key] = true
	}
	ts[k] = set
	return set, rows.Err()
}

func hasTitle(ctx context.Context, tx *sql.Tx, campaignID, agencyID int64, key string) (bool, error) {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM registration r JOIN submission s ON s.id = r.submission_id
		WHERE s.campaign_id = ? AND s.agency_id = ? AND r.title_key = ? LIMIT 1`, campaignID, agencyID, key).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// lineError puts the row of the file a record came from in front of its problem.
func lineError(line int, err error) error {
	if line == 0 {
		return err
	}
	return book.AtRow(line, err)
}

// ImportAgencies adds a list of agencies to a campaign in one transaction.
// An agency already in the book (same official code, else same folded
// name, group and parent) is not added again, only linked to the campaign
// when it is not yet; so re-running an import changes nothing. With
// rehearse, nothing is written: the list is checked in a read transaction
// against the book and against the agencies it adds itself, which get
// stand-in ids (negative), so that a dry run costs a fraction of the
// import; the import itself checks as it writes, so that it needs no
// rehearsal first. Each statement is prepared once for the whole list (an
// official list has 10,000 communes).
func (s *Store) ImportAgencies(ctx context.Context, campaignID int64, list []book.AgencyImport, rehearse bool) ([]book.ImportedAgency, error) {
	var out []book.ImportedAgency
	run := func(tx *sql.Tx) error {
		q := newStatements(tx)
		defer q.Close()
		var err error
		out, err = s.importAgencies(ctx, q, campaignID, list, rehearse)
		return err
	}
	if !rehearse {
		return out, s.write(withOp(ctx, book.OpImport), run)
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // a deferred BEGIN: takes no write lock
	if err != nil {
		return nil, s.explain(err)
	}
	defer tx.Rollback()
	if err := run(tx); err != nil {
		return nil, s.explain(err)
	}
	return out, nil
}

func (s *Store) importAgencies(ctx context.Context, q txQuerier, campaignID int64, list []book.AgencyImport, rehearse bool) ([]book.ImportedAgency, error) {
	out := make([]book.ImportedAgency, len(list))
	now := s.stamp()
	// what this list adds, for the checks of its later rows (a rehearsal
	// writes none of it to the book)
	added := map[int64]campaign.Agency{} // by id (stand-in ids when rehearsing)
	byCode, byPlace := map[string]int64{}, map[agencyPlace]int64{}
	inBook, err := readBookAgencies(ctx, q, campaignID)
	if err != nil {
		return nil, err
	}
	progress := book.ProgressOf(ctx)
	for i, in := range list {
		progress(i+1, len(list))
		a := cleanAgency(in.Agency)
		a.ID, a.Active = 0, true
		if in.ParentIndex > 0 {
			if in.ParentIndex > i {
				return nil, lineError(in.Line, book.ParentLater())
			}
			a.ParentID = out[in.ParentIndex-1].ID
		}
		key := vntext.Fold(a.Name)
		here := agencyPlace{key, a.ParentID}
		id, inCampaign := byCode[a.Code], true
		if a.Code == "" || id == 0 {
			id = byPlace[here]
		}
		listed := id != 0
		if x, ok := added[id]; listed && ok && x.Group != a.Group {
			id = 0 // same code or place as one of this list's, another group: the checks below refuse it
		}
		var clash string
		if !listed {
			m := inBook.match(a)
			id, inCampaign, clash = m.id, m.inCampaign, m.clash
		}
		switch {
		case id != 0 && inCampaign:
			out[i] = book.ImportedAgency{ID: id, Outcome: book.AgencyUnchanged}
		case id != 0:
			if !rehearse {
				if err := linkAgency(ctx, q, campaignID, id); err != nil {
					return nil, err
				}
			}
			out[i] = book.ImportedAgency{ID: id, Outcome: book.AgencyLinked}
		default:
			// checkAgency's checks, with the book's answers already in hand
			parent, err := inBook.parent(a.ParentID, added)
			if err == nil {
				err = a.Validate(parent).Err()
			}
			if err == nil {
				if clash != "" {
					err = book.NameTaken(clash)
				} else if other, ok := byPlace[here]; ok {
					err = book.NameTaken(added[other].Name)
				} else if other, ok := byCode[a.Code]; ok && a.Code != "" {
					err = book.CodeTaken(a.Code, added[other].Name)
				}
			}
			if err != nil {
				return nil, lineError(in.Line, err)
			}
			id = -int64(i + 1)
			if !rehearse {
				if id, err = insertAgency(ctx, q, a, now); err != nil {
					return nil, err
				}
				if err := linkAgency(ctx, q, campaignID, id); err != nil {
					return nil, err
				}
			}
			a.ID = id
			added[id] = a
			byPlace[here] = id
			if a.Code != "" {
				byCode[a.Code] = id
			}
			out[i] = book.ImportedAgency{ID: id, Outcome: book.AgencyAdded}
		}
	}
	return out, nil
}

// bookMatch is what the book holds of an agency being imported: the one
// it is (id, and whether the campaign has it already), and failing that,
// the name of another agency of the campaign with the same name and parent
// (which makes it a duplicate).
type bookMatch struct {
	id         int64
	inCampaign bool
	clash      string
}

// bookAgency is one agency of the book as an import matches it.
type bookAgency struct {
	id         int64
	name       string
	group      campaign.Group
	inCampaign bool
}

// bookAgencies are the book's agencies as they stood when the import
// began, read in one query rather than two per row of the list (on a
// server each is a round trip): by official code, and by folded name and
// parent in id order. What the list adds itself is matched by the import's
// own maps first, so this needs no keeping up to date.
type bookAgencies struct {
	byID    map[int64]bookAgency
	byCode  map[string]bookAgency
	byPlace map[agencyPlace][]bookAgency
}

type agencyPlace struct {
	key    string
	parent int64
}

func readBookAgencies(ctx context.Context, tx txQuerier, campaignID int64) (*bookAgencies, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.name, a.name_key, a.agency_group, coalesce(a.parent_id, 0), coalesce(a.code, ''),
		EXISTS (SELECT 1 FROM campaign_agency ca WHERE ca.campaign_id = ? AND ca.agency_id = a.id)
		FROM agency a ORDER BY a.id`, campaignID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	b := &bookAgencies{byID: map[int64]bookAgency{}, byCode: map[string]bookAgency{}, byPlace: map[agencyPlace][]bookAgency{}}
	for rows.Next() {
		var x bookAgency
		var key, group, code string
		var parent int64
		if err := rows.Scan(&x.id, &x.name, &key, &group, &parent, &code, &x.inCampaign); err != nil {
			return nil, err
		}
		x.name, x.group = vntext.Line(x.name), campaign.Group(group)
		b.byID[x.id] = x
		if code != "" {
			b.byCode[code] = x
		}
		here := agencyPlace{key, parent}
		b.byPlace[here] = append(b.byPlace[here], x)
	}
	return b, rows.Err()
}

// parent returns the parent with this id (nil for none), from the
// agencies the import adds itself, else from the book; one gone is
// ParentGone.
func (b *bookAgencies) parent(id int64, added map[int64]campaign.Agency) (*campaign.Agency, error) {
	if id == 0 {
		return nil, nil
	}
	if p, ok := added[id]; ok {
		return &p, nil
	}
	x, ok := b.byID[id]
	if !ok {
		return nil, book.ParentGone()
	}
	return &campaign.Agency{ID: x.id, Name: x.name, Group: x.group}, nil
}

// match finds a in the book: by official code when it has one, else by
// folded name, group and parent (preferring one in the campaign), so that a
// commune first typed by hand is not added again from the list; with the
// name of a campaign's agency of any group in the same place (a clash).
func (b *bookAgencies) match(a campaign.Agency) (m bookMatch) {
	if x, ok := b.byCode[a.Code]; ok && a.Code != "" {
		return bookMatch{id: x.id, inCampaign: x.inCampaign}
	}
	for _, x := range b.byPlace[agencyPlace{vntext.Fold(a.Name), a.ParentID}] {
		if x.group == a.Group && (m.id == 0 || x.inCampaign && !m.inCampaign) {
			m.id, m.inCampaign = x.id, x.inCampaign
		}
		if x.inCampaign && m.clash == "" {
			m.clash = x.name
		}
	}
	return m
}

func linkAgency(ctx context.Context, tx txQuerier, campaignID, agencyID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO campaign_agency (campaign_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, campaignID, agencyID)
	return err
}
