package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/compliance"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// a small campaign signed by a deputy, with a Nơi nhận of its own
func deputyReminder(replyBy vndate.Date, asOf vndate.Date) Reminder {
	c := campaign.Campaign{Year: 2023, Issuer: "Sở Nội vụ", IssuerParent: "UBND tỉnh Hà Tĩnh", Place: "Hà Tĩnh",
		LetterNumber: "215/SNV-CCHC&VTLT", LetterDate: vndate.Of(2023, 2, 22), Deadline: vndate.Of(2023, 3, 24),
		SignerAuthority: "KT. Giám đốc", SignerTitle: "Phó Giám đốc", SignerName: "Nguyễn Văn Hùng",
		CopiesTo: []string{"Như trên", "UBND tỉnh (b/c)", "Lưu: VT, CCHC&VTLT"},
		Quotas:   map[campaign.Group]campaign.Quota{campaign.Department: {Required: 1, Target: 1}}}
	sum := compliance.Judge(c, []compliance.Agency{{ID: 2, Name: "Sở Y tế", Group: campaign.Department}}, nil, asOf)
	return Reminder{Campaign: c, Summary: sum, Lang: lang.VI, ReplyBy: replyBy}
}

// --reply-by puts the new deadline in the letter, in every format; the
// authority line and the title are two lines; Nơi nhận is the campaign's.
func TestReminderReplyByAndSigner(t *testing.T) {
	r := deputyReminder(vndate.Of(2023, 4, 15), vndate.Of(2023, 4, 5))
	for _, f := range Formats(KindReminder) {
		if Binary(f) {
			continue // docx and pdf are read back below
		}
		var b bytes.Buffer
		if err := r.Write(&b, f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out := b.String()
		if f == "text" {
			out = strings.Join(strings.Fields(out), " ") // the text letter wraps its lines
		}
		if !strings.Contains(out, "trước ngày 15/04/2023") || strings.Contains(out, "……/……/2023 ") {
			t.Errorf("%s: the new deadline is not in the letter:\n%s", f, out)
		}
		if strings.Contains(out, "GIÁM ĐỐC PHÓ") {
			t.Errorf("%s: authority and title on one line:\n%s", f, b.String())
		}
		if !strings.Contains(out, "UBND tỉnh (b/c);") || strings.Contains(out, "Ban Giám đốc Sở") {
			t.Errorf("%s: Nơi nhận is not the campaign's:\n%s", f, out)
		}
	}
	var text bytes.Buffer
	if err := r.Write(&text, "text"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(text.String(), "\n")
	for i, line := range lines {
		if strings.HasSuffix(line, "KT. GIÁM ĐỐC") {
			if i+1 >= len(lines) || !strings.HasSuffix(lines[i+1], "PHÓ GIÁM ĐỐC") {
				t.Fatalf("the title is not under the authority line:\n%s", text.String())
			}
		}
	}
	var html bytes.Buffer
	if err := r.Write(&html, "html"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), "<div>KT. GIÁM ĐỐC</div><div>PHÓ GIÁM ĐỐC</div>") {
		t.Errorf("html signer:\n%s", html.String())
	}
	var js bytes.Buffer
	if err := r.Write(&js, "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Authority string   `json:"signer_authority"`
		Title     string   `json:"signer_title"`
		ReplyBy   string   `json:"reply_by"`
		CopiesTo  []string `json:"copies_to"`
	}
	if err := json.Unmarshal(js.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Authority != "KT. GIÁM ĐỐC" || got.Title != "PHÓ GIÁM ĐỐC" || got.ReplyBy != "2023-04-15" ||
		strings.Join(got.CopiesTo, "|") != "Như trên;|UBND tỉnh (b/c);|Lưu: VT, CCHC&VTLT." {
		t.Errorf("json = %+v", got)
	}
}

// The same in the printed formats: docx paragraphs and the PDF's text.
func TestReminderReplyByAndSignerPrinted(t *testing.T) {
	r := deputyReminder(vndate.Of(2023, 4, 15), vndate.Of(2023, 4, 5))
	var b bytes.Buffer
	if err := r.Write(&b, "docx"); err != nil {
		t.Fatal(err)
	}
	paras := docxParagraphs(t, docxPart(t, b.Bytes(), "word/document.xml"))
	at := func(s string) int {
		for i, p := range paras {
			if strings.Contains(p, s) {
				return i
			}
		}
		t.Fatalf("no paragraph with %q in %q", s, paras)
		return -1
	}
	if a, ti := at("KT. GIÁM ĐỐC"), at("PHÓ GIÁM ĐỐC"); ti != a+1 {
		t.Errorf("docx: authority line at %d, title at %d", a, ti)
	}
	at("trước ngày 15/04/2023")
	at("- UBND tỉnh (b/c);")
	at("Nguyễn Văn Hùng")
	b.Reset()
	if err := r.Write(&b, "pdf"); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pdfText(t, b.Bytes()), "\n")
	flat := strings.Join(strings.Fields(text), " ")
	if !strings.Contains(flat, "trước ngày 15/04/2023") || !strings.Contains(flat, "UBND tỉnh (b/c);") {
		t.Errorf("pdf text:\n%s", text)
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "KT. GIÁM ĐỐC") && strings.Contains(line, "PHÓ GIÁM ĐỐC") {
			t.Errorf("pdf: authority and title on one line: %q", line)
		}
	}
}

