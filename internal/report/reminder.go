package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/vndate"
	"cchc/internal/vntext"
)

// Reminder is the draft of a reminder letter (công văn đôn đốc) from the
// Department to the agencies still short, laid out per Nghị định
// 30/2020/NĐ-CP. Every name, place and signer comes from the campaign.
type Reminder struct {
	Campaign campaign.Campaign
	Summary  compliance.Summary
	Lang     lang.Lang
	// ReplyBy is the new deadline the letter sets (--reply-by); zero
	// leaves dots to fill in once the deadline has passed.
	ReplyBy vndate.Date
}

// ErrNobodyToRemind: every agency has met its quota, so there is no letter to write.
var ErrNobodyToRemind = lang.Errorf("Không có cơ quan, đơn vị nào cần đôn đốc: tất cả đã đăng ký đủ chỉ tiêu",
	"Nobody to remind: every agency has met its quota")

// Letter is the reminder's content, ready for any format.
type Letter struct {
	Head      Letterhead
	Number    string   // "Số:      /SNV-CCHC&VTLT": the number is left for the registry to fill in
	Subject   string   // "V/v đôn đốc …"
	PlaceDate string   // "Hà Tĩnh, ngày 05 tháng 4 năm 2023"
	To        []string // Kính gửi
	Opening   []string // paragraphs before the list
	Groups    []OwingGroup
	Closing   []string // paragraphs after the list
	CopiesTo  []string // Nơi nhận, each item ending with ";" and the last with "."
	// SignerAuthority ("KT. GIÁM ĐỐC", "" when the head signs) and
	// SignerTitle ("PHÓ GIÁM ĐỐC") are two lines above the signer's name.
	SignerAuthority string
	SignerTitle     string
	SignerName      string
	ReplyBy         vndate.Date // the new deadline; zero when the letter does not set one
	Lang            lang.Lang
}

// PlaceDate is the dated line of an official paper: days below 10 and the
// months January and February take a leading zero (Nghị định 30/2020/NĐ-CP).
func PlaceDate(place string, d vndate.Date, l lang.Lang) string {
	day := fmt.Sprintf("%02d", d.Day())
	month := itoa(int(d.Month()))
	if d.Month() <= 2 {
		month = "0" + month
	}
	if l == lang.EN {
		return fmt.Sprintf("%s, %s", place, d)
	}
	return fmt.Sprintf("%s, ngày %s tháng %s năm %d", place, day, month, d.Year())
}

// numberCode is the request letter's number without its serial: a reminder
// from the same office carries the same code ("/SNV-CCHC&VTLT").
func numberCode(n string) string {
	return strings.TrimLeftFunc(n, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsSpace(r) })
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	// Keep an acronym as it is: "CCHC năm 2023".
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// two writes a count the way official letters do: 01, 02, 12.
func two(n int) string { return fmt.Sprintf("%02d", n) }

// collective is how a letter addresses all the agencies of a group.
func collective(g campaign.Group, l lang.Lang) string {
	switch g {
	case campaign.Department:
		return l.T("Các sở, ban, ngành cấp tỉnh", "Provincial departments")
	case campaign.Central:
		return l.T("Các cơ quan Trung ương đóng trên địa bàn tỉnh", "Central agencies in the province")
	case campaign.District:
		return l.T("UBND các huyện, thành phố, thị xã", "District people's committees")
	case campaign.Commune:
		return l.T("UBND các xã, phường", "Commune and ward people's committees") // judged directly since 1 July 2025
	}
	return g.Label(l)
}

// addressee is how a letter is addressed to one agency: to the people's
// committee of a district or a commune ("UBND huyện Cẩm Xuyên"), to a
// department or a central agency by its name.
func addressee(a compliance.Agency, l lang.Lang) string {
	if a.Group != campaign.District && a.Group != campaign.Commune {
		return a.Name
	}
	if f := vntext.Fold(a.Name); strings.HasPrefix(f, "ubnd ") || strings.HasPrefix(f, "uy ban nhan dan ") {
		return a.Name
	}
	return l.F("UBND %s", "People's Committee of %s", lowerFirst(a.Name))
}

// withoutIssuer drops the Department itself from the agencies a reminder
// is sent to: it does not write to itself (its own registration is an
// internal matter). The issuer is matched by name: "Sở Nội vụ" is the
// agency of the issuer "Sở Nội vụ" or "Sở Nội vụ tỉnh Hà Tĩnh".
func withoutIssuer(groups []OwingGroup, issuer string) []OwingGroup {
	key := vntext.Fold(issuer)
	if key == "" {
		return groups
	}
	var out []OwingGroup
	for _, g := range groups {
		var keep []Owing
		for _, o := range g.Agencies {
			if name := vntext.Fold(o.Agency.Name); name == key || strings.HasPrefix(key, name+" ") {
				continue
			}
			keep = append(keep, o)
		}
		if len(keep) > 0 {
			out = append(out, OwingGroup{Group: g.Group, Agencies: keep})
		}
	}
	return out
}

