package campaign

import (
	"strings"
	"testing"

	"cchc/internal/lang"
	"cchc/internal/vndate"
)

func TestStageTransitions(t *testing.T) {
	t.Parallel()
	allowedMoves := map[[2]Stage]bool{
		{Registered, InProgress}: true, {Registered, Stopped}: true,
		{InProgress, Completed}: true, {InProgress, Stopped}: true,
		{Completed, Replicating}: true, {Completed, Recognised}: true,
		{Replicating, Recognised}: true,
		{Stopped, InProgress}:     true,
	}
	for _, from := range Stages {
		for _, to := range Stages {
			want := allowedMoves[[2]Stage{from, to}]
			if got := from.CanMoveTo(to); got != want {
				t.Errorf("%s → %s: %v, want %v", from, to, got, want)
			}
		}
	}
}

func TestCheckStep(t *testing.T) {
	t.Parallel()
	today := vndate.Of(2023, 12, 20)
	since := vndate.Of(2023, 6, 1)
	cases := []struct {
		name string
		from Stage
		step Step
		want string // "" = allowed
	}{
		{"start the work", Registered, Step{Stage: InProgress, On: vndate.Of(2023, 6, 2)}, ""},
		{"same day as the last change", Registered, Step{Stage: InProgress, On: since}, ""},
		{"skip carrying it out", Registered, Step{Stage: Completed, On: vndate.Of(2023, 7, 1)}, "không chuyển được từ «Đã đăng ký» sang «Đã hoàn thành»; từ bước này chỉ chuyển được sang «Đang triển khai» hoặc «Dừng thực hiện»"},
		{"recognised is final", Recognised, Step{Stage: Stopped, On: vndate.Of(2023, 7, 1)}, "đây là bước cuối"},
		{"already there", InProgress, Step{Stage: InProgress, On: vndate.Of(2023, 7, 1)}, "đang ở bước «Đang triển khai» rồi"},
		{"before the previous change", Registered, Step{Stage: InProgress, On: vndate.Of(2023, 5, 1)}, "trước lần cập nhật trước (01/06/2023)"},
		{"in the future", InProgress, Step{Stage: Completed, On: vndate.Of(2024, 1, 1)}, "trong tương lai"},
		{"no date", InProgress, Step{Stage: Completed}, "Ngày: không được để trống"},
		{"unknown stage", InProgress, Step{Stage: "done", On: vndate.Of(2023, 7, 1)}, "chọn một bước"},
		{"resume after stopping", Stopped, Step{Stage: InProgress, On: vndate.Of(2023, 7, 1)}, ""},
	}
	for _, tc := range cases {
		err := CheckStep(tc.from, since, tc.step, today)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: refused: %s", tc.name, err.VI)
		case tc.want != "" && (err == nil || !strings.Contains(lang.Message(err, lang.VI), tc.want)):
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	if err := CheckStep(Registered, since, Step{Stage: Completed, On: vndate.Of(2023, 7, 1)}, today); !strings.Contains(err.EN, "cannot go from «Registered» to «Completed»") {
		t.Errorf("english: %q", err.EN)
	}
}
