package common

import (
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/lang"
)

type doneMsg struct{ err error }

// Safe tells a panic in a command, or in one it batches, as an ErrMsg.
func TestSafeCommands(t *testing.T) {
	boom := func() tea.Msg { panic("boom") }
	msg := Safe(boom)()
	e, ok := msg.(ErrMsg)
	if !ok || !errors.Is(e.Err, lang.ErrPanic) {
		t.Fatalf("msg = %#v", msg)
	}
	if got := lang.Message(e.Err, lang.VI); !strings.HasPrefix(got, "Lỗi khi xử lý yêu cầu: boom (") || !strings.HasSuffix(got, "Dữ liệu không bị ảnh hưởng") {
		t.Errorf("VI: %q", got)
	}
	if got := lang.Message(e.Err, lang.EN); !strings.HasPrefix(got, "Error while handling the request: boom (") {
		t.Errorf("EN: %q", got)
	}
	batch, ok := Safe(tea.Batch(Cmd(NoteMsg{"ok"}), boom))().(tea.BatchMsg)
	if !ok || len(batch) != 2 {
		t.Fatalf("batch = %#v", batch)
	}
	if _, ok := batch[1]().(ErrMsg); !ok {
		t.Error("a batched command's panic is not caught")
	}
	if msg := batch[0](); msg != (NoteMsg{"ok"}) {
		t.Errorf("a batched command's message is %#v", msg)
	}
	if Safe(nil) != nil {
		t.Error("Safe(nil) is not nil")
	}
}

// A job that panics on its goroutine ends with the screen's own failure
// message, told as what the job was doing.
func TestJobPanicIsTheScreensMessage(t *testing.T) {
	_, cmd := (&Context{}).StartJob(DoingReport, func(func(done, total int)) tea.Msg { panic("renderer") },
		func(err error) tea.Msg { return doneMsg{err} })
	var msg tea.Msg
	for msg = cmd(); ; msg = cmd() {
		if _, ok := msg.(JobProgressMsg); !ok {
			break
		}
	}
	d, ok := msg.(doneMsg)
	if !ok {
		t.Fatalf("msg = %#v", msg)
	}
	if got := lang.Message(d.err, lang.VI); !strings.HasPrefix(got, "Lỗi khi ghi báo cáo: renderer (") || !strings.Contains(got, "safe_test.go") {
		t.Errorf("%q", got)
	}
}
