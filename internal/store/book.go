package store

import (
	"cmp"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"math"
	"slices"
	"sync"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/vntext"
)

func cleanSubmission(sub campaign.Submission) campaign.Submission {
	sub.Number = vntext.Line(sub.Number)
	sub.Note = vntext.Text(sub.Note)
	return sub
}

func cleanRegistration(r campaign.Registration) campaign.Registration {
	r.Title = vntext.Line(r.Title)
	r.Partners = vntext.Line(r.Partners)
	r.Timeline = vntext.Line(r.Timeline)
	r.Summary = vntext.Text(r.Summary)
	r.ExpectedResult = vntext.Text(r.ExpectedResult)
	r.Note = vntext.Text(r.Note)
	return r
}

// checkSubmission validates a letter against the campaign's agencies.
func (s *Store) checkSubmission(ctx context.Context, tx *sql.Tx, sub campaign.Submission) error {
	today := s.today()
	var year int
	if err := tx.QueryRowContext(ctx, `SELECT year FROM campaign WHERE id = ?`, sub.CampaignID).Scan(&year); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return book.CampaignGone()
		}
		return err
	}
	if err := sub.Validate(today, campaign.Campaign{Year: year}.Earliest()).Err(); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM campaign_agency WHERE campaign_id = ? AND agency_id = ?`,
		sub.CampaignID, sub.AgencyID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return book.NotInCampaign()
	}
	return nil
}

// checkRegistration validates one registration of agencyID's letter; pos is
// its number in the letter (1-based) for messages, 0 when alone.
func (s *Store) checkRegistration(ctx context.Context, tx *sql.Tx, agencyID int64, r campaign.Registration, pos int) error {
	err := r.Validate().Err()
	if err == nil && r.LeadAgencyID != 0 && r.LeadAgencyID != agencyID {
		var parent int64
		qerr := tx.QueryRowContext(ctx, `SELECT coalesce(parent_id, 0) FROM agency WHERE id = ?`, r.LeadAgencyID).Scan(&parent)
		if qerr != nil && !errors.Is(qerr, sql.ErrNoRows) {
			return qerr
		}
		if parent != agencyID {
			err = book.BadLeadUnit()
		}
	}
	if err != nil && pos > 0 {
		return book.AtRegistration(pos, err)
	}
	return err
}

// registrationInserter inserts registrations through one prepared
// statement: preparing an INSERT also compiles its history trigger, which
// on every row of a big import would cost more than the insert itself.
type registrationInserter struct{ stmt *sql.Stmt }

func newRegistrationInserter(ctx context.Context, tx *sql.Tx) (*registrationInserter, error) {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO registration (submission_id, seq, title, title_key, kind, area, lead_agency_id,
		partners, summary, timeline, expected_result, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
	return &registrationInserter{stmt}, err
}

func (ri *registrationInserter) insert(ctx context.Context, subID int64, seq int, r campaign.Registration, now string) (int64, error) {
	var id int64
	err := ri.stmt.QueryRowContext(ctx, subID, seq, r.Title, vntext.Fold(r.Title), string(r.Kind), string(r.Area), nullID(r.LeadAgencyID),
		r.Partners, r.Summary, r.Timeline, r.ExpectedResult, r.Note, now, now).Scan(&id)
	return id, err
}

func (ri *registrationInserter) Close() error { return ri.stmt.Close() }

// RecordSubmission records a received letter and the registrations in it,
// all in one transaction, and returns the new ids.
func (s *Store) RecordSubmission(ctx context.Context, sub campaign.Submission, regs []campaign.Registration) (int64, []int64, error) {
	sub = cleanSubmission(sub)
	var subID int64
	var ids []int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := s.checkSubmission(ctx, tx, sub); err != nil {
			return err
		}
		if len(regs) == 0 {
			return book.EmptyLetter()
		}
		var err error
		if subID, err = insertSubmission(ctx, tx, sub, s.stamp()); err != nil {
			return err
		}
		ids, err = s.insertRegistrations(ctx, tx, subID, sub.AgencyID, 0, regs)
		return err
	})
	if err != nil {
		return 0, nil, err
	}
	return subID, ids, nil
}

func (s *Store) insertRegistrations(ctx context.Context, tx *sql.Tx, subID, agencyID int64, firstSeq int, regs []campaign.Registration) ([]int64, error) {
	now := s.stamp()
	ins, err := newRegistrationInserter(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer ins.Close()
	var ids []int64
	for i, r := range regs {
		r = cleanRegistration(r)
		pos := i + 1
		if len(regs) == 1 {
			pos = 0
		}
		if err := s.checkRegistration(ctx, tx, agencyID, r, pos); err != nil {
			return nil, err
		}
		id, err := ins.insert(ctx, subID, firstSeq+i+1, r, now)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// AddToSubmission adds registrations to a letter already recorded ("save
// and add another" keeps the letter).
func (s *Store) AddToSubmission(ctx context.Context, submissionID int64, regs []campaign.Registration) ([]int64, error) {
	var ids []int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		var agencyID int64
		var maxSeq int
		err := tx.QueryRowContext(ctx, `SELECT s.agency_id, coalesce((SELECT max(seq) FROM registration WHERE submission_id = s.id), 0)
			FROM submission s WHERE s.id = ?`, submissionID).Scan(&agencyID, &maxSeq)
		if errors.Is(err, sql.ErrNoRows) {
			return book.LetterDeletedElsewhere()
		}
		if err != nil {
			return err
		}
		ids, err = s.insertRegistrations(ctx, tx, submissionID, agencyID, maxSeq, regs)
		return err
	})
	return ids, err
}

// UpdateSubmission saves an edited letter (agency, number, dates, note),
// refusing with ErrConflict when it changed since sub.Version was read.
func (s *Store) UpdateSubmission(ctx context.Context, sub campaign.Submission) error {
	return s.write(ctx, func(tx *sql.Tx) error { return s.updateSubmission(ctx, tx, sub) })
}

func (s *Store) updateSubmission(ctx context.Context, tx *sql.Tx, sub campaign.Submission) error {
	sub = cleanSubmission(sub)
	if err := s.checkSubmission(ctx, tx, sub); err != nil {
		return err
	}
	// A letter saved as it already is (an edit of one of its registrations)
	// is left alone: no new version, so that another clerk's edit of the
	// same letter's registrations does not conflict on the letter.
	var same int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM submission WHERE id = ? AND agency_id = ? AND number = ?
		AND letter_date = ? AND received_on = ? AND note = ?`,
		sub.ID, sub.AgencyID, sub.Number, sub.LetterDate.ISO(), sub.Received.ISO(), sub.Note).Scan(&same); err != nil {
		return err
	}
	if same == 1 {
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE submission SET agency_id = ?, number = ?, letter_date = ?, received_on = ?, note = ?,
		version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
		sub.AgencyID, sub.Number, sub.LetterDate.ISO(), sub.Received.ISO(), sub.Note, s.stamp(), sub.ID, sub.Version)
	if err != nil {
		return err
	}
	return s.changedOne(ctx, tx, res, "submission", sub.ID, lang.VI.F("Văn bản số %s", "", sub.Number))
}

