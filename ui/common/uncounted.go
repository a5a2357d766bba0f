package common

import "cchc/internal/vndate"

// UncountedLine explains, under totals that hold counted registrations
// received by asOf, why screen 4 lists more: the registrations of units
// the campaign no longer follows (and no unit succeeded) count for no
// group. "" when the totals hold every registration.
func UncountedLine(c *Context, asOf vndate.Date, counted int) string {
	d := c.Data
	if d == nil {
		return ""
	}
	all, stopped := 0, 0
	units := map[int64]bool{}
	for _, r := range d.Received {
		if r.On.After(asOf) {
			continue
		}
		all += r.Registrations
		if a := d.ByID[r.AgencyID]; a != nil && !a.Active && d.Succession.Successor[a.ID] == 0 && r.Registrations > 0 {
			stopped += r.Registrations
			units[a.ID] = true
		}
	}
	left := all - counted
	switch {
	case left <= 0:
		return ""
	case left == stopped:
		return c.F("Không tính %s của %s ngừng theo dõi (màn 4 vẫn liệt kê)",
			"Not counted: %s of %s no longer followed (screen 4 still lists them)",
			c.Lang.Count(left, "mô hình", "registration", "registrations"),
			c.Lang.Count(len(units), "đơn vị", "unit", "units"))
	}
	return c.F("Không tính %s không thuộc nhóm nào có chỉ tiêu (màn 4 vẫn liệt kê)",
		"Not counted: %s in no group with a quota (screen 4 still lists them)",
		c.Lang.Count(left, "mô hình", "registration", "registrations"))
}

// UncountedLines is UncountedLine as drawn under the totals in width:
// indented, muted, on a second line when it is longer than one (72
// columns in English), so that where to see them is never cut. None when
// the totals hold every registration.
func UncountedLines(c *Context, asOf vndate.Date, counted, width int) []string {
	left := UncountedLine(c, asOf, counted)
	if left == "" {
		return nil
	}
	return WrapLines(left, width-2, 2, "  ", c.Styles.Muted)
}