// A title typed on one line, as before the authority had a field of its
// own, is still printed on two.
func TestReminderSplitsAOneLineDeputy(t *testing.T) {
	r := deputyReminder(vndate.Date{}, vndate.Of(2023, 4, 5))
	r.Campaign.SignerAuthority, r.Campaign.SignerTitle = "", "KT. Giám đốc Phó Giám đốc"
	let, err := r.Letter()
	if err != nil {
		t.Fatal(err)
	}
	if let.SignerAuthority != "KT. GIÁM ĐỐC" || let.SignerTitle != "PHÓ GIÁM ĐỐC" {
		t.Fatalf("signer = %q / %q", let.SignerAuthority, let.SignerTitle)
	}
	// no new deadline given after the deadline: dots to fill in
	if !strings.Contains(strings.Join(let.Closing, " "), "trước ngày ……/……/2023") {
		t.Errorf("closing = %q", let.Closing)
	}
	r.Campaign.SignerTitle = "Giám đốc"
	if let, err := r.Letter(); err != nil || let.SignerAuthority != "" || let.SignerTitle != "GIÁM ĐỐC" {
		t.Fatalf("the head signing: %q / %q (%v)", let.SignerAuthority, let.SignerTitle, err)
	}
}

// A reminder dated before the request letter it cites, or setting a new
// deadline that is not after its own date, is refused with a message.
func TestReminderDatesAreRefused(t *testing.T) {
	_, err := deputyReminder(vndate.Date{}, vndate.Of(2023, 2, 20)).Letter()
	if msg := lang.Message(err, lang.VI); !strings.Contains(msg, "trước ngày 22/02/2023 của văn bản số 215/SNV-CCHC&VTLT") {
		t.Errorf("dated before the request letter: %q", msg)
	}
	if msg := lang.Message(err, lang.EN); !strings.Contains(msg, "before 22/02/2023, the date of letter No. 215/SNV-CCHC&VTLT") {
		t.Errorf("in English: %q", msg)
	}
	_, err = deputyReminder(vndate.Of(2023, 4, 5), vndate.Of(2023, 4, 5)).Letter()
	if msg := lang.Message(err, lang.VI); !strings.Contains(msg, "Hạn gửi lại 05/04/2023 phải sau ngày của công văn đôn đốc") {
		t.Errorf("a new deadline on the letter's own day: %q", msg)
	}
	if _, err := deputyReminder(vndate.Of(2023, 4, 6), vndate.Of(2023, 2, 22)).Letter(); err != nil {
		t.Errorf("dated the day of the request letter: %v", err)
	}
	// a number left blank for the registry is cited with its dots, as
	// in the letter, not as a bare "số /SNV-CCHC&VTLT"
	r := deputyReminder(vndate.Date{}, vndate.Of(2023, 2, 20))
	r.Campaign.LetterNumber = "/SNV-CCHC&VTLT"
	_, err = r.Letter()
	if msg := lang.Message(err, lang.VI); !strings.Contains(msg, "văn bản số ……/SNV-CCHC&VTLT mà") {
		t.Errorf("a blank number: %q", msg)
	}
}

// The default Nơi nhận is the request letter's.
func TestDefaultCopiesTo(t *testing.T) {
	c := campaign.Campaign{Issuer: "Sở Nội vụ", IssuerParent: "UBND tỉnh Hà Tĩnh", LetterNumber: "/SNV-CCHC&VTLT"}
	if got := "- " + strings.Join(c.Recipients(lang.VI), "; - ") + "."; got != "- Như trên; - UBND tỉnh (b/c); - Ban Giám đốc Sở; - Lưu: VT, CCHC&VTLT." {
		t.Errorf("default = %q", got)
	}
	if got := campaign.ParseCopiesTo("- Như trên;\n- Lưu: VT, CCHC&VTLT."); strings.Join(got, "|") != "Như trên|Lưu: VT, CCHC&VTLT" {
		t.Errorf("parsed = %q", got)
	}
}

// A long recipient wraps in the text letter's left column instead of
// being cut.
func TestReminderTextWrapsLongRecipients(t *testing.T) {
	r := deputyReminder(vndate.Date{}, vndate.Of(2023, 4, 5))
	r.Campaign.CopiesTo = []string{"Như trên", "Các phòng: XDCQ&TCBC, CCVC, VP Sở", "Lưu: VT, CCHC&VTLT"}
	var b bytes.Buffer
	if err := r.Write(&b, "text"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "…\n") || !strings.Contains(strings.Join(strings.Fields(out), " "), "- Các phòng: XDCQ&TCBC, CCVC, VP Sở;") {
		t.Errorf("a recipient cut or lost:\n%s", out)
	}
}