// UpdateRegistration saves an edited registration, refusing with
// ErrConflict when it changed since r.Version was read.
func (s *Store) UpdateRegistration(ctx context.Context, r campaign.Registration) error {
	return s.write(ctx, func(tx *sql.Tx) error { return s.updateRegistration(ctx, tx, r) })
}

// UpdateEntry saves an edited letter and one of its registrations together,
// in one transaction; either version being stale refuses both.
func (s *Store) UpdateEntry(ctx context.Context, sub campaign.Submission, r campaign.Registration) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.updateSubmission(ctx, tx, sub); err != nil {
			return err
		}
		return s.updateRegistration(ctx, tx, r)
	})
}

func (s *Store) updateRegistration(ctx context.Context, tx *sql.Tx, r campaign.Registration) error {
	r = cleanRegistration(r)
	var agencyID int64
	if err := tx.QueryRowContext(ctx, `SELECT s.agency_id FROM submission s JOIN registration r ON r.submission_id = s.id WHERE r.id = ?`,
		r.ID).Scan(&agencyID); errors.Is(err, sql.ErrNoRows) {
		return book.DeletedElsewhere(r.Title)
	} else if err != nil {
		return err
	}
	if err := s.checkRegistration(ctx, tx, agencyID, r, 0); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE registration SET title = ?, title_key = ?, kind = ?, area = ?, lead_agency_id = ?,
		partners = ?, summary = ?, timeline = ?, expected_result = ?, note = ?, version = version + 1, updated_at = ?
		WHERE id = ? AND version = ?`,
		r.Title, vntext.Fold(r.Title), string(r.Kind), string(r.Area), nullID(r.LeadAgencyID),
		r.Partners, r.Summary, r.Timeline, r.ExpectedResult, r.Note, s.stamp(), r.ID, r.Version)
	if err != nil {
		return err
	}
	return s.changedOne(ctx, tx, res, "registration", r.ID, r.Title)
}

// DeleteRegistration deletes a registration the clerk has seen at version;
// a letter left with no registration goes with it.
func (s *Store) DeleteRegistration(ctx context.Context, id, version int64) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var subID int64
		var title string
		err := tx.QueryRowContext(ctx, `SELECT submission_id, title FROM registration WHERE id = ?`, id).Scan(&subID, &title)
		if errors.Is(err, sql.ErrNoRows) {
			return book.AlreadyDeleted()
		}
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM registration WHERE id = ? AND version = ?`, id, version)
		if err != nil {
			return err
		}
		if err := s.changedOne(ctx, tx, res, "registration", id, title); err != nil {
			return err
		}
		if err := deleteAttachments(ctx, tx, "registration_id", id); err != nil {
			return err
		}
		res, err = tx.ExecContext(ctx, `DELETE FROM submission WHERE id = ? AND NOT EXISTS (SELECT 1 FROM registration WHERE submission_id = ?)`, subID, subID)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 1 {
			return deleteAttachments(ctx, tx, "submission_id", subID)
		}
		return nil
	})
}

