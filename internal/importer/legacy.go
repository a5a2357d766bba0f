package importer

import (
	"unicode"

	"cchc/internal/lang"
)

// Before Unicode, Vietnamese was typed in fonts of its own encodings:
// TCVN3 (ABC: .VnTime) and VNI (VNI-Times). A file typed so and then
// saved as Unicode holds no Vietnamese letters but Latin-1 signs and
// letters that Vietnamese never uses ("Tªn m« h×nh" for "Tên mô hình",
// "Teân moâ hình" in VNI gives "â" after a vowel): imported, it would be
// mojibake for good, so it is refused with the way to convert it.

// foreign reports a letter or sign of Latin-1 that no Vietnamese word
// holds (Vietnamese uses only À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý of them).
func foreign(r rune) bool {
	if r < 0xA1 || r > 0xFF || r == '·' || r == '°' { // a middle dot or a degree is written in Unicode too
		return false
	}
	if r >= 0xC0 && r != 0xD7 && r != 0xF7 {
		switch r | 0x20 { // the same for capitals and small letters
		case 'à', 'á', 'â', 'ã', 'è', 'é', 'ê', 'ì', 'í', 'ò', 'ó', 'ô', 'õ', 'ù', 'ú', 'ý':
			return false
		}
	}
	return true
}

// vniPair reports VNI's way of writing a tone or a hat: a vowel followed
// by one of the letters VNI puts its marks in and no Vietnamese word has
// after a vowel (ù, ø, û, õ, ï, ä, å, ë, ö; not â: "xuân", nor á: "quá").
func vniPair(prev, r rune) bool {
	switch prev | 0x20 {
	case 'a', 'e', 'i', 'o', 'u', 'y':
	default:
		return false
	}
	switch r {
	case 'ù', 'ø', 'û', 'õ', 'ï', 'ä', 'å', 'ë', 'ö', 'Ù', 'Ø', 'Û', 'Õ', 'Ï', 'Ä', 'Å', 'Ë', 'Ö':
		return true
	}
	return false
}

// oldEncoding reports text typed in TCVN3 or VNI: two signs no Vietnamese
// word has, or a sign and a VNI pair, or three VNI pairs.
func oldEncoding(s string) bool {
	signs, pairs := 0, 0
	prev := rune(0)
	for _, r := range s {
		switch {
		case r == '×' && !unicode.IsLetter(prev): // 72×20 is a size, h×nh is TCVN3's hình
		case foreign(r):
			signs++
		case vniPair(prev, r):
			pairs++
		}
		prev = r
	}
	return signs >= 2 || (signs >= 1 && pairs >= 1) || pairs >= 3
}

// legacyText refuses grids holding a cell typed in an old encoding,
// naming the first such cell.
func legacyText(grids []*Grid) error {
	for _, g := range grids {
		for r, row := range g.Rows {
			for c, cell := range row {
				if !oldEncoding(cell) {
					continue
				}
				sample := []rune(cell)
				if len(sample) > 40 {
					sample = append(sample[:40], '…')
				}
				line := g.line(r)
				if line == 0 {
					line = r + 1 // a line above a Word table
				}
				return lang.Errorf(
					"Chữ trong tệp được gõ bằng bảng mã cũ (TCVN3 hay VNI, phông .VnTime hay VNI-Times), không phải Unicode: dòng %d, cột %d ghi %q; nhập vào sẽ thành chữ sai, nên không nhập gì. Hãy chuyển tệp sang Unicode bằng Unikey (Công cụ chuyển mã: bảng mã nguồn TCVN3 hay VNI, bảng mã đích Unicode) rồi lưu lại và nhập lại",
					"The text of the file is typed in an old encoding (TCVN3 or VNI, a .VnTime or VNI-Times font), not Unicode: row %d, column %d reads %q; imported it would be garbled, so nothing is imported. Convert the file to Unicode with Unikey (its converter: source TCVN3 or VNI, target Unicode), save it and import it again",
					line, c+1, string(sample))
			}
		}
	}
	return nil
}
