package ui

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// selectedRow is the list's selected row (the first line with the mark).
func selectedRow(h *harness) string { return lineWith(h.view(), "› ") }

func stepsOf(t *testing.T, h *harness, title string) []campaign.Step {
	t.Helper()
	steps, err := h.m.book.ProgressSteps(context.Background(), findRow(t, h, title).ID)
	if err != nil {
		t.Fatal(err)
	}
	return steps
}

// Year-end: p, the day and ctrl+s step a model from the list, which
// keeps it selected and shows its stage; ↓ p ctrl+s steps the next, on
// the day of the last step; g filters by stage.
func TestTheModelsListStepsModelsOneAfterAnother(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.VI, 140, 40)
	h.keys("4", "down", "down") // Phường thông minh
	h.keys("p", "tab", "26/03/2023", "ctrl+s")
	if row := selectedRow(h); !strings.Contains(row, "Phường thông minh") || !strings.Contains(row, "Đang triển khai") {
		t.Fatalf("after the step the list shows:\n%s", h.view())
	}
	h.keys("down", "p", "ctrl+s")
	if row := selectedRow(h); !strings.Contains(row, "Một cửa số") || !strings.Contains(row, "Đang triển khai") {
		t.Fatalf("the next model:\n%s", h.view())
	}
	for _, title := range []string{"Phường thông minh", "Một cửa số"} {
		steps := stepsOf(t, h, title)
		if len(steps) != 1 || steps[0].Stage != campaign.InProgress || !steps[0].On.Equal(vndate.Of(2023, 3, 26)) {
			t.Fatalf("%s: %+v", title, steps)
		}
	}
	h.keys("g")
	v := h.view()
	if !strings.Contains(v, "Tiến độ: Đã đăng ký") || !strings.Contains(v, "5 mô hình") {
		t.Fatalf("filtered on Đã đăng ký:\n%s", v)
	}
	h.keys("g")
	v = h.view()
	if !strings.Contains(v, "Tiến độ: Đang triển khai") || !strings.Contains(v, "/2 mô hình") || strings.Contains(v, "Bản đồ số") {
		t.Fatalf("filtered on Đang triển khai:\n%s", v)
	}
}

// The list keeps its place after an edit and a delete: the row edited
// stays selected, a row deleted gives its place to the next.
func TestTheModelsListKeepsItsPlace(t *testing.T) {
	st := seeded(t)
	h := newHarness(t, st, lang.EN, 80, 24)
	h.keys("4", "down", "down", "down") // Một cửa số
	h.keys("e", " mới", "ctrl+s")
	if row := selectedRow(h); !strings.Contains(row, "Một cửa số mới") {
		t.Fatalf("after an edit:\n%s", h.view())
	}
	h.keys("d", "y")
	if row := selectedRow(h); !strings.Contains(row, "Chợ không tiền mặt") {
		t.Fatalf("after a delete:\n%s", h.view())
	}
}