// listEnd is the end of an item of the reminder's list: ";" but for the
// last, which ends the list with ".".
func listEnd(groups []OwingGroup, gi, i int) string {
	if gi == len(groups)-1 && i == len(groups[gi].Agencies)-1 {
		return "."
	}
	return ";"
}

// maxNamed is how many agencies the letter addresses by name; more are
// addressed by group and named in the list.
const maxNamed = 6

// owes says what one agency still owes: "chưa đăng ký (chỉ tiêu tối thiểu 01)".
func owes(o Owing, l lang.Lang) string {
	q := l.F("chỉ tiêu tối thiểu %s", "minimum %s", two(o.Quota.Required))
	if o.Quota.Target > o.Quota.Required {
		q += l.F(", phấn đấu %s", ", target %s", two(o.Quota.Target))
	}
	if o.Registered == 0 {
		return l.F("chưa đăng ký (%s)", "nothing registered (%s)", q)
	}
	return l.F("đã đăng ký %s, còn thiếu %s (%s)", "%s registered, %s more needed (%s)", two(o.Registered), two(o.Owed), q)
}

// requestNumber is the request letter's number as the reminder cites it,
// with dots to fill in where the campaign leaves the number blank
// ("……/SNV-CCHC&VTLT"), never a bare "/SNV-CCHC&VTLT".
func requestNumber(c campaign.Campaign) string {
	number := clean(c.LetterNumber)
	if number == "" || strings.HasPrefix(number, "/") {
		number = "……" + number
	}
	return number
}

// Letter composes the reminder; ErrNobodyToRemind when nobody is short.
func (r Reminder) Letter() (Letter, error) {
	l, c, s := r.Lang, r.Campaign, r.Summary
	if !c.LetterDate.IsZero() && s.AsOf.Before(c.LetterDate) {
		return Letter{}, lang.Errorf("Công văn đôn đốc không thể ghi ngày %s, trước ngày %s của văn bản số %s mà nó nhắc lại; hãy chọn ngày từ %s trở đi",
			"The reminder cannot be dated %s, before %s, the date of letter No. %s that it cites; choose a day from %s on",
			s.AsOf, c.LetterDate, requestNumber(c), c.LetterDate)
	}
	if !r.ReplyBy.IsZero() && !r.ReplyBy.After(s.AsOf) {
		return Letter{}, lang.Errorf("Hạn gửi lại %s phải sau ngày của công văn đôn đốc (%s)",
			"The new deadline %s must be after the reminder's date (%s)", r.ReplyBy, s.AsOf)
	}
	groups := withoutIssuer(owing(s), clean(c.Issuer))
	if len(groups) == 0 {
		return Letter{}, ErrNobodyToRemind
	}
	count := 0
	for _, g := range groups {
		count += len(g.Agencies)
	}
	code := numberCode(clean(c.LetterNumber))
	authority, title := c.Signer()
	let := Letter{
		Head:            letterhead(c, l),
		Number:          l.T("Số:", "No.:") + "        " + code,
		Subject:         l.F("V/v đôn đốc đăng ký xây dựng mô hình, sáng kiến, cách làm hay trong CCHC năm %d", "Re: reminder to register administrative-reform models and initiatives, %d", c.Year),
		PlaceDate:       PlaceDate(clean(c.Place), s.AsOf, l),
		Groups:          groups,
		SignerAuthority: upper(authority),
		SignerTitle:     upper(title),
		SignerName:      clean(c.SignerName),
		ReplyBy:         r.ReplyBy,
		Lang:            l,
	}
	if count <= maxNamed {
		for _, g := range groups {
			for _, o := range g.Agencies {
				let.To = append(let.To, addressee(o.Agency, l))
			}
		}
	} else {
		for _, g := range groups {
			let.To = append(let.To, collective(g.Group, l))
		}
	}
	// a request letter whose day the campaign does not say gets dots
	// to fill in, as a draft does
	letterRef := l.F("Văn bản số %s", "letter No. %s", requestNumber(c))
	if !c.LetterDate.IsZero() {
		letterRef += l.F(" ngày %s", " of %s", c.LetterDate)
	} else {
		letterRef += l.F(" ngày ……/……/%d", " of ……/……/%d", c.Year)
	}
	issuer := clean(c.Issuer)
	let.Opening = append(let.Opening, l.F(
		"%s đã có %s về việc %s, đề nghị các cơ quan, đơn vị, địa phương đăng ký và gửi về %s trước ngày %s.",
		"%s sent %s on %s, asking agencies to register and send their registrations to %s by %s.",
		issuer, letterRef, lowerFirst(clean(c.Title)), issuer, c.Deadline))
	when := l.F("Tính đến ngày %s", "As of %s", s.AsOf)
	if days := s.DaysLeft(); days < 0 {
		when += l.F(" (đã quá hạn %s ngày)", " (%s days past the deadline)", l.Num(-days))
	}
	let.Opening = append(let.Opening, l.F(
		"%s, còn %s cơ quan, đơn vị, địa phương chưa đăng ký hoặc chưa đăng ký đủ số lượng theo chỉ tiêu, cụ thể như sau:",
		"%s, %s agencies have not registered, or not as many as their quota asks:", when, two(count)))
	newDeadline := l.F("trước ngày ……/……/%d", "by ……/……/%d", s.AsOf.Year())
	switch {
	case !r.ReplyBy.IsZero():
		newDeadline = l.F("trước ngày %s", "by %s", r.ReplyBy)
	case s.DaysLeft() >= 0:
		newDeadline = l.F("trước ngày %s", "by %s", c.Deadline)
	}
	basis := ""
	if b := clean(c.LegalBasis); b != "" {
		basis = l.F(" %s", " of %s", b)
	}
	let.Closing = append(let.Closing,
		l.F("Để bảo đảm tiến độ thực hiện%s, %s đề nghị các cơ quan, đơn vị, địa phương nêu trên khẩn trương lựa chọn, đăng ký xây dựng mô hình, sáng kiến, cách làm hay trong cải cách hành chính (có mẫu kèm theo %s) và gửi về %s %s.",
			"To keep to the schedule%s, %s asks the agencies above to choose and register their models and initiatives without delay (on the template attached to %s) and send them to %s %s.",
			basis, issuer, letterRef, issuer, newDeadline),
		l.T("Đề nghị các cơ quan, đơn vị, địa phương quan tâm, phối hợp thực hiện./.",
			"Thank you for your attention and cooperation."))
	let.CopiesTo = listItems(c.Recipients(l))
	return let, nil
}