const registrationSelect = `SELECT r.id, r.submission_id, r.title, r.title_key, r.kind, r.area, coalesce(r.lead_agency_id, 0),
	r.partners, r.summary, r.timeline, r.expected_result, r.note, r.version,
	a.id, coalesce(ca.name, a.name), a.agency_group, coalesce(cl.name, l.name, ca.name, a.name), s.number, s.letter_date, s.received_on, s.version
	FROM registration r
	JOIN submission s ON s.id = r.submission_id
	JOIN agency a ON a.id = s.agency_id
	LEFT JOIN campaign_agency ca ON ca.campaign_id = s.campaign_id AND ca.agency_id = a.id
	LEFT JOIN agency l ON l.id = r.lead_agency_id
	LEFT JOIN campaign_agency cl ON cl.campaign_id = s.campaign_id AND cl.agency_id = l.id`

func scanRegistration(rows rowScanner) (book.RegistrationRow, error) {
	var x book.RegistrationRow
	var kind, area, group, letterDate, received string
	err := rows.Scan(&x.ID, &x.SubmissionID, &x.Title, &x.TitleKey, &kind, &area, &x.LeadAgencyID,
		&x.Partners, &x.Summary, &x.Timeline, &x.ExpectedResult, &x.Note, &x.Version,
		&x.AgencyID, &x.AgencyName, &group, &x.LeadName, &x.LetterNumber, &letterDate, &received, &x.SubmissionVer)
	x.Kind, x.Area, x.AgencyGroup = campaign.Kind(kind), campaign.Area(area), campaign.Group(group)
	// text written behind our back must not reach a terminal raw
	x.Registration = cleanRegistration(x.Registration)
	x.AgencyName, x.LeadName, x.LetterNumber = vntext.Line(x.AgencyName), vntext.Line(x.LeadName), vntext.Line(x.LetterNumber)
	x.LetterDate = storedDay(letterDate, &err)
	x.Received = storedDay(received, &err)
	return x, err
}

