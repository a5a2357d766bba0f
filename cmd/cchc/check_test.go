package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cchc check judges "in the future" by the clerk's today, CCHC_TODAY in
// training, as the commands that record letters do: a letter received on
// 10/04/2023 is in the future on 05/04/2023 (told in both languages, exit
// 1) and not on 10/04/2023; and a letter received on a training today
// after the machine's clock is recorded.
func TestCheckTakesTheClerksToday(t *testing.T) {
	eachBackend(t, func(t *testing.T, db string) {
		dir := t.TempDir()
		list := filepath.Join(dir, "so-y-te.csv")
		body := "STT,Tên mô hình,Loại,Lĩnh vực CCHC\n1,Một cửa điện tử thông minh,Mô hình,Cải cách thủ tục hành chính\n"
		if err := os.WriteFile(list, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv("CCHC_TODAY", "10/04/2023")
		if code, out, errs := cchc(t, "--db", db, "import", "registrations", list, "--agency", "Sở Y tế"); code != 0 {
			t.Fatalf("import: exit %d\n%s%s", code, out, errs)
		}
		if code, out, errs := cchc(t, "--db", db, "check"); code != 0 || !strings.Contains(out, ": ổn (") {
			t.Errorf("check on the day it came: exit %d\n%s%s", code, out, errs)
		}
		t.Setenv("CCHC_TODAY", "05/04/2023")
		// the letter has no number: it is named by its id, which a server's
		// sequence may have moved past 1
		for _, c := range []struct{ lang, start, line, tally string }{
			{"vi", "- Văn bản #", ": ngày nhận 10/04/2023 còn ở tương lai (sửa ngoài chương trình?)\n", ": có 1 vấn đề (xem danh sách trên)"},
			{"en", "- Letter #", ": received on 10/04/2023, in the future (edited outside the program?)\n", ": 1 problem (listed above)"},
		} {
			code, out, errs := cchc(t, "--lang", c.lang, "--db", db, "check")
			if code != exitFailure || !strings.HasPrefix(out, c.start) || !strings.HasSuffix(out, c.line) || strings.Count(out, "\n") != 1 || !strings.Contains(errs, c.tally) {
				t.Errorf("check before it came (%s): exit %d\n%s%s", c.lang, code, out, errs)
			}
		}
		// a training day past the machine's clock: what arrives that day is
		// recorded, and checked clean
		t.Setenv("CCHC_TODAY", "05/01/2099")
		if code, out, errs := cchc(t, "--db", db, "import", "registrations", list, "--agency", "Sở Tư pháp"); code != 0 {
			t.Fatalf("import on 05/01/2099: exit %d\n%s%s", code, out, errs)
		}
		if code, out, errs := cchc(t, "--db", db, "check"); code != 0 {
			t.Errorf("check on 05/01/2099: exit %d\n%s%s", code, out, errs)
		}
	})
}
