package files

import (
	"strings"
	"testing"

	"cchc/internal/lang"
)

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		`C:\Users\lan\Công văn.pdf`:       "Công văn.pdf",
		"../../etc/passwd.txt":            "passwd.txt",
		"Tờ\x1b[31m trình\u202e.pdf":      "Tờ[31m trình.pdf",
		"  ..  ":                          "",
		"Cong van":                        "Cong van",
		strings.Repeat("a", 300) + ".pdf": strings.Repeat("a", 116) + ".pdf",
	} {
		if got := CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The content must be what the extension says; csv and txt are text.
func TestCheckContent(t *testing.T) {
	ok := map[string]string{
		"a.pdf": "%PDF-1.4", "b.DOCX": "PK\x03\x04", "c.png": "\x89PNG\r\n\x1a\n", "d.jpg": "\xff\xd8\xff\xe0",
		"e.csv": "STT,Tên\n", "f.txt": "\xff\xfeT\x00", "g.xls": "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
	}
	for name, content := range ok {
		if err := CheckContent(name, []byte(content)); err != nil {
			t.Errorf("%s refused: %v", name, err)
		}
	}
	bad := map[string]string{
		"a.pdf": "PK\x03\x04", "b.docx": "%PDF-", "c.csv": "STT\x00", "d.exe": "MZ", "e": "%PDF-", "f.pdf": "",
	}
	for name, content := range bad {
		err := CheckContent(name, []byte(content))
		if err == nil || lang.Message(err, lang.EN) == "" {
			t.Errorf("%s %q kept", name, content)
		}
	}
}
