package campaign

import (
	"fmt"
	"strings"
	"time"

	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// Quota is what a campaign asks of each agency of a group: at least
// Required registrations, aiming for Target.
type Quota struct {
	Required int
	Target   int
}

// Campaign is one year's call for registrations.
type Campaign struct {
	ID           int64
	Year         int
	Title        string      // "Đăng ký xây dựng các mô hình, sáng kiến, cách làm hay trong CCHC năm 2023"
	LetterNumber string      // the request letter's number, e.g. "/SNV-CCHC&VTLT"
	LetterDate   vndate.Date // may be zero when the letter was not dated
	Issuer       string      // "Sở Nội vụ"
	IssuerParent string      // "UBND tỉnh Hà Tĩnh": the body above the issuer, for letter headers
	Place        string      // "Hà Tĩnh": the place in dated lines
	SignerTitle  string      // "Giám đốc", or "Phó Giám đốc" when a deputy signs
	SignerName   string
	LegalBasis   string
	Deadline     vndate.Date
	Quotas       map[Group]Quota
	Version      int64
	// SignerAuthority is the line above the title when the head does not
	// sign himself: "KT. Giám đốc" (a deputy), "TL. Giám đốc"; "" when he does.
	SignerAuthority string
	// CopiesTo is the "Nơi nhận" of the Department's letters, one recipient
	// an item, without the dash or the ";" ("UBND tỉnh (b/c)"); nil for the
	// list the request letter carries (DefaultCopiesTo).
	CopiesTo []string
}

// LetterRef names the Department's request letter: "Văn bản số
// 215/SNV-CCHC&VTLT ngày 22/02/2023". A number without its serial (the
// office's code only, as before the letter is numbered) gets dots for it;
// "" when neither the number nor the day is known.
func (c Campaign) LetterRef(l lang.Lang) string {
	n := strings.TrimSpace(c.LetterNumber)
	if n == "" && c.LetterDate.IsZero() {
		return ""
	}
	if n == "" || strings.HasPrefix(n, "/") {
		n = "…" + n
	}
	ref := l.F("Văn bản số %s", "Letter No. %s", n)
	if !c.LetterDate.IsZero() {
		ref += l.F(" ngày %s", " of %s", c.LetterDate)
	}
	return ref
}

// GroupHeading names group g over its part of the campaign's reports: as
// a judged group when the campaign asks something of it, else by its
// label (communes whose work counts for their district, before 2025).
func (c Campaign) GroupHeading(g Group, l lang.Lang) string {
	if c.QuotaFor(g).Required > 0 {
		return g.Heading(l)
	}
	return g.Label(l)
}

// QuotaFor is the quota of group g (zero when the campaign sets none).
func (c Campaign) QuotaFor(g Group) Quota { return c.Quotas[g] }

// Earliest is the earliest day a letter answering the campaign may bear or
// be received: 1 July of the year before the campaign's. A campaign is
// announced early in its year, sometimes late in the year before; an
// earlier day is a typing slip in the year (02/01/2003 for 02/01/2023),
// which would otherwise count as on time.
func (c Campaign) Earliest() vndate.Date { return vndate.Of(c.Year-1, time.July, 1) }

// Agency is a body that may be asked to register: a provincial department,
// a central agency in the province, a district or a commune.
type Agency struct {
	ID        int64
	Name      string
	ShortName string
	Group     Group
	ParentID  int64  // the district of a commune; 0 when none (directly under the province, since 2025)
	Code      string // official code (GSO code for localities), may be empty
	Active    bool
	Version   int64
}

// Submission is the letter an agency sent with its registrations.
type Submission struct {
	ID         int64
	CampaignID int64
	AgencyID   int64
	Number     string      // e.g. "125/UBND-NV"
	LetterDate vndate.Date // may be zero
	Received   vndate.Date // the day the Department received it
	Note       string
	Version    int64
}

// Registration is one model, initiative, solution or good practice.
type Registration struct {
	ID             int64
	SubmissionID   int64
	Title          string
	Kind           Kind
	Area           Area
	LeadAgencyID   int64 // implementing unit: the agency itself or one of its communes; 0 = the agency
	Partners       string
	Summary        string
	Timeline       string // free text: "Quý II/2023", "04/2023 - 12/2023"
	ExpectedResult string
	Note           string
	Version        int64
}

// Field names for validation problems: stable ids the UI maps to its inputs.
const (
	FieldAgency     = "agency"
	FieldNumber     = "number"
	FieldLetterDate = "letter_date"
	FieldReceived   = "received"
	FieldTitle      = "title"
	FieldKind       = "kind"
	FieldArea       = "area"
	FieldName       = "name"
	FieldGroup      = "group"
	FieldParent     = "parent"
	FieldDeadline   = "deadline"
	FieldYear       = "year"
	FieldLead       = "lead"
	FieldText       = "text"
)

// Limits on text so that a pasted book does not end up in a title.
const (
	MaxLine = 500   // names, titles, numbers
	MaxText = 10000 // summaries and notes
)

// Problem is one thing wrong with input, naming the field and what is expected.
type Problem struct {
	Field string
	Msg   *lang.Error
}

// Problems is the list of everything wrong with one record; nil when valid.
type Problems []Problem

func (p Problems) Error() string {
	if len(p) == 0 {
		return ""
	}
	return p[0].Msg.Error()
}

// For returns the first problem of a field, or nil.
func (p Problems) For(field string) *lang.Error {
	for _, x := range p {
		if x.Field == field {
			return x.Msg
		}
	}
	return nil
}

// Err returns p as one error for the clerk (nil when empty): every problem,
// separated by "; ".
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	vi, en := make([]string, len(p)), make([]string, len(p))
	for i, x := range p {
		vi[i], en[i] = x.Msg.VI, x.Msg.EN
	}
	return &lang.Error{VI: strings.Join(vi, "; "), EN: strings.Join(en, "; ")}
}