// Registrations lists every registration of a campaign, newest letter first.
// The rows are read in the order letters were recorded, which is the order
// they lie in the file, and sorted here: read by received day instead,
// 200,000 registrations cost a disk read each (4 s instead of 2).
func (s *Store) Registrations(ctx context.Context, campaignID int64) ([]book.RegistrationRow, error) {
	out, err := s.queryRegistrations(ctx, `SELECT r.id, r.submission_id, r.title, r.title_key, r.kind, r.area,
		coalesce(r.lead_agency_id, 0), r.partners, r.summary, r.timeline, r.expected_result, r.note, r.version,
		a.id, coalesce(ca.name, a.name), a.agency_group, coalesce(cl.name, l.name, ca.name, a.name), s.number, s.letter_date, s.received_on, s.version
		FROM submission s NOT INDEXED
		JOIN registration r ON r.submission_id = s.id
		JOIN agency a ON a.id = s.agency_id
		LEFT JOIN campaign_agency ca ON ca.campaign_id = s.campaign_id AND ca.agency_id = a.id
		LEFT JOIN agency l ON l.id = r.lead_agency_id
		LEFT JOIN campaign_agency cl ON cl.campaign_id = s.campaign_id AND cl.agency_id = l.id
		WHERE s.campaign_id = ? ORDER BY s.id, r.seq, r.id`, campaignID)
	if err != nil {
		return nil, err
	}
	// newest letter first; a letter's registrations keep their order
	sortRows(out, func(i, j int) int {
		a, b := &out[i], &out[j]
		if c := b.Received.Time().Compare(a.Received.Time()); c != 0 {
			return c
		}
		return cmp.Compare(b.SubmissionID, a.SubmissionID)
	})
	return out, nil
}

// sortRows puts rows in the order cmp gives their positions (stable; cmp
// may read the rows or a slice of keys beside them), sorting positions and
// then moving each row once, in place: the rows are wide and there may be
// 200,000 of them.
func sortRows[T any](rows []T, cmp func(i, j int) int) {
	order := make([]int32, len(rows))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { // stable: ties keep their positions
		if c := cmp(int(a), int(b)); c != 0 {
			return c
		}
		return int(a - b)
	})
	permute(rows, order)
}

// permute puts rows[order[i]] at i for every i, in place (the rows are wide
// and there may be 200,000 of them: no second copy).
func permute[T any](rows []T, order []int32) {
	for i := range order {
		if int(order[i]) == i {
			continue
		}
		held, j := rows[i], i
		for {
			k := int(order[j])
			order[j] = int32(j)
			if k == i {
				rows[j] = held
				break
			}
			rows[j] = rows[k]
			j = k
		}
	}
}

// AgencyRegistrations lists the registrations sent by an agency or by the
// units under it, in the order they were received.
func (s *Store) AgencyRegistrations(ctx context.Context, campaignID, agencyID int64) ([]book.RegistrationRow, error) {
	return s.queryRegistrations(ctx, registrationSelect+` WHERE s.campaign_id = ? AND (a.id = ? OR a.parent_id = ?)
		ORDER BY s.received_on, s.id, r.seq, r.id`, campaignID, agencyID, agencyID)
}

