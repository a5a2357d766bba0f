package common

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds every key of the application; help lines are built from it.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
	NextTab, PrevTab, Tabs                key.Binding
	Open, Back, Search, Help, Quit        key.Binding
	New, Edit, Delete, Add, Toggle        key.Binding
	Group, Status, Kind, Area             key.Binding
	Save, SaveNext, NextField, PrevField  key.Binding
	Left, Right, DayBack, DayForward      key.Binding
	Today, SetDate, Write, Yes, No        key.Binding
	Settings, Campaigns, ClearField       key.Binding
	Mark, Merge                           key.Binding // the agencies screen: units merged into another
}

func b(keys []string, k, help string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
}

// Keys builds the key map with help in the language chosen by t.
func Keys(t func(vi, en string) string) KeyMap {
	return KeyMap{
		Up:         b([]string{"up", "k"}, "↑/k", t("lên", "up")),
		Down:       b([]string{"down", "j"}, "↓/j", t("xuống", "down")),
		PageUp:     b([]string{"pgup"}, "PgUp", t("trang trước", "page up")),
		PageDown:   b([]string{"pgdown"}, "PgDn", t("trang sau", "page down")),
		Home:       b([]string{"home", "g"}, "Home", t("đầu danh sách", "first")),
		End:        b([]string{"end", "G"}, "End", t("cuối danh sách", "last")),
		NextTab:    b([]string{"tab"}, "tab", t("màn sau", "next screen")),
		PrevTab:    b([]string{"shift+tab"}, "shift+tab", t("màn trước", "previous screen")),
		Tabs:       b([]string{"1", "2", "3", "4", "5", "6"}, "1-6", t("chọn màn hình", "go to screen")),
		Open:       b([]string{"enter"}, "enter", t("mở", "open")),
		Back:       b([]string{"esc"}, "esc", t("quay lại", "back")),
		Search:     b([]string{"/"}, "/", t("tìm", "search")),
		Help:       b([]string{"?", "f1"}, "?", t("trợ giúp", "help")),
		Quit:       b([]string{"q", "ctrl+c"}, "q", t("thoát", "quit")),
		New:        b([]string{"n"}, "n", t("nhập mới", "new entry")),
		Edit:       b([]string{"e"}, "e", t("sửa", "edit")),
		Delete:     b([]string{"d", "delete"}, "d", t("xóa", "delete")),
		Add:        b([]string{"a"}, "a", t("thêm cơ quan", "add agency")),
		Toggle:     b([]string{"x"}, "x", t("ngừng/tiếp tục theo dõi", "stop/resume following")),
		Group:      b([]string{"f"}, "f", t("lọc nhóm", "group filter")),
		Status:     b([]string{"s"}, "s", t("lọc tình trạng", "status filter")),
		Kind:       b([]string{"l"}, "l", t("lọc loại", "kind filter")),
		Area:       b([]string{"v"}, "v", t("lọc lĩnh vực", "area filter")),
		Save:       b([]string{"ctrl+s"}, "ctrl+s", t("lưu", "save")),
		SaveNext:   b([]string{"ctrl+n"}, "ctrl+n", t("lưu, nhập tiếp", "save, add another")),
		NextField:  b([]string{"tab", "down"}, "tab/↓", t("ô sau", "next field")),
		PrevField:  b([]string{"shift+tab", "up"}, "shift+tab/↑", t("ô trước", "previous field")),
		Left:       b([]string{"left"}, "←", t("chọn trước", "previous choice")),
		Right:      b([]string{"right"}, "→", t("chọn sau", "next choice")),
		DayBack:    b([]string{"["}, "[", t("lùi 1 ngày", "day back")),
		DayForward: b([]string{"]"}, "]", t("tới 1 ngày", "day forward")),
		Today:      b([]string{"0"}, "0", t("hôm nay", "today")),
		SetDate:    b([]string{"t"}, "t", t("nhập ngày", "type a date")),
		Write:      b([]string{"w"}, "w", t("ghi báo cáo .md", "write .md report")),
		Yes:        b([]string{"y", "c"}, t("y/c", "y"), t("đồng ý", "yes")), // c, k: có, không
		Settings:   b([]string{"c"}, "c", t("thiết lập đợt", "campaign settings")),
		Campaigns:  b([]string{"y"}, "y", t("chọn năm", "switch year")),
		ClearField: b([]string{"ctrl+u"}, "ctrl+u", t("xóa ô đang nhập", "clear the field")),
		No:         b([]string{"n", "k", "esc"}, t("n/k", "n"), t("không", "no")),
		Mark:       b([]string{"m"}, "m", t("đánh dấu", "mark")),
		Merge:      b([]string{"M"}, "M", t("hợp nhất vào đây", "merge into this")),
	}
}
