package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"cchc/internal/book"
	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

func TestProgressOfAModel(t *testing.T) {
	s := openTemp(t) // today is 05/04/2023
	ctx := context.Background()
	c := campaignOf(t, s, 2023)
	yte := agencyByName(t, s, c, "Sở Y tế")
	_, ids, err := s.RecordSubmission(ctx, campaign.Submission{CampaignID: c.ID, AgencyID: yte.ID, Received: vndate.Of(2023, 3, 1)},
		[]campaign.Registration{sampleReg("Khám bệnh không giấy tờ")})
	if err != nil {
		t.Fatal(err)
	}
	reg := ids[0]
	step := func(stage campaign.Stage, d vndate.Date, note string, seen int64) error {
		return s.AdvanceProgress(ctx, campaign.Step{RegistrationID: reg, Stage: stage, On: d, Note: note}, seen)
	}
	if err := step(campaign.Completed, vndate.Of(2023, 3, 10), "", 0); err == nil || !strings.Contains(messageOf(err), "không chuyển được từ «Đã đăng ký» sang «Đã hoàn thành»") {
		t.Fatalf("skipping a stage: %v", err)
	}
	if err := step(campaign.InProgress, vndate.Of(2023, 3, 10), "Triển khai tại 3 bệnh viện", 0); err != nil {
		t.Fatal(err)
	}
	steps, err := s.ProgressSteps(ctx, reg)
	fatalIf(t, err)
	if len(steps) != 1 || steps[0].Stage != campaign.InProgress || steps[0].Note != "Triển khai tại 3 bệnh viện" {
		t.Fatalf("steps = %+v", steps)
	}
	// the history names the model the step is about
	if h, err := s.History(ctx, book.HistoryQuery{Limit: 1}); err != nil || len(h) != 1 || !strings.Contains(h[0].Summary(lang.VI), "tiến độ «Đang triển khai» của mô hình «Khám bệnh không giấy tờ»") {
		t.Fatalf("history says %+v (read: %v)", h, err)
	}
	// a clerk who did not see that step is refused
	if err := step(campaign.Stopped, vndate.Of(2023, 3, 11), "", 0); !errors.Is(err, book.ErrConflict) {
		t.Fatalf("stale step = %v", err)
	}
	if err := step(campaign.Completed, vndate.Of(2023, 3, 9), "", steps[0].ID); err == nil || !strings.Contains(messageOf(err), "trước lần cập nhật trước") {
		t.Fatalf("date before the previous step: %v", err)
	}
	if err := step(campaign.Completed, vndate.Of(2023, 4, 1), "100% hồ sơ đúng hạn", steps[0].ID); err != nil {
		t.Fatal(err)
	}
	stages, err := s.CampaignStages(ctx, c.ID, vndate.Date{})
	fatalIf(t, err)
	if stages[reg].Stage != campaign.Completed || !stages[reg].On.Equal(vndate.Of(2023, 4, 1)) {
		t.Fatalf("current = %+v", stages[reg])
	}
	// as of a day, only the steps dated on or before it count
	before, err := s.CampaignStages(ctx, c.ID, vndate.Of(2023, 3, 31))
	fatalIf(t, err)
	done, err := s.CampaignCompletions(ctx, c.ID, vndate.Of(2023, 3, 31))
	fatalIf(t, err)
	if before[reg].Stage != campaign.InProgress || len(done) != 0 {
		t.Fatalf("as of 31/03: %+v, completions %+v", before[reg], done)
	}
	if done, err = s.CampaignCompletions(ctx, c.ID, vndate.Of(2023, 4, 1)); err != nil || !done[reg].On.Equal(vndate.Of(2023, 4, 1)) {
		t.Fatalf("as of 01/04: completions %+v (%v)", done, err)
	}
	if before, err = s.CampaignStages(ctx, c.ID, vndate.Of(2023, 3, 9)); err != nil || len(before) != 0 {
		t.Fatalf("as of 09/03: %+v (%v)", before, err)
	}
	// history records the step, and undo takes it back
	changes, err := s.History(ctx, book.HistoryQuery{Limit: 1})
	if err != nil || len(changes) != 1 || !strings.Contains(changes[0].Summary(0), "tiến độ «Đã hoàn thành»") {
		t.Fatalf("history = %+v, %v", changes, err)
	}
	if _, err := s.UndoLast(ctx); err != nil {
		t.Fatal(err)
	}
	stages, err = s.CampaignStages(ctx, c.ID, vndate.Date{})
	fatalIf(t, err)
	if stages[reg].Stage != campaign.InProgress {
		t.Fatalf("after undo = %+v", stages[reg])
	}
}
