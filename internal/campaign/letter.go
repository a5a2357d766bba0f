package campaign

import (
	"strings"

	"cchc/internal/lang"
	"cchc/internal/vntext"
)

// MaxCopiesTo bounds the "Nơi nhận" list: a letter's foot, not a mailing list.
const MaxCopiesTo = 20

// Recipients is the campaign's "Nơi nhận": its own list, else the default.
func (c Campaign) Recipients(l lang.Lang) []string {
	if len(c.CopiesTo) > 0 {
		return c.CopiesTo
	}
	return DefaultCopiesTo(c, l)
}

// DefaultCopiesTo is the "Nơi nhận" of the Department's request letter,
// built from the campaign's issuer and letter code: "Như trên", "UBND tỉnh
// (b/c)", "Ban Giám đốc Sở", "Lưu: VT, CCHC&VTLT".
func DefaultCopiesTo(c Campaign, l lang.Lang) []string {
	out := []string{l.T("Như trên", "Addressees above")}
	if p := strings.TrimSpace(c.IssuerParent); p != "" {
		// within the province its people's committee is "UBND tỉnh"
		if f := vntext.Fold(p); strings.HasPrefix(f, "ubnd tinh") || strings.HasPrefix(f, "uy ban nhan dan tinh") {
			p = "UBND tỉnh"
		}
		out = append(out, l.F("%s (b/c)", "%s (for information)", p))
	}
	if strings.HasPrefix(vntext.Fold(c.Issuer), "so ") {
		out = append(out, l.T("Ban Giám đốc Sở", "The Department's directors"))
	}
	archive := l.T("Lưu: VT", "File: VT")
	if o := draftingOffice(c.LetterNumber); o != "" {
		archive += ", " + o
	}
	return append(out, archive)
}

// draftingOffice is the part of a letter's code after its last dash
// ("/SNV-CCHC&VTLT" → "CCHC&VTLT"), for "Lưu: VT, CCHC&VTLT".
func draftingOffice(number string) string {
	if i := strings.LastIndex(number, "-"); i >= 0 && i+1 < len(number) {
		return strings.TrimSpace(number[i+1:])
	}
	return ""
}

// ParseCopiesTo reads a "Nơi nhận" list as the clerk types or pastes it:
// items separated by ";" or line breaks, each may start with "-" and end
// with "." ("- Như trên; - UBND tỉnh (b/c); - Lưu: VT, CCHC&VTLT.").
func ParseCopiesTo(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '\n' || r == '\r' }) {
		part = strings.TrimSpace(part)
		part = strings.TrimSpace(strings.TrimLeft(part, "-–•+* "))
		part = strings.TrimRight(strings.TrimSuffix(strings.TrimSpace(part), "./."), ". ")
		if part != "" {
			out = append(out, vntext.Line(part))
		}
	}
	return out
}

// JoinCopiesTo writes a "Nơi nhận" list on one line, as ParseCopiesTo reads it.
func JoinCopiesTo(list []string) string { return strings.Join(list, "; ") }

// Signer is the signer's authority line ("KT. Giám đốc", "" when the head
// signs) and title, on two lines. A title typed on one line as "KT. Giám
// đốc Phó Giám đốc", or over two lines, is split where the deputy's title
// begins.
func (c Campaign) Signer() (authority, title string) {
	authority, title = strings.TrimSpace(c.SignerAuthority), strings.TrimSpace(c.SignerTitle)
	if a, t, ok := strings.Cut(title, "\n"); ok && authority == "" {
		return strings.TrimSpace(a), strings.TrimSpace(t)
	}
	if authority != "" || !strings.HasPrefix(vntext.Fold(title), "kt.") {
		return authority, title
	}
	for _, deputy := range []string{" Phó ", " PHÓ ", " phó "} {
		if i := strings.LastIndex(title, deputy); i > 0 {
			return strings.TrimSpace(title[:i]), strings.TrimSpace(title[i:])
		}
	}
	return authority, title
}