// Registration returns one registration.
func (s *Store) Registration(ctx context.Context, id int64) (book.RegistrationRow, error) {
	x, err := scanRegistration(s.db.QueryRowContext(ctx, registrationSelect+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return x, book.RegistrationNotFound()
	}
	return x, s.explain(err)
}

func (s *Store) queryRegistrations(ctx context.Context, q string, args ...any) ([]book.RegistrationRow, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []book.RegistrationRow
	for rows.Next() {
		x, err := scanRegistration(rows)
		if err != nil {
			return nil, s.explain(err)
		}
		out = append(out, x)
	}
	return out, s.explain(rows.Err())
}

// Submissions lists the letters of a campaign, the latest received first.
func (s *Store) Submissions(ctx context.Context, campaignID int64) ([]book.SubmissionRow, error) {
	return s.submissions(ctx, campaignID, -1)
}

// submissions lists at most limit letters (-1: all), the latest first.
func (s *Store) submissions(ctx context.Context, campaignID int64, limit int) ([]book.SubmissionRow, error) {
	q, args := `SELECT s.id, s.campaign_id, s.agency_id, s.number, s.letter_date, s.received_on, s.note, s.version,
		coalesce(ca.name, a.name), a.agency_group, (SELECT count(*) FROM registration r WHERE r.submission_id = s.id)
		FROM submission s JOIN agency a ON a.id = s.agency_id
		LEFT JOIN campaign_agency ca ON ca.campaign_id = s.campaign_id AND ca.agency_id = a.id
		WHERE s.campaign_id = ? ORDER BY s.received_on DESC, s.id DESC`, []any{campaignID}
	if limit >= 0 {
		q, args = q+` LIMIT ?`, append(args, limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, s.explain(err)
	}
	defer rows.Close()
	var out []book.SubmissionRow
	for rows.Next() {
		var x book.SubmissionRow
		var letterDate, received, group string
		if err := rows.Scan(&x.ID, &x.CampaignID, &x.AgencyID, &x.Number, &letterDate, &received, &x.Note, &x.Version,
			&x.AgencyName, &group, &x.Registrations); err != nil {
			return nil, s.explain(err)
		}
		x.LetterDate = storedDay(letterDate, &err)
		x.Received = storedDay(received, &err)
		if err != nil {
			return nil, err
		}
		x.AgencyGroup = campaign.Group(group)
		x.Submission, x.AgencyName = cleanSubmission(x.Submission), vntext.Line(x.AgencyName)
		out = append(out, x)
	}
	return out, s.explain(rows.Err())
}

// received lists the letters of a campaign as compliance counts them: the
// sender, the day and the number of registrations, read from the tally
// kept beside the letters (migration 0005) so that no registration is
// touched: 71,509 rows from one covering index at national scale, not
// 200,000 registrations counted. Two connections read at once, as this is
// all CPU work and an office PC has two cores or more: one from the lowest
// sender up, the other from the highest down, until they meet. Finding the
// middle letter first (counting the letters) was a tenth of `cchc status`,
// spent before either could start, and the middle of the senders' ids is
// no middle of the letters (a province's own units, numbered first, send
// two thirds of them). With a cut, only what a judgement as of one day
// needs is kept (see cut). A server reads on one connection (see
// Dialect.InProcess).
func (s *Store) received(ctx context.Context, campaignID int64, c *cut) ([]compliance.Received, error) {
	m := &meeting{low: math.MinInt64, high: math.MaxInt64}
	if !s.d.InProcess() {
		return s.receivedFrom(ctx, campaignID, m, false, c)
	}
	var high []compliance.Received
	var highErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		high, highErr = s.receivedFrom(ctx, campaignID, m, true, c)
	}()
	low, err := s.receivedFrom(ctx, campaignID, m, false, c)
	<-done
	if err != nil {
		return nil, err
	}
	if highErr != nil {
		return nil, highErr
	}
	slices.Reverse(high) // read from the top down
	return append(low, high...), nil
}

// meeting is where the two readers of received are: each takes a sender's
// letters whole, and only a sender the other has not reached.
type meeting struct {
	mu        sync.Mutex
	low, high int64 // the last sender each has taken
}

// take claims a sender for the reader going down (or up); false when the
// other reader has it or is past it, and this reader is done.
func (m *meeting) take(agencyID int64, down bool) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if down {
		if agencyID <= m.low {
			return false
		}
		m.high = agencyID
	} else {
		if agencyID >= m.high {
			return false
		}
		m.low = agencyID
	}
	return true
}