// Write writes the letter in format f (text, md, html, docx, pdf, json).
func (r Reminder) Write(w io.Writer, f string) error {
	if !contains(Formats(KindReminder), f) && f != "" {
		return unknownFormat(f, KindReminder)
	}
	let, err := r.Letter()
	if err != nil {
		return err
	}
	if f == "json" {
		return let.writeJSON(w, r.Campaign, r.Summary)
	}
	return writeDoc(let.Document(), w, f)
}

func (let Letter) writeJSON(w io.Writer, c campaign.Campaign, s compliance.Summary) error {
	return writeJSON(w, struct {
		Campaign     jsonCampaign `json:"campaign"`
		IssuerParent string       `json:"issuer_parent"`
		Issuer       string       `json:"issuer"`
		Number       string       `json:"number"`
		Subject      string       `json:"subject"`
		PlaceDate    string       `json:"place_date"`
		To           []string     `json:"to"`
		Opening      []string     `json:"opening"`
		Agencies     []jsonOwing  `json:"agencies"`
		Closing      []string     `json:"closing"`
		CopiesTo     []string     `json:"copies_to"`
		SignerAuth   string       `json:"signer_authority"`
		SignerTitle  string       `json:"signer_title"`
		SignerName   string       `json:"signer_name"`
		ReplyBy      string       `json:"reply_by"`
	}{jsonCampaignOf(c, s), let.Head.Parent, let.Head.Issuer, let.Number, let.Subject, let.PlaceDate, let.To,
		let.Opening, jsonOwingList(let.Groups), let.Closing, let.CopiesTo, let.SignerAuthority, let.SignerTitle, let.SignerName,
		let.ReplyBy.ISO()})
}

// LeftOutOfReminder is how many agencies the list of those short names and
// which of them the reminder leaves out (the Department itself), for a
// screen to say why the two counts differ.
func LeftOutOfReminder(s compliance.Summary, issuer string) (listed int, leftOut []string) {
	sent := map[int64]bool{}
	for _, g := range withoutIssuer(owing(s), clean(issuer)) {
		for _, o := range g.Agencies {
			sent[o.Agency.ID] = true
		}
	}
	for _, g := range owing(s) {
		for _, o := range g.Agencies {
			listed++
			if !sent[o.Agency.ID] {
				leftOut = append(leftOut, o.Agency.Name)
			}
		}
	}
	return listed, leftOut
}
