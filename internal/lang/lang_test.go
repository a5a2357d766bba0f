package lang

import (
	"errors"
	"fmt"
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