// errMet stops a reader of received where the other one is.
var errMet = errors.New("store: the readers have met")

// cut is what judging a campaign as of one day reads of its letters: the
// days up to asOf, each sender's cut by compliance.Cut.
type cut struct {
	asOf string // yyyy-mm-dd
	keep int    // compliance.Keep
}

// receivedFrom reads the letters of a campaign in the order of the senders
// (down: from the last one, each sender's days from the last), as long as
// the other reader has not reached them, cut by c when it is not nil.
func (s *Store) receivedFrom(ctx context.Context, campaignID int64, m *meeting, down bool, c *cut) ([]compliance.Received, error) {
	var received []compliance.Received
	days := days{}
	order := "agency_id, received_on"
	if down {
		order = "agency_id DESC, received_on DESC"
	}
	asOf := "9999-12-31"
	if c != nil {
		asOf = c.asOf
	}
	sender, first := int64(0), 0 // the sender being read and its first row in received
	cutSender := func() {
		if c == nil || first == len(received) {
			return
		}
		letters := received[first:]
		if down {
			slices.Reverse(letters)
		}
		letters = compliance.Cut(letters, c.keep)
		if down {
			slices.Reverse(letters)
		}
		received = received[:first+len(letters)]
	}
	// one row per agency and day, summed in SQLite on the covering index
	// (which is in that order, either way: no sort): what the judgement
	// needs, and a sixth fewer rows handed over at national scale, more as
	// letters grow
	err := s.eachRow(ctx, `SELECT agency_id, received_on, sum(registrations) FROM letter_tally
		WHERE campaign_id = ? AND registrations > 0 AND received_on <= ?
		GROUP BY agency_id, received_on ORDER BY `+order, []any{campaignID, asOf},
		func(v []driver.Value) error {
			id := asInt(v[0])
			if id != sender {
				cutSender()
				if !m.take(id, down) {
					return errMet
				}
				sender, first = id, len(received)
			}
			received = append(received, compliance.Received{AgencyID: id, On: days.parse(asText(v[1])), Registrations: int(asInt(v[2]))})
			return nil
		})
	if errors.Is(err, errMet) {
		err = nil
	} else {
		cutSender()
	}
	return received, err
}

// FollowedAgencies lists the agencies a campaign follows, as compliance
// judges them, in any order.
func (s *Store) FollowedAgencies(ctx context.Context, campaignID int64) ([]compliance.Agency, error) {
	var out []compliance.Agency
	err := s.eachRow(ctx, `SELECT a.id, coalesce(ca.name, a.name), a.agency_group, coalesce(a.parent_id, 0) FROM agency a
		JOIN campaign_agency ca ON ca.agency_id = a.id WHERE ca.campaign_id = ? AND coalesce(ca.active, a.active) = 1`, []any{campaignID},
		func(v []driver.Value) error {
			out = append(out, compliance.Agency{ID: asInt(v[0]), Name: vntext.Line(asText(v[1])), Group: campaign.Group(asText(v[2])), ParentID: asInt(v[3])})
			return nil
		})
	return out, err
}

// insertSubmission records a letter; RecordSubmission and the import both
// write letters through it.
func insertSubmission(ctx context.Context, tx *sql.Tx, sub campaign.Submission, now string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO submission (campaign_id, agency_id, number, letter_date, received_on, note, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		sub.CampaignID, sub.AgencyID, sub.Number, sub.LetterDate.ISO(), sub.Received.ISO(), sub.Note, now, now).Scan(&id)
	return id, err
}
