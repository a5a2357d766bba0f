package demo

// Word lists the generator draws from. Made-up combinations of common
// Vietnamese place-name syllables: they sound right but name no real place
// (except the provinces, whose names are public knowledge).

// provinces are the 63 provinces and centrally-run cities (before 2025).
var provinces = []string{
	"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ",
	"An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
	"Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
	"Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang",
	"Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
	"Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
	"Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
	"Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
	"Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
}

// centrallyRun is how many of provinces (the first ones) are cities.
const centrallyRun = 5

// departments of a province (19, as in Hà Tĩnh), before " tỉnh X".
var departments = []struct{ name, short string }{
	{"Văn phòng UBND", "VP UBND"}, {"Sở Nội vụ", "Sở NV"}, {"Sở Tư pháp", "Sở TP"},
	{"Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"}, {"Sở Tài chính", "Sở TC"}, {"Sở Công Thương", "Sở CT"},
	{"Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"}, {"Sở Giao thông vận tải", "Sở GTVT"},
	{"Sở Xây dựng", "Sở XD"}, {"Sở Tài nguyên và Môi trường", "Sở TN&MT"},
	{"Sở Thông tin và Truyền thông", "Sở TT&TT"}, {"Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"},
	{"Sở Văn hóa, Thể thao và Du lịch", "Sở VH-TT&DL"}, {"Sở Khoa học và Công nghệ", "Sở KH&CN"},
	{"Sở Giáo dục và Đào tạo", "Sở GD&ĐT"}, {"Sở Y tế", "Sở YT"}, {"Thanh tra", "Thanh tra"},
	{"Ban Dân tộc", "Ban DT"}, {"Ban Quản lý Khu kinh tế", "BQL KKT"},
}

// centrals are the central agencies in a province (8, as in Hà Tĩnh).
var centrals = []struct{ prefix, short string }{
	{"Cục Thuế", "Cục Thuế"}, {"Kho bạc Nhà nước", "KBNN"}, {"Bảo hiểm xã hội", "BHXH"},
	{"Công an", "Công an"}, {"Cục Thống kê", "Cục TK"}, {"Cục Quản lý thị trường", "Cục QLTT"},
	{"Ngân hàng Nhà nước chi nhánh", "NHNN"}, {"Cục Thi hành án dân sự", "Cục THADS"},
}

var firstSyllables = []string{
	"Thạch", "Cẩm", "Kỳ", "Hương", "Đức", "Sơn", "Xuân", "Thiên", "Gia", "Yên", "Tân", "Hồng", "Phú", "Bình",
	"An", "Thanh", "Trường", "Quang", "Vĩnh", "Hòa", "Mỹ", "Tiến", "Hưng", "Thịnh", "Lộc", "Phúc", "Đồng",
	"Nam", "Bắc", "Đông", "Tây", "Trung", "Ngọc", "Kim", "Hoàng", "Tùng", "Châu", "Diễn", "Nghi", "Quỳnh",
}

var secondSyllables = []string{
	"Lạc", "Long", "Hải", "Sơn", "Thủy", "Lâm", "Hà", "Châu", "Mỹ", "Phong", "Thành", "Tiến", "Lợi", "Bình",
	"Hòa", "Xuân", "Đông", "Trung", "Vinh", "Quang", "Thọ", "Phú", "Hưng", "Ninh", "Liên", "Điền", "Tân",
	"An", "Lĩnh", "Ảnh", "Lạng", "Khê", "Yên", "Trạch", "Đài", "Minh", "Hợp", "Nguyên", "Thắng", "Dũng",
}

// Surnames, middle and given names for signers.
var (
	surnames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"}
	middles  = []string{"Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu"}
	givens   = []string{"Anh", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trung", "Tuấn", "Yến"}
)

// What registrations are about, by area: a subject the title is built on.
var subjects = map[string][]string{
	"institutions": {
		"Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "Lấy ý kiến nhân dân về dự thảo văn bản qua mạng",
		"Kiểm tra việc thi hành văn bản quy phạm pháp luật", "Phổ biến pháp luật qua mạng xã hội",
	},
	"procedures": {
		"Bộ phận một cửa thân thiện", "Tiếp nhận hồ sơ thủ tục hành chính tại nhà", "Trả kết quả qua dịch vụ bưu chính công ích",
		"Một cửa liên thông giải quyết thủ tục đất đai", "Hướng dẫn thủ tục hành chính qua mã QR", "Hẹn giờ giải quyết hồ sơ qua tin nhắn",
	},
	"apparatus": {
		"Sắp xếp tổ chức bộ máy tinh gọn", "Giao việc và theo dõi tiến độ trên phần mềm", "Đánh giá mức độ hoàn thành nhiệm vụ theo tháng",
	},
	"civil_service": {
		"Văn hóa công sở thân thiện", "Đánh giá công chức theo kết quả công việc", "Bồi dưỡng kỹ năng số cho công chức",
		"Cán bộ, công chức gần dân, sát dân",
	},
	"public_finance": {
		"Thanh toán không dùng tiền mặt", "Công khai ngân sách trên cổng thông tin điện tử", "Khoán chi hành chính gắn với kết quả",
	},
	"digital_government": {
		"Chuyển đổi số trong giải quyết thủ tục hành chính", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
		"Ký số văn bản trên môi trường mạng", "Trợ lý ảo hỗ trợ công chức", "Bản đồ số dịch vụ công", "Tổ công nghệ số cộng đồng",
	},
	"other": {
		"Dân vận khéo trong cải cách hành chính", "Hòm thư góp ý điện tử", "Khảo sát sự hài lòng của người dân",
	},
}

var (
	partners = []string{
		"", "", "Văn phòng HĐND và UBND", "Phòng Nội vụ", "Phòng Tư pháp", "Bưu điện", "Trung tâm Phục vụ hành chính công",
		"Viettel", "VNPT", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ",
	}
	results = []string{
		"100% hồ sơ được giải quyết đúng và trước hạn", "Giảm 30% thời gian giải quyết thủ tục hành chính",
		"Tăng sự hài lòng của người dân, doanh nghiệp", "90% hồ sơ được nộp trực tuyến",
		"Tiết kiệm chi phí, thời gian đi lại của người dân", "Không còn hồ sơ trễ hạn",
	}
	summaries = []string{
		"Triển khai thí điểm, đánh giá kết quả sau 6 tháng và nhân rộng.",
		"Phân công công chức đầu mối, công khai quy trình, tiếp nhận phản ánh của người dân.",
		"Ứng dụng phần mềm dùng chung của tỉnh; tập huấn cho cán bộ, công chức.",
		"",
	}
	notes = []string{"", "", "", "", "Đã triển khai từ năm trước", "Nhân rộng mô hình của đơn vị bạn"}
)
