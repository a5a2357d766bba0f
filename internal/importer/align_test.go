package importer

import (
	"context"
	"strings"
	"testing"

	"cchc/internal/lang"
)

// A CSV whose cells no longer line up with its header (a comma left
// unquoted in a title or a cell) is refused row by row, never read with
// its cells shifted; a well-quoted one and one with empty cells at the end
// of its rows are read.
func TestShiftedCSVRowsAreRefused(t *testing.T) {
	st, c := newBook(t)
	ctx := context.Background()
	t.Run("agency header cut by a comma", func(t *testing.T) {
		plan, err := PlanAgencies(ctx, st, c, writeFile(t, "ds.csv",
			"Tên cơ quan, đơn vị,Nhóm,Đơn vị cấp trên\nXã Mới Tinh,commune,Huyện Đức Thọ\n"))
		if err != nil {
			t.Fatal(err)
		}
		text := problems(plan.Problems)
		if plan.Errors() != 2 || !strings.Contains(text, `Dòng 1: tiêu đề "Tên cơ quan, đơn vị" có dấu phẩy`) ||
			!strings.Contains(text, "Dòng 2: dòng này có 3 ô mà dòng tiêu đề có 4") {
			t.Fatalf("problems:\n%s", text)
		}
		if en := plan.Problems[0].Text(lang.EN); !strings.Contains(en, `the title "Tên cơ quan, đơn vị" has a comma and is not in quotes`) {
			t.Fatalf("in English: %s", en)
		}
		if err := plan.Apply(ctx, st); err == nil {
			t.Fatal("applied a shifted list")
		}
	})
	t.Run("agency cell with a comma", func(t *testing.T) {
		plan, err := PlanAgencies(ctx, st, c, writeFile(t, "ds.csv",
			"Tên,Nhóm,Đơn vị cấp trên\nXã Mới Tinh, Đức Thọ,commune,Huyện Đức Thọ\n"))
		if err != nil {
			t.Fatal(err)
		}
		if text := problems(plan.Problems); plan.Errors() != 1 || !strings.Contains(text, "Dòng 2: dòng này có 4 ô mà dòng tiêu đề có 3") {
			t.Fatalf("problems:\n%s", text)
		}
	})
	t.Run("agency list quoted, trailing empty cells", func(t *testing.T) {
		plan, err := PlanAgencies(ctx, st, c, writeFile(t, "ds.csv",
			"\"Tên cơ quan, đơn vị\",Nhóm,Đơn vị cấp trên,,\nXã Mới Tinh,commune,Huyện Đức Thọ,,\nHuyện Mới,district,,,\n"))
		if err != nil {
			t.Fatal(err)
		}
		if plan.Errors() != 0 || len(plan.Rows) != 2 || plan.Rows[0].Parent != "Huyện Đức Thọ" || plan.Rows[1].Agency.Group != "district" {
			t.Fatalf("rows %+v\n%s", plan.Rows, problems(plan.Problems))
		}
	})
	t.Run("registration cell with a comma", func(t *testing.T) {
		plan, err := PlanRegistrations(ctx, st, c, writeFile(t, "dk.csv",
			"Tên cơ quan, đơn vị: Huyện Đức Thọ\nSTT,Tên mô hình,Loại,Lĩnh vực CCHC,Ghi chú\n"+
				"1,Một cửa, liên thông,Mô hình,Thủ tục hành chính,\n2,Số hóa hồ sơ,Sáng kiến,Chính quyền số,\n"),
			RegistrationOptions{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if text := problems(plan.Problems); plan.Errors() != 1 || !strings.Contains(text, "Dòng 3: dòng này có 6 ô mà dòng tiêu đề có 5") ||
			plan.Rows[0].Status != RowError {
			t.Fatalf("problems:\n%s", text)
		}
	})
	t.Run("registration header cut by a comma", func(t *testing.T) {
		plan, err := PlanRegistrations(ctx, st, c, writeFile(t, "dk.csv",
			"STT,Tên mô hình, sáng kiến,Loại,Lĩnh vực CCHC,Cơ quan/đơn vị chủ trì\n1,Số hóa hồ sơ,Sáng kiến,Chính quyền số,Huyện Đức Thọ\n"),
			RegistrationOptions{Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if text := problems(plan.Problems); !strings.Contains(text, `tiêu đề "Tên mô hình, sáng kiến" có dấu phẩy`) || plan.Rows[0].Status != RowError {
			t.Fatalf("problems:\n%s", text)
		}
	})
}