// add records a problem; args fill both formats.
func (p *Problems) add(field string, vi, en string, args ...any) {
	*p = append(*p, Problem{Field: field, Msg: lang.Errorf(vi, en, args...)})
}

// addLabelled records a problem about a labelled field: the label comes
// first in each language's format, then the shared args.
func (p *Problems) addLabelled(field, labelVI, labelEN, vi, en string, args ...any) {
	msg := &lang.Error{
		VI: fmt.Sprintf(vi, append([]any{labelVI}, args...)...),
		EN: fmt.Sprintf(en, append([]any{labelEN}, args...)...),
	}
	*p = append(*p, Problem{Field: field, Msg: msg})
}

func checkLine(p *Problems, field, labelVI, labelEN, value string, required bool) {
	switch {
	case required && value == "":
		p.addLabelled(field, labelVI, labelEN, "%s: không được để trống", "%s: must not be empty")
	case len([]rune(value)) > MaxLine:
		p.addLabelled(field, labelVI, labelEN, "%s: quá dài (tối đa %d ký tự)", "%s: too long (at most %d characters)", MaxLine)
	}
}

// Validate checks a submission; today bounds the received date (a letter
// cannot arrive in the future) and earliest (Campaign.Earliest; zero: no
// bound) both dates from below.
func (s Submission) Validate(today, earliest vndate.Date) Problems {
	var p Problems
	if s.AgencyID == 0 {
		p.add(FieldAgency, "Cơ quan, đơn vị: chọn cơ quan gửi văn bản", "Agency: choose the agency that sent the letter")
	}
	checkLine(&p, FieldNumber, "Số văn bản", "Letter number", s.Number, false)
	if s.Received.IsZero() {
		p.add(FieldReceived, "Ngày nhận: không được để trống (dd/mm/yyyy)", "Received: must not be empty (dd/mm/yyyy)")
	} else if !today.IsZero() && s.Received.After(today) {
		p.add(FieldReceived, "Ngày nhận: %s là ngày trong tương lai", "Received: %s is in the future", s.Received)
	}
	if !earliest.IsZero() && !s.Received.IsZero() && s.Received.Before(earliest) {
		p.add(FieldReceived, "Ngày nhận: %s quá sớm cho đợt đăng ký này (không trước %s); kiểm tra lại năm",
			"Received: %s is too early for this campaign (not before %s); check the year", s.Received, earliest)
	}
	if !earliest.IsZero() && !s.LetterDate.IsZero() && s.LetterDate.Before(earliest) {
		p.add(FieldLetterDate, "Ngày văn bản: %s quá sớm cho đợt đăng ký này (không trước %s); kiểm tra lại năm",
			"Letter date: %s is too early for this campaign (not before %s); check the year", s.LetterDate, earliest)
	} else if !s.LetterDate.IsZero() && !s.Received.IsZero() && s.LetterDate.After(s.Received) {
		p.add(FieldLetterDate, "Ngày văn bản: %s sau ngày nhận %s", "Letter date: %s is after the received date %s", s.LetterDate, s.Received)
	}
	if len([]rune(s.Note)) > MaxText {
		p.add(FieldText, "Ghi chú: quá dài (tối đa %d ký tự)", "Note: too long (at most %d characters)", MaxText)
	}
	return p
}

