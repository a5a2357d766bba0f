package lang

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

func TestMessage(t *testing.T) {
	base := errors.New("disk I/O error")
	e := Wrap(base, "Không ghi được tệp %s", "Cannot write file %s", "a.db")
	if got := Message(e, VI); got != "Không ghi được tệp a.db (chi tiết kỹ thuật: disk I/O error)" {
		t.Fatalf("VI = %q", got)
	}
	if got := Message(fmt.Errorf("ctx: %w", e), EN); !strings.HasPrefix(got, "Cannot write file a.db") {
		t.Fatalf("EN = %q", got)
	}
	if got := Message(base, VI); !strings.HasPrefix(got, "Đã xảy ra lỗi không mong đợi") {
		t.Fatalf("bare error must be explained: %q", got)
	}
	nested := Wrap(Errorf("Ngày nhận không hợp lệ", "Invalid received date"), "Không lưu được", "Cannot save")
	if got := Message(nested, VI); got != "Không lưu được: Ngày nhận không hợp lệ" {
		t.Fatalf("nested = %q", got)
	}
}

func TestParse(t *testing.T) {
	if l, ok := Parse("EN"); !ok || l != EN {
		t.Fatal("EN")
	}
	if _, ok := Parse("fr"); ok {
		t.Fatal("fr accepted")
	}
}

// The detail in brackets is for whoever supports the clerk: none for a
// kind of failure the message already says, the common file errors in the
// clerk's language, anything else as it came.
func TestMessageDetail(t *testing.T) {
	conflict := Kind("changed by someone else")
	for _, tc := range []struct {
		err  error
		want string
	}{
		{Wrap(conflict, "Người khác vừa sửa", "Changed by someone else"), "Người khác vừa sửa"},
		{Wrap(fmt.Errorf("open x: %w", fs.ErrNotExist), "Không mở được tệp x", "Cannot open x"), "Không mở được tệp x (chi tiết kỹ thuật: không có tệp hoặc thư mục này)"},
		{Wrap(fs.ErrPermission, "Không ghi được", "Cannot write"), "Không ghi được (chi tiết kỹ thuật: không được phép đọc hoặc ghi ở đây)"},
		{Wrap(errors.New("disk I/O error"), "Không ghi được", "Cannot write"), "Không ghi được (chi tiết kỹ thuật: disk I/O error)"},
	} {
		if got := Message(tc.err, VI); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
	if !errors.Is(Wrap(conflict, "a", "b"), conflict) {
		t.Error("a kind is not found again with errors.Is")
	}
}

func TestNum(t *testing.T) {
	for _, tc := range []struct {
		n      int
		vi, en string
	}{{0, "0", "0"}, {999, "999", "999"}, {1000, "1.000", "1,000"}, {141910, "141.910", "141,910"}, {1234567, "1.234.567", "1,234,567"}, {-2500, "-2.500", "-2,500"}} {
		if got := VI.Num(tc.n); got != tc.vi {
			t.Errorf("VI.Num(%d) = %q, want %q", tc.n, got, tc.vi)
		}
		if got := EN.Num(tc.n); got != tc.en {
			t.Errorf("EN.Num(%d) = %q, want %q", tc.n, got, tc.en)
		}
	}
}
