package campaign

import (
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// Stage is where a registered model stands during the year.
type Stage string

const (
	Registered  Stage = "registered"  // Đã đăng ký: the starting point
	InProgress  Stage = "in_progress" // Đang triển khai
	Completed   Stage = "completed"   // Đã hoàn thành
	Replicating Stage = "proposed"    // Đề xuất nhân rộng
	Recognised  Stage = "recognised"  // Được công nhận
	Stopped     Stage = "stopped"     // Dừng thực hiện
)

// Stages in the order reports list them.
var Stages = []Stage{Registered, InProgress, Completed, Replicating, Recognised, Stopped}

func (s Stage) Label(l lang.Lang) string {
	switch s {
	case Registered:
		return l.T("Đã đăng ký", "Registered")
	case InProgress:
		return l.T("Đang triển khai", "Under way")
	case Completed:
		return l.T("Đã hoàn thành", "Completed")
	case Replicating:
		return l.T("Đề xuất nhân rộng", "Proposed for replication")
	case Recognised:
		return l.T("Được công nhận", "Recognised")
	case Stopped:
		return l.T("Dừng thực hiện", "Stopped")
	}
	return string(s)
}

// Valid reports whether s is one of Stages.
func (s Stage) Valid() bool {
	for _, x := range Stages {
		if x == s {
			return true
		}
	}
	return false
}

// next lists the stages a model may move to from each stage: a model is
// carried out before it is completed, completed before it is proposed for
// replication or recognised; it may stop while not yet completed and
// resume after stopping.
var next = map[Stage][]Stage{
	Registered:  {InProgress, Stopped},
	InProgress:  {Completed, Stopped},
	Completed:   {Replicating, Recognised},
	Replicating: {Recognised},
	Recognised:  nil,
	Stopped:     {InProgress},
}

// Next lists the stages reachable from s in one step.
func (s Stage) Next() []Stage { return next[s] }

// CanMoveTo reports whether a model at s may move to t.
func (s Stage) CanMoveTo(t Stage) bool {
	for _, x := range next[s] {
		if x == t {
			return true
		}
	}
	return false
}

// Step is one change of stage, with its day and a short note.
type Step struct {
	ID             int64
	RegistrationID int64
	Stage          Stage
	On             vndate.Date
	Note           string
}

// CheckStep says why a model at stage from, last changed on since, may not
// take step (nil when it may). today bounds the step's day.
func CheckStep(from Stage, since vndate.Date, step Step, today vndate.Date) *lang.Error {
	switch {
	case !step.Stage.Valid():
		return lang.Errorf("Tiến độ: chọn một bước trong danh sách", "Progress: choose a stage from the list")
	case step.Stage == from:
		return lang.Errorf("Tiến độ: mô hình đang ở bước «%s» rồi", "Progress: the model is already «%s»", from.Label(lang.VI))
	case !from.CanMoveTo(step.Stage):
		return &lang.Error{
			VI: lang.VI.F("Tiến độ: không chuyển được từ «%s» sang «%s»%s", "", from.Label(lang.VI), step.Stage.Label(lang.VI), allowed(from, lang.VI)),
			EN: lang.EN.F("", "Progress: cannot go from «%s» to «%s»%s", from.Label(lang.EN), step.Stage.Label(lang.EN), allowed(from, lang.EN)),
		}
	case step.On.IsZero():
		return lang.Errorf("Ngày: không được để trống (dd/mm/yyyy)", "Date: must not be empty (dd/mm/yyyy)")
	case !today.IsZero() && step.On.After(today):
		return lang.Errorf("Ngày: %s là ngày trong tương lai", "Date: %s is in the future", step.On)
	case !since.IsZero() && step.On.Before(since):
		return lang.Errorf("Ngày: %s trước lần cập nhật trước (%s)", "Date: %s is before the previous change (%s)", step.On, since)
	case len([]rune(step.Note)) > MaxLine:
		return lang.Errorf("Ghi chú tiến độ: quá dài (tối đa %d ký tự)", "Progress note: too long (at most %d characters)", MaxLine)
	}
	return nil
}

// allowed names the stages reachable from s, for messages.
func allowed(s Stage, l lang.Lang) string {
	var names []string
	for _, x := range next[s] {
		names = append(names, "«"+x.Label(l)+"»")
	}
	if len(names) == 0 {
		return l.T(" (đây là bước cuối)", " (this is the last stage)")
	}
	out := ""
	for i, n := range names {
		if i > 0 {
			out += l.T(" hoặc ", " or ")
		}
		out += n
	}
	return l.F("; từ bước này chỉ chuyển được sang %s", "; from here only %s", out)
}
