package common

import (
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/progress"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"cchc/internal/vntext"
)

// A Job is work too long for a frame (a 200,000-row list written, a big
// file imported), run in a tea.Cmd that says how far it got: the work
// reports through its callback, the screen is told every tick and draws
// a bar once the work has taken longer than ShowAfter.
type Job struct {
	done, total atomic.Int64
	result      chan tea.Msg
	started     time.Time
	doing       Doing
	ended       atomic.Bool // its work returned: what it wrote is written
}

// JobProgressMsg says how far a job got; the screen that started it
// answers with Next, to hear again.
type JobProgressMsg struct{ Job *Job }

var (
	// ShowAfter is how long a job runs before its bar is shown: a write
	// that ends sooner only says it is done.
	ShowAfter = 500 * time.Millisecond
	// jobTick is how often a running job says how far it got.
	jobTick = 100 * time.Millisecond
)

// StartJob runs work in the background; the command it gives returns the
// work's own message once done, or a JobProgressMsg every tick until then.
// A panic in the work (which would end the program: it runs on its own
// goroutine) is the error failed turns into the screen's message, told
// as what the job is doing. The job is counted in c.Jobs until its work
// returns; the work stops early when c.Work() is cancelled.
func (c *Context) StartJob(doing Doing, work func(progress func(done, total int)) tea.Msg, failed func(error) tea.Msg) (*Job, tea.Cmd) {
	j := &Job{result: make(chan tea.Msg, 1), started: time.Now(), doing: doing}
	if c.Jobs != nil {
		c.Jobs.Add(1) // in Update, before ui.Run waits: never after
	}
	// the ended ones go here too, so that a long session keeps none
	c.jobs = append(slices.DeleteFunc(c.jobs, func(j *Job) bool { return j.ended.Load() }), j)
	go func() {
		if c.Jobs != nil {
			defer c.Jobs.Done()
		}
		var err error
		msg := func() tea.Msg {
			defer doing.Catch(&err)
			return work(func(done, total int) {
				j.done.Store(int64(done))
				j.total.Store(int64(total))
			})
		}()
		if err != nil {
			msg = failed(err)
		}
		j.ended.Store(true)
		j.result <- msg
	}()
	return j, j.Next()
}

// Underway is what the jobs started and not ended yet are doing, the
// oldest first: what quitting now would stop. Called in Update, as
// StartJob is (the list is theirs alone).
func (c *Context) Underway() []Doing {
	c.jobs = slices.DeleteFunc(c.jobs, func(j *Job) bool { return j.ended.Load() })
	doing := make([]Doing, len(c.jobs))
	for i, j := range c.jobs {
		doing[i] = j.doing
	}
	return doing
}

// Next waits for the job's end, or a tick.
func (j *Job) Next() tea.Cmd {
	return func() tea.Msg {
		select {
		case msg := <-j.result:
			return msg
		case <-time.After(jobTick):
			return JobProgressMsg{j}
		}
	}
}

// Progress is how far the job got: done of total (total 0: not known yet).
func (j *Job) Progress() (done, total int) { return int(j.done.Load()), int(j.total.Load()) }

// Shown reports whether the job has run long enough for a bar.
func (j *Job) Shown() bool { return time.Since(j.started) >= ShowAfter }

// JobLine draws "Đang ghi… N/M" and a bar (bubbles/progress) in width;
// "" while the job is too young to be shown.
func JobLine(ctx *Context, j *Job, width int) string {
	return JobLineAs(ctx, j, width, ctx.T("Đang ghi", "Writing"))
}

// JobLineAs is JobLine saying what is done in its own words ("Đang đọc thử").
func JobLineAs(ctx *Context, j *Job, width int, doing string) string {
	if j == nil || !j.Shown() {
		return ""
	}
	done, total := j.Progress()
	label := doing + "…"
	if total > 0 {
		label = fmt.Sprintf("%s… %s/%s", doing, ctx.Lang.Num(done), ctx.Lang.Num(total))
		if done == total {
			label += ctx.T(", đang hoàn tất tệp", ", finishing the file") // an xlsx is zipped at the end
		}
	}
	barW := min(max(width-vntext.Width(label)-4, 10), 50)
	// a blue that reads on light and dark backgrounds; the profile the
	// rest of the screen uses (NO_COLOR included)
	bar := progress.New(progress.WithSolidFill("#3b82f6"), progress.WithoutPercentage(), progress.WithWidth(barW),
		progress.WithColorProfile(lipgloss.ColorProfile()))
	percent := 0.0
	if total > 0 {
		percent = float64(done) / float64(total)
	}
	return " " + label + "  " + bar.ViewAs(percent)
}
