package campaign

import "cchc/internal/lang"

// Column is a column of the registration list: the table agencies fill in
// from the Department's template and the registrations report prints. The
// template writer, the importer and the report all take their titles from
// here so that a filled-in template reads back and matches the report.
type Column string

const (
	ColSeq      Column = "seq"             // STT
	ColTitle    Column = "title"           // Tên mô hình/sáng kiến/giải pháp/cách làm hay
	ColKind     Column = "kind"            // Loại
	ColArea     Column = "area"            // Lĩnh vực CCHC
	ColLead     Column = "lead"            // Cơ quan/đơn vị chủ trì
	ColPartners Column = "partners"        // Đơn vị phối hợp
	ColTimeline Column = "timeline"        // Thời gian thực hiện
	ColExpected Column = "expected_result" // Dự kiến kết quả
	ColNote     Column = "note"            // Ghi chú
)

// RegistrationColumns are the columns of the registration list, in order.
var RegistrationColumns = []Column{ColSeq, ColTitle, ColKind, ColArea, ColLead, ColPartners, ColTimeline, ColExpected, ColNote}

// Label is the column's title.
func (c Column) Label(l lang.Lang) string {
	switch c {
	case ColSeq:
		return l.T("STT", "No.")
	case ColTitle:
		return l.T("Tên mô hình/sáng kiến/giải pháp/cách làm hay", "Model/initiative/solution/good practice")
	case ColKind:
		return l.T("Loại", "Kind")
	case ColArea:
		return l.T("Lĩnh vực CCHC", "Reform area")
	case ColLead:
		return l.T("Cơ quan/đơn vị chủ trì", "Lead unit")
	case ColPartners:
		return l.T("Đơn vị phối hợp", "Partners")
	case ColTimeline:
		return l.T("Thời gian thực hiện", "Timeline")
	case ColExpected:
		return l.T("Dự kiến kết quả", "Expected result")
	case ColNote:
		return l.T("Ghi chú", "Note")
	}
	return string(c)
}
