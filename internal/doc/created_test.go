package doc

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// A PDF says when it was made, as a reader's properties show it: the day
// it was written, not 01/01/2000 (issue 25); a document that fixes its
// Created says that.
func TestPDFCreationDate(t *testing.T) {
	t.Parallel()
	date := regexp.MustCompile(`/(CreationDate|ModDate) \(D:(\d{14})`)
	created := func(d *Document) map[string]string {
		t.Helper()
		var b strings.Builder
		if err := d.WritePDF(&b); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, m := range date.FindAllStringSubmatch(b.String(), -1) {
			out[m[1]] = m[2]
		}
		if len(out) != 2 {
			t.Fatalf("dates %v, want the creation and modification dates", out)
		}
		return out
	}
	before := time.Now().Add(-time.Second)
	got := created(&Document{Title: "t", Blocks: []Block{Text("Báo cáo", Left)}})
	after := time.Now().Add(time.Second)
	for name, v := range got {
		d, err := time.ParseInLocation("20060102150405", v, time.Local)
		if err != nil || d.Before(before.Truncate(time.Second)) || d.After(after) {
			t.Errorf("%s = %s (%v), want now, between %s and %s", name, v, err, before.Format(time.DateTime), after.Format(time.DateTime))
		}
	}
	fixed := time.Date(2023, 12, 31, 16, 30, 0, 0, time.Local)
	for name, v := range created(&Document{Title: "t", Created: fixed, Blocks: []Block{Text("Báo cáo", Left)}}) {
		if v != "20231231163000" {
			t.Errorf("%s = %s, want 20231231163000", name, v)
		}
	}
}