// Validate checks a registration's own fields.
func (r Registration) Validate() Problems {
	var p Problems
	checkLine(&p, FieldTitle, "Tên mô hình, sáng kiến", "Title", r.Title, true)
	if !r.Kind.Valid() {
		p.add(FieldKind, "Loại: chọn Mô hình, Sáng kiến, Giải pháp hoặc Cách làm hay", "Kind: choose Model, Initiative, Solution or Good practice")
	}
	if !r.Area.Valid() {
		p.add(FieldArea, "Lĩnh vực CCHC: chọn một lĩnh vực trong danh sách", "Reform area: choose one from the list")
	}
	for _, f := range []struct{ vi, en, v string }{
		{"Đơn vị phối hợp", "Partners", r.Partners},
		{"Thời gian thực hiện", "Timeline", r.Timeline},
	} {
		checkLine(&p, FieldText, f.vi, f.en, f.v, false)
	}
	for _, f := range []struct{ vi, en, v string }{
		{"Nội dung tóm tắt", "Summary", r.Summary},
		{"Dự kiến kết quả", "Expected result", r.ExpectedResult},
		{"Ghi chú", "Note", r.Note},
	} {
		if len([]rune(f.v)) > MaxText {
			p.addLabelled(FieldText, f.vi, f.en, "%s: quá dài (tối đa %d ký tự)", "%s: too long (at most %d characters)", MaxText)
		}
	}
	return p
}

// Validate checks an agency; parent is the agency's parent when it has one.
func (a Agency) Validate(parent *Agency) Problems {
	var p Problems
	checkLine(&p, FieldName, "Tên cơ quan, đơn vị", "Agency name", a.Name, true)
	checkLine(&p, FieldName, "Tên viết tắt", "Short name", a.ShortName, false)
	if !a.Group.Valid() {
		p.add(FieldGroup, "Nhóm: chọn một nhóm cơ quan, đơn vị", "Group: choose an agency group")
	}
	// Since 1 July 2025 a commune or ward may stand directly under the
	// province (no parent); one that has a parent has a district.
	switch {
	case a.Group == Commune && parent == nil:
	case a.Group == Commune && parent.Group != District:
		p.add(FieldParent, "Thuộc huyện: %s không phải cấp huyện", "District: %s is not a district", parent.Name)
	case a.Group != Commune && parent != nil:
		p.add(FieldParent, "Thuộc huyện: chỉ UBND cấp xã thuộc một huyện", "District: only communes belong to a district")
	}
	return p
}

// DeadlineInYear reports a deadline that falls within the campaign's own
// year: 29/03/2030 for the 2024 campaign is a slip of the keyboard, and it
// would make every agency on time for six years.
func (c Campaign) DeadlineInYear() bool { return c.Deadline.Year() == c.Year }

// Validate checks a campaign's own fields.
func (c Campaign) Validate() Problems {
	var p Problems
	if c.Year < vndate.MinYear || c.Year > vndate.MaxYear {
		p.add(FieldYear, "Năm: %d không hợp lệ", "Year: %d is not valid", c.Year)
	}
	checkLine(&p, FieldText, "Tên đợt đăng ký", "Campaign title", c.Title, true)
	checkLine(&p, FieldText, "Cơ quan ban hành", "Issuer", c.Issuer, true)
	checkLine(&p, FieldText, "Thẩm quyền ký", "Signing authority", c.SignerAuthority, false)
	if len(c.CopiesTo) > MaxCopiesTo {
		p.add(FieldText, "Nơi nhận: nhiều nhất %d nơi", "Copies to: at most %d recipients", MaxCopiesTo)
	}
	for _, r := range c.CopiesTo {
		checkLine(&p, FieldText, "Nơi nhận", "Copies to", r, false)
	}
	if c.Deadline.IsZero() {
		p.add(FieldDeadline, "Hạn đăng ký: không được để trống (dd/mm/yyyy)", "Deadline: must not be empty (dd/mm/yyyy)")
	} else if !c.DeadlineInYear() {
		p.add(FieldDeadline, "Hạn đăng ký %s không thuộc năm %d của đợt đăng ký", "Deadline %s is not in the campaign's year %d", c.Deadline, c.Year)
	}
	for g, q := range c.Quotas {
		p = append(p, q.Validate(g)...)
	}
	return p
}

// Validate checks the quota of group g: a minimum not below 0, a target
// not below the minimum.
func (q Quota) Validate(g Group) Problems {
	var p Problems
	if q.Required < 0 || q.Target < q.Required {
		p.addLabelled(FieldText, g.Label(lang.VI), g.Label(lang.EN), "Chỉ tiêu %s: tối thiểu %d, phấn đấu %d không hợp lệ",
			"Quota %s: minimum %d, target %d is not valid", q.Required, q.Target)
	}
	return p
}
