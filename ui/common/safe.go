package common

import (
	tea "github.com/charmbracelet/bubbletea"

	"cchc/internal/lang"
)

// A panic in work done for a screen (a fault in cchc or a library) never
// takes the application down, with the clerk's unsaved input: it is caught
// here, once for every screen, and told as an error in the clerk's
// language with what panicked and where (lang.Panicked). The root wraps
// every command it returns in Safe; StartJob catches its own goroutine,
// which Bubble Tea cannot.

// Doing names the work a command does, in both languages: a panic in it
// is told as "Lỗi khi ghi báo cáo: …. Dữ liệu không bị ảnh hưởng".
type Doing struct{ VI, EN string }

var (
	DoingReport   = Doing{"ghi báo cáo", "writing the report"}
	DoingDossier  = Doing{"ghi hồ sơ", "writing the dossier"}
	DoingTemplate = Doing{"ghi mẫu", "writing the template"}
	DoingImport   = Doing{"nhập tệp", "importing the file"}
	DoingCheck    = Doing{"đọc thử tệp", "rehearsing the file"}
	// DoingAny is said for a command that names nothing (a load, a save).
	DoingAny = Doing{"xử lý yêu cầu", "handling the request"}
)

// Catch is deferred by work that runs on its own goroutine: a panic
// becomes the error *err, as d.
func (d Doing) Catch(err *error) {
	if r := recover(); r != nil {
		*err = lang.Panicked(r, d.VI, d.EN)
	}
}

// Safe is cmd with a panic in it told as an ErrMsg in the status line;
// the commands it batches are made safe in turn. (tea.Sequence hides its
// commands: none of the screens uses it.)
func Safe(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		var err error
		defer func() {
			if err != nil {
				msg = ErrMsg{Err: err}
			}
		}()
		defer DoingAny.Catch(&err)
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			safe := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				safe[i] = Safe(c)
			}
			return safe
		}
		return msg
	}
}
