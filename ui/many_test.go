package ui

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
)

// followed counts the units of group g the campaign still follows.
func followed(h *harness, g campaign.Group) int {
	n := 0
	for _, a := range h.m.ctx.Data.Agencies {
		if a.Group == g && a.Active {
			n++
		}
	}
	return n
}

func lastChange(t *testing.T, st book.Book) book.Change {
	t.Helper()
	hist, err := st.History(context.Background(), book.HistoryQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) == 0 {
		t.Fatal("no history")
	}
	return hist[0]
}

// Marked units are stopped together after one question naming them all,
// in one change of the history, and followed again the same way; the
// marks go after each action and on esc.
func TestMarkedUnitsAreStoppedAndFollowedTogether(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 80, 24)
	h.keys("2", "/", "ngoai vu", "enter", "m", "esc")
	h.keys("/", "tu phap", "enter", "m", "esc", "x")
	v := h.view()
	if !strings.Contains(v, "Ngừng theo dõi 2 đơn vị (Sở Tư pháp, Sở Ngoại vụ)") && !strings.Contains(v, "Ngừng theo dõi 2 đơn vị (Sở Ngoại vụ, Sở Tư pháp)") {
		t.Fatalf("no question naming both:\n%s", v)
	}
	if strings.Contains(v, "» Sở") {
		t.Fatalf("marks kept after the action:\n%s", v)
	}
	h.keys("y")
	for _, name := range []string{"Sở Ngoại vụ", "Sở Tư pháp"} {
		if h.m.ctx.Data.Agencies[findAgency(h, name)].Active {
			t.Fatalf("%s still followed", name)
		}
	}
	if c := lastChange(t, st); c.Op != book.OpStop || !strings.Contains(c.Summary(lang.VI), "Sở Ngoại vụ") || !strings.Contains(c.Summary(lang.VI), "Sở Tư pháp") {
		t.Fatalf("history: %s %q", c.Op, c.Summary(lang.VI))
	}
	// both again, together
	h.keys("/", "ngoai vu", "enter", "m", "esc", "/", "tu phap", "enter", "m", "esc", "x")
	if v := h.view(); !strings.Contains(v, "Theo dõi lại 2 đơn vị") {
		t.Fatalf("no question:\n%s", v)
	}
	h.keys("y")
	if !h.m.ctx.Data.Agencies[findAgency(h, "Sở Tư pháp")].Active || lastChange(t, st).Op != book.OpFollow {
		t.Fatal("not followed again")
	}
	// esc clears marks
	h.keys("m", "esc")
	if v := h.view(); strings.Contains(v, "đã đánh dấu") || strings.Contains(v, "» ") {
		t.Fatalf("marks kept after esc:\n%s", v)
	}
}

// The group filter stops the whole group, as cchc agency stop --group
// district does: one question, one change.
func TestTheGroupFilterStopsTheGroup(t *testing.T) {
	st := seeded(t)
	for _, l := range []lang.Lang{lang.EN, lang.VI} {
		h := newHarness(t, st, l, 80, 24)
		if followed(h, campaign.District) == 0 {
			t.Fatal("no district followed")
		}
		h.keys("2")
		for i := 0; i < 4 && !strings.Contains(h.view(), campaign.District.Short(l)+" ▾"); i++ {
			h.keys("f")
		}
		if v := h.view(); !strings.Contains(v, l.T("X ngừng theo dõi cả nhóm", "X stop the whole group")) {
			t.Fatalf("the key is not told:\n%s", v)
		}
		if l == lang.EN {
			continue
		}
		n := followed(h, campaign.District)
		h.keys("X")
		if v := h.view(); !strings.Contains(v, "Ngừng theo dõi "+itoa(n)+" đơn vị (") {
			t.Fatalf("no question:\n%s", v)
		}
		h.keys("y")
		if followed(h, campaign.District) != 0 {
			t.Fatal("districts still followed")
		}
		c := lastChange(t, st)
		if c.Op != book.OpStop || !strings.Contains(c.Summary(lang.VI), "đơn vị khác") {
			t.Fatalf("history: %s %q", c.Op, c.Summary(lang.VI))
		}
	}
}
