package demo

import (
	"context"
	"math/rand/v2"
	"sort"
	"time"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/vndate"
)

// A past campaign's models move on as a year's do: by 31 December most are
// completed (some of them proposed for replication or recognised), some
// still under way, a few stopped, and some never reported at all. The
// steps are recorded one by one through AdvanceProgress, as the clerk
// records them, each on its own day, so that the history, the tally and
// cchc check see what a clerk's book holds. They draw on a random stream
// of their own: the agencies, letters and registrations stay as they were.
// The national book records none: one transaction a step over its past
// campaigns would slow the demo a benchmark waits for.
const (
	silentPct   = 12 // never reported: still "registered"
	stoppedPct  = 5  // stopped before it got going, or on the way
	underWayPct = 25 // under way at the year's end
	proposedPct = 15 // of the completed ones: proposed for replication
	recogPct    = 10 // of the completed ones: recognised
)

// achievements are what a completed model achieved (the results report
// prints them).
var achievements = []string{
	"100% hồ sơ được giải quyết đúng hạn",
	"Giảm 30% thời gian giải quyết hồ sơ so với năm trước",
	"Người dân, doanh nghiệp đánh giá hài lòng trên 95%",
	"Trên 80% hồ sơ được tiếp nhận trực tuyến",
	"Đã áp dụng tại tất cả các bộ phận của đơn vị",
	"Tiết kiệm chi phí đi lại cho người dân",
}

var stopNotes = []string{"Không bố trí được kinh phí", "Trùng với mô hình của tỉnh", "Đơn vị đề nghị dừng"}

// progress records the steps of a past campaign's models. The store's
// clock (g.clock) is moved to each step's day, since a step may not be in
// the store's future, and put back after.
func (g *generator) progress(ctx context.Context, st book.Book, c campaign.Campaign) error {
	regs, err := st.Registrations(ctx, c.ID)
	if err != nil {
		return wrap(err)
	}
	r := rand.New(rand.NewPCG(g.seed, 0x70726f67+uint64(c.Year)))
	end := vndate.Of(c.Year, time.December, 31)
	var steps []campaign.Step
	for _, x := range regs {
		for _, s := range plan(r, x.Received, end) {
			s.RegistrationID = x.ID
			steps = append(steps, s)
		}
	}
	// in the order of their days, as the clerk hears of them
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].On.Before(steps[j].On) })
	saved := g.clock
	defer func() { g.clock = saved }()
	last := map[int64]int64{} // the latest step of each registration: what the clerk saw
	for _, s := range steps {
		g.clock = time.Date(s.On.Year(), s.On.Month(), s.On.Day(), 9, 0, 0, 0, time.UTC)
		if err := st.AdvanceProgress(ctx, s, last[s.RegistrationID]); err != nil {
			return wrap(err)
		}
		got, err := st.ProgressSteps(ctx, s.RegistrationID)
		if err != nil {
			return wrap(err)
		}
		last[s.RegistrationID] = got[len(got)-1].ID
	}
	return nil
}

// plan draws the steps of one model received on recv; a step that would
// fall after end was not reported by then, nor anything after it.
func plan(r *rand.Rand, recv, end vndate.Date) []campaign.Step {
	var steps []campaign.Step
	add := func(from vndate.Date, lo, hi int, stage campaign.Stage, note string) bool {
		d := from.AddDays(lo + r.IntN(hi-lo+1))
		if d.After(end) {
			return false
		}
		steps = append(steps, campaign.Step{Stage: stage, On: d, Note: note})
		return true
	}
	stop := func() string { return stopNotes[r.IntN(len(stopNotes))] }
	x := r.IntN(100)
	switch {
	case x < silentPct:
		return nil
	case x < silentPct+stoppedPct/2: // stopped before it started
		add(recv, 20, 90, campaign.Stopped, stop())
		return steps
	}
	if !add(recv, 7, 60, campaign.InProgress, "") {
		return steps
	}
	begun := steps[0].On
	switch {
	case x < silentPct+stoppedPct:
		add(begun, 30, 150, campaign.Stopped, stop())
		return steps
	case x < silentPct+stoppedPct+underWayPct:
		return steps
	}
	if !add(begun, 90, 210, campaign.Completed, achievements[r.IntN(len(achievements))]) {
		return steps
	}
	done := steps[1].On
	switch y := r.IntN(100); {
	case y < proposedPct:
		add(done, 5, 40, campaign.Replicating, "")
	case y < proposedPct+recogPct:
		add(done, 10, 45, campaign.Recognised, "Được Chủ tịch UBND tỉnh công nhận sáng kiến")
	}
	return steps
}
