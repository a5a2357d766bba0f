package book

import (
	"errors"
	"fmt"

	"cchc/internal/campaign"
	"cchc/internal/lang"
	"cchc/internal/vndate"
)

// What the clerk is told when the book refuses or fails, in both
// languages, made here so that every storage says the same thing. Each
// wraps the error a caller tests with errors.Is (ErrConflict, ErrNotFound,
// ErrReadOnly) or the technical cause, kept as the detail.

// Storage is where a book is kept, as the clerk's messages name it: a
// file on this PC, or a database on a shared server. Its methods are what
// the clerk is told when the storage itself fails or refuses.
type Storage struct {
	Name   string // the file, or the server's address without its password
	Server bool   // a shared database server (PostgreSQL), not a file
}

// Busy: another clerk's write held the book for longer than a write waits.
func (s Storage) Busy(cause error) error {
	if s.Server {
		return lang.Wrap(cause, "Cơ sở dữ liệu đang bận với thay đổi của người khác; hãy thử lại",
			"The database is busy with someone else's change; try again")
	}
	return lang.Wrap(cause, "Tệp dữ liệu đang bị một chương trình khác giữ quá lâu; hãy thử lại sau ít phút",
		"The database is held by another program for too long; try again in a few minutes")
}

// ReadOnly: the storage refused a write (a read-only file or database).
func (s Storage) ReadOnly() error {
	if s.Server {
		return lang.Wrap(ErrReadOnly, "Cơ sở dữ liệu %s chỉ cho phép đọc; không lưu được thay đổi",
			"The database %s is read-only; the change was not saved", s.Name)
	}
	return lang.Wrap(ErrReadOnly, "Tệp dữ liệu chỉ cho phép đọc; không lưu được thay đổi", "The database is read-only; the change was not saved")
}

// MayNotWrite: the server's account has no right to write (detail: the
// server's words for what was refused).
func (s Storage) MayNotWrite(detail string) error {
	return lang.Wrap(ErrReadOnly, "Tài khoản của bạn trên cơ sở dữ liệu %s không có quyền ghi (%s); không lưu được thay đổi",
		"Your account on the database %s may not write (%s); the change was not saved", s.Name, detail)
}

// MayOnlyRead: the server's account may read the book but not write it
// (SELECT only, or a server that only reads), found as the book was
// opened, so a write is not tried.
func (s Storage) MayOnlyRead(account string) error {
	return lang.Wrap(ErrReadOnly, "Tài khoản %s chỉ có quyền đọc sổ dữ liệu %s: xem, in báo cáo, kiểm tra và sao lưu được, nhưng không lưu được thay đổi (người quản trị cấp quyền ghi, xem docs/postgresql.md). Không có gì thay đổi.",
		"The account %s may only read the book %s: it can look, print reports, check and back up, but not save changes (the administrator grants the right to write, see docs/postgresql.md). Nothing was changed.", account, s.Name)
}

// OpenReadOnly: the book was opened to read only, so a write is not tried.
func (s Storage) OpenReadOnly() error {
	return lang.Wrap(ErrReadOnly, "Sổ dữ liệu đang mở ở chế độ chỉ đọc; không lưu được thay đổi", "The book is open read-only; the change was not saved")
}

// Damaged: what is there is not a cchc book, or is broken.
func (s Storage) Damaged(cause error) error {
	return lang.Wrap(cause, "%s không phải tệp dữ liệu cchc hoặc đã bị hỏng", "%s is not a cchc database or is damaged", s.Name)
}

// DiskFull: no room left to write the change; free is the room left on
// the file's disk in bytes (-1: unknown; a server's is never known).
func (s Storage) DiskFull(cause error, free int64) error {
	if s.Server {
		return lang.Wrap(cause, "Máy chủ cơ sở dữ liệu đã hết chỗ trên đĩa; không lưu được thay đổi",
			"The database server's disk is full; the change was not saved")
	}
	return NoRoom(cause, s.Name, free, false)
}

// NoRoom: the disk, or the clerk's quota on it, filled up while the file
// at path was written (a report, a backup, the book): nothing of it was
// kept, what was there before is as it was. free is the room left there in
// bytes, -1 when it cannot be known.
func NoRoom(cause error, path string, free int64, quota bool) error {
	vi, en := "Ổ đĩa đã đầy khi ghi %s (còn trống %s); không ghi được, những gì đã có vẫn nguyên. Hãy xóa bớt tệp không cần trên ổ đĩa đó, hoặc ghi vào ổ khác",
		"The disk is full: %s could not be written (%s free); nothing was written, what was there is intact. Delete files you no longer need on that disk, or write to another one"
	if quota {
		vi, en = "Đã hết hạn mức dung lượng (quota) của bạn trên ổ đĩa khi ghi %s (còn trống %s); không ghi được, những gì đã có vẫn nguyên. Hãy xóa bớt tệp không cần, hoặc nhờ người quản trị tăng hạn mức",
			"Your disk quota ran out while writing %s (%s free); nothing was written, what was there is intact. Delete files you no longer need, or ask the administrator for a larger quota"
	}
	// the room is written as each language writes numbers
	return &lang.Error{VI: fmt.Sprintf(vi, path, Size(lang.VI, free)), EN: fmt.Sprintf(en, path, Size(lang.EN, free)), Cause: cause}
}

// Size is a number of bytes as the clerk reads it: 0 byte, 12 KB, 3 MB,
// 1,5 GB (1.5 GB in English); "không rõ" (unknown) when negative.
func Size(l lang.Lang, n int64) string {
	switch {
	case n < 0:
		return l.T("không rõ bao nhiêu", "unknown")
	case n < 1<<10:
		return l.Count(int(n), "byte", "byte", "bytes")
	case n < 1<<20:
		return l.Num(int(n>>10)) + " KB"
	case n < 1<<30:
		return l.Num(int(n>>20)) + " MB"
	}
	tenths := n * 10 >> 30
	return l.Num(int(tenths/10)) + l.T(",", ".") + string(rune('0'+tenths%10)) + " GB"
}

// CannotOpen: the book is there but may not be opened.
func (s Storage) CannotOpen(cause error) error {
	return lang.Wrap(cause, "Không mở được tệp dữ liệu %s (kiểm tra quyền truy cập thư mục)", "Cannot open the database %s (check the folder's permissions)", s.Name)
}

// DiskError: reading or writing the file failed.
func (s Storage) DiskError(cause error) error {
	return lang.Wrap(cause, "Lỗi đọc ghi ổ đĩa với tệp dữ liệu %s", "Disk read/write error on the database %s", s.Name)
}

// ConnectionLost: the server went away in the middle of the work.
func (s Storage) ConnectionLost(cause error) error {
	return lang.Wrap(cause, "Mất kết nối với máy chủ cơ sở dữ liệu %s; hãy thử lại", "Lost the connection to the database server %s; try again", s.Name)
}

// Failed is any other failure of the storage.
func (s Storage) Failed(cause error) error {
	if s.Server {
		return lang.Wrap(cause, "Lỗi khi làm việc với cơ sở dữ liệu %s", "Error while working with the database %s", s.Name)
	}
	return lang.Wrap(cause, "Lỗi khi làm việc với tệp dữ liệu %s", "Error while working with the database %s", s.Name)
}

// Opening, backing up and copying a book, whichever storage keeps it.

// NoConfigFolder: the user's configuration folder, where the default book
// lives, cannot be found.
func NoConfigFolder(cause error) error {
	return lang.Wrap(cause, "Không tìm được thư mục cấu hình của người dùng; hãy chỉ rõ tệp dữ liệu bằng --db",
		"Cannot find the user's configuration folder; name the database with --db")
}

// NoBook: a book that must be there is not (where names the place).
func NoBook(where string) error {
	return lang.Errorf("Không có sổ dữ liệu nào ở %s", "There is no book at %s", where)
}

// HoldsBook: a copy's target already holds a book.
func HoldsBook(where string) error {
	return lang.Errorf("%s đã là một sổ dữ liệu; không chép đè lên", "%s already holds a book; it is not copied over", where)
}

// FileThere: a backup or a copy would write over a file already there
// (cause: the writer's own error for it, which callers test for).
func FileThere(cause error, path string) error {
	return lang.Wrap(cause, "Tệp %s đã có; chọn tên khác để không ghi đè", "%s already exists; choose another name so as not to overwrite it", path)
}

// DefaultDamaged: the default campaign built into the program cannot be read.
func DefaultDamaged(cause error) error {
	return lang.Wrap(cause, "Dữ liệu mặc định bị hỏng", "The embedded default data is damaged")
}

// BadBackupPath: the path given for a backup is not one.
func BadBackupPath(cause error, path string) error {
	return lang.Wrap(cause, "Đường dẫn tệp sao lưu không hợp lệ: %s", "Invalid backup path: %s", path)
}

// NoBackupFolder: the folder of a backup cannot be made.
func NoBackupFolder(cause error, dir string) error {
	return lang.Wrap(cause, "Không tạo được thư mục %s cho tệp sao lưu", "Cannot create the folder %s for the backup", dir)
}

// BackupFailed: the book could not be copied into the backup at path.
func BackupFailed(cause error, path string) error {
	return lang.Wrap(cause, "Không sao lưu được vào %s", "Cannot back up to %s", path)
}

// CopyFailed: a copy of the book stopped at one of its tables.
func CopyFailed(cause error, table string) error {
	return lang.Wrap(cause, "Không chép được bảng %s", "Cannot copy the table %s", table)
}

// What a clerk's change ran into. name is the row as the clerk knows it
// (an agency's name, a registration's title).

// ChangedElsewhere: someone else changed the row since the clerk read it.
func ChangedElsewhere(name string) error {
	return lang.Wrap(ErrConflict, "%q vừa được người khác sửa sau khi bạn mở; hãy mở lại để xem thay đổi rồi sửa lại",
		"%q was changed by someone else after you opened it; reopen it to see the change, then edit again", name)
}

// DeletedElsewhere: someone else deleted the row the clerk was saving.
func DeletedElsewhere(name string) error {
	return lang.Wrap(ErrNotFound, "%q đã bị xóa ở nơi khác; không lưu được", "%q was deleted elsewhere; nothing was saved", name)
}

// LetterDeletedElsewhere: the letter a registration was being added to is gone.
func LetterDeletedElsewhere() error {
	return lang.Wrap(ErrNotFound, "Văn bản này vừa bị xóa ở nơi khác; không lưu được", "This letter was just deleted elsewhere; nothing was saved")
}

// RegistrationDeletedElsewhere: the registration acted on is gone.
func RegistrationDeletedElsewhere() error {
	return lang.Wrap(ErrNotFound, "Mô hình này đã bị xóa ở nơi khác", "This registration was deleted elsewhere")
}

// RegistrationNotFound: no registration has the id asked for.
func RegistrationNotFound() error {
	return lang.Wrap(ErrNotFound, "Không tìm thấy mô hình này; có thể đã bị xóa", "Registration not found; it may have been deleted")
}

// AgencyNotFound: no agency has the id asked for.
func AgencyNotFound(id int64) error {
	return lang.Wrap(ErrNotFound, "Không tìm thấy cơ quan, đơn vị (mã %d); có thể đã bị xóa", "Agency %d not found; it may have been deleted", id)
}

// NoCampaign: no campaign for the year (0: none at all).
func NoCampaign(year int) error {
	if year == 0 {
		return lang.Wrap(ErrNotFound, "Chưa có đợt đăng ký nào trong sổ dữ liệu", "There is no campaign in the book yet")
	}
	return lang.Wrap(ErrNotFound, "Không có đợt đăng ký năm %d", "There is no campaign for %d", year)
}

// CampaignExists: a new campaign for a year that has one.
func CampaignExists(year int) error {
	return lang.Errorf("Đã có đợt đăng ký năm %d", "There is already a campaign for %d", year)
}

// ProgressChanged: someone else moved the registration on since the
// clerk looked; now is where it stands.
func ProgressChanged(title string, now campaign.Stage) error {
	return &lang.Error{
		VI:    lang.VI.F("Tiến độ của «%s» vừa được người khác cập nhật (nay: %s); hãy xem lại rồi cập nhật", "", title, now.Label(lang.VI)),
		EN:    lang.EN.F("", "The progress of «%s» was just updated by someone else (now: %s); look again, then update", title, now.Label(lang.EN)),
		Cause: ErrConflict,
	}
}

// The history and the trash.

// ChangeNotFound: no change of the history has the number.
func ChangeNotFound(id int64) error {
	return lang.Wrap(ErrNotFound, "Không tìm thấy thay đổi số %d trong lịch sử", "Change %d is not in the history", id)
}

// AlreadyUndone: the change asked to undo was undone before.
func AlreadyUndone() error {
	return lang.Errorf("Thay đổi này đã được hoàn tác rồi", "This change was already undone")
}

// UndoBlocked: a later change touched what the change to undo wrote.
func UndoBlocked() error {
	return lang.Wrap(ErrConflict, "Không hoàn tác được: dữ liệu đã được sửa sau thay đổi đó; không có gì bị thay đổi",
		"Cannot undo: the data was changed after that change; nothing was changed")
}

// NothingToUndo: this session made no change that is not undone.
func NothingToUndo() error {
	return lang.Errorf("Không có thao tác nào để hoàn tác", "Nothing to undo")
}

// NotInTrash: the registration to restore is no longer in the trash.
func NotInTrash() error {
	return lang.Wrap(ErrNotFound, "Mô hình này không còn trong thùng rác (đã được khôi phục?)", "This registration is no longer in the trash (already restored?)")
}

// Checks of what the clerk records against the book.

// NameTaken: another agency of the campaign bears the name.
func NameTaken(name string) error {
	return lang.Errorf("Tên cơ quan, đơn vị: đã có %q trong đợt đăng ký này", "Agency name: %q is already in this campaign", name)
}

// CodeTaken: another agency bears the official code.
func CodeTaken(code, by string) error {
	return lang.Errorf("Mã đơn vị %s: đã dùng cho %s", "Code %s: already used by %s", code, by)
}

// NotInCampaign: a letter from an agency the campaign does not follow.
func NotInCampaign() error {
	return lang.Errorf("Cơ quan, đơn vị: không thuộc đợt đăng ký này", "Agency: not part of this campaign")
}

// CampaignGone: the letter's campaign is no longer in the book.
func CampaignGone() error {
	return lang.Errorf("Đợt đăng ký: không còn trong sổ dữ liệu", "Campaign: no longer in the book")
}

// BadLeadUnit: a lead unit neither the sender nor one of its communes.
func BadLeadUnit() error {
	return lang.Errorf("Đơn vị chủ trì: phải là cơ quan gửi văn bản hoặc một xã thuộc cơ quan đó",
		"Lead unit: must be the sending agency or one of its communes")
}

// AtRegistration says which registration of a letter (from 1) err is about.
func AtRegistration(pos int, err error) error {
	return prefixed(err, lang.VI.F("Mô hình %d: ", "", pos), lang.EN.F("", "Registration %d: ", pos))
}

// AtRow says which row of a file (from 1) err is about.
func AtRow(row int, err error) error {
	return prefixed(err, lang.VI.F("Dòng %d: ", "", row), lang.EN.F("", "Row %d: ", row))
}

// prefixed puts vi and en before the clerk's message of err (an error
// never explained is left as it is, for the caller to explain).
func prefixed(err error, vi, en string) error {
	var le *lang.Error
	if !errors.As(err, &le) {
		return err
	}
	return &lang.Error{VI: vi + le.VI, EN: en + le.EN, Cause: le.Cause}
}

// ParentGone: the parent named for an agency is no longer in the book.
func ParentGone() error {
	return lang.Errorf("Đơn vị cấp trên không còn trong sổ dữ liệu", "The parent agency is no longer in the book")
}

// ParentLater: in a list of agencies, a parent must come before its units.
func ParentLater() error {
	return lang.Errorf("Đơn vị cấp trên phải đứng trước trong danh sách", "The parent must come earlier in the list")
}

// InvalidAgency: an agency without a name or a group, in a list to add.
func InvalidAgency(name string) error {
	return lang.Errorf("Cơ quan, đơn vị %q không hợp lệ", "Agency %q is not valid", name)
}

// NoSuchAgency: no agency bears the name asked for.
func NoSuchAgency(name string) error {
	return lang.Errorf("Không có cơ quan, đơn vị nào tên %q", "No agency is named %q", name)
}

// NoSuchGroup: a group that is not one of campaign.Groups.
func NoSuchGroup(g campaign.Group) error {
	return lang.Errorf("Nhóm %q không có (department, central, district, commune)", "There is no group %q (department, central, district, commune)", string(g))
}

// AlreadyMerged: a unit merged in the campaign is merged again.
func AlreadyMerged(name, into string) error {
	return lang.Errorf("%s đã được hợp nhất vào %s trong đợt đăng ký này", "%s was already merged into %s in this campaign", name, into)
}

// HasLetters: an agency with letters in the campaign is taken off its list.
func HasLetters() error {
	return lang.Errorf("Cơ quan, đơn vị này đã có văn bản trong đợt đăng ký; hãy ngừng theo dõi thay vì bỏ khỏi danh sách",
		"This agency has letters in the campaign; deactivate it instead of removing it")
}

// EmptyLetter: a letter recorded without a registration.
func EmptyLetter() error {
	return lang.Errorf("Văn bản chưa có mô hình, sáng kiến nào", "The letter has no registration")
}

// AlreadyDeleted: the registration to delete was deleted by someone else.
func AlreadyDeleted() error {
	return lang.Wrap(ErrNotFound, "Mô hình này đã bị xóa ở nơi khác", "This registration was already deleted elsewhere")
}

// LetterUnknown: a registration whose letter is no longer known cannot be restored.
func LetterUnknown() error {
	return lang.Errorf("Không khôi phục được: không còn thông tin văn bản của mô hình này", "Cannot restore: the letter of this registration is no longer known")
}

// StepBeforeLetter: a step of progress dated before the registration's
// letter was received.
func StepBeforeLetter(on, received vndate.Date) error {
	return lang.Errorf("Ngày: %s trước ngày nhận văn bản đăng ký (%s)", "Date: %s is before the letter was received (%s)", on, received)
}

// What cchc check finds wrong in a book that the schema cannot forbid,
// each naming the row it is about as the clerk knows it: the rules of the
// domain, then text written behind the program's back.

// CommuneUnderNonDistrict: a commune stands under a unit that is not a
// district.
func CommuneUnderNonDistrict(name string) lang.Error {
	return *lang.Errorf("Xã %q thuộc một đơn vị không phải cấp huyện", "Commune %q is under a unit that is not a district", name)
}

// SuccessorOutsideCampaign: a unit succeeds others in a campaign that does
// not follow it.
func SuccessorOutsideCampaign(name string) lang.Error {
	return *lang.Errorf("%q kế thừa đơn vị khác trong một đợt đăng ký mà không thuộc đợt đó", "%q succeeds other units in a campaign it is not part of", name)
}

// ParentOfNonCommune: an agency that is not a commune has a parent.
func ParentOfNonCommune(name string) lang.Error {
	return *lang.Errorf("Cơ quan %q không phải cấp xã mà có đơn vị cấp trên", "Agency %q is not a commune but has a parent", name)
}

// LeadUnitAstray: a registration's lead unit is neither its sender nor one
// of the sender's communes.
func LeadUnitAstray(title string) lang.Error {
	return *lang.Errorf("Mô hình %q: đơn vị chủ trì không phải cơ quan gửi văn bản hay xã của cơ quan đó", "Registration %q: the lead unit is neither the sender nor one of its communes", title)
}

// LetterWithoutRegistration: a letter holds no registration.
func LetterWithoutRegistration(letter string) lang.Error {
	return *lang.Errorf("Văn bản %s không có mô hình nào", "Letter %s has no registration", letter)
}

// SenderOutsideCampaign: a letter's sender is not followed by its campaign.
func SenderOutsideCampaign(letter string) lang.Error {
	return *lang.Errorf("Văn bản %s: cơ quan gửi không thuộc đợt đăng ký", "Letter %s: the sender is not part of its campaign", letter)
}

// TargetBelowRequired: a quota's target is below what is required.
func TargetBelowRequired(quota string) lang.Error {
	return *lang.Errorf("Chỉ tiêu %s: mức phấn đấu thấp hơn mức bắt buộc", "Quota %s: the target is below the requirement", quota)
}

// LetterDatesInvalid: a letter's received or letter date is not a day, or
// it was dated after it was received.
func LetterDatesInvalid(letter string) lang.Error {
	return *lang.Errorf("Văn bản %s: ngày nhận hoặc ngày văn bản không hợp lệ", "Letter %s: invalid received or letter date", letter)
}

// LetterTooEarly: a letter's dates come before its campaign's year could
// begin (campaign.Earliest).
func LetterTooEarly(letter string) lang.Error {
	return *lang.Errorf("Văn bản %s: ngày nhận hoặc ngày văn bản quá sớm cho đợt đăng ký của nó (kiểm tra lại năm)", "Letter %s: received or letter date too early for its campaign (check the year)", letter)
}

// DeadlineInvalid: a campaign's deadline is not a day.
func DeadlineInvalid(name string) lang.Error {
	return *lang.Errorf("Đợt đăng ký %s: hạn nộp không hợp lệ", "Campaign %s: invalid deadline", name)
}

// DeadlineOutsideYear: a campaign's deadline is not in its year
// (campaign.DeadlineInYear).
func DeadlineOutsideYear(name string) lang.Error {
	return *lang.Errorf("Đợt đăng ký %s: hạn nộp không thuộc năm của đợt", "Campaign %s: the deadline is not in the campaign's year", name)
}

// TallyDisagrees: the count of a letter's registrations kept for the status
// disagrees with them.
func TallyDisagrees(letter string) lang.Error {
	return *lang.Errorf("Văn bản %s: số mô hình đếm sẵn để tính tình hình (bảng letter_tally) không khớp với các mô hình đã nhập", "Letter %s: the registration count kept for the status (table letter_tally) disagrees with its registrations", letter)
}

// ChangeLeftOpen: a change of the history was never closed.
func ChangeLeftOpen(change string) lang.Error {
	return *lang.Errorf("Lịch sử: thay đổi %s chưa khép lại", "History: change %s was left open", change)
}

// KeyMismatch: a search key does not match its text.
func KeyMismatch(text string) lang.Error {
	return *lang.Errorf("%q: khóa tìm kiếm không khớp (sửa ngoài chương trình?)", "%q: search key does not match (edited outside the program?)", text)
}

// NoSuchDay: a letter's date is not a day of the calendar.
func NoSuchDay(letter string) lang.Error {
	return *lang.Errorf("Văn bản %s: ngày không có thật", "Letter %s: a day that does not exist", letter)
}

// ReceivedInFuture: a letter received after the clerk's today.
func ReceivedInFuture(letter string, received vndate.Date) lang.Error {
	return *lang.Errorf("Văn bản %s: ngày nhận %s còn ở tương lai (sửa ngoài chương trình?)",
		"Letter %s: received on %s, in the future (edited outside the program?)", letter, received)
}

// HiddenCharacters: a text holds control or invisible characters, which
// cchc never stores (row: the table's key of the row).
func HiddenCharacters(table, column, row, text string) lang.Error {
	return *lang.Errorf("Bảng %s, cột %s, dòng %s: %q chứa ký tự điều khiển hoặc ký tự ẩn (sửa ngoài chương trình?)",
		"Table %s, column %s, row %s: %q contains control or hidden characters (edited outside the program?)",
		table, column, row, text)
}

// Summary says what a restore did, in the history and after the command.
func (r Restored) Summary(l lang.Lang) string {
	if r.Saved == "" {
		return l.F("Khôi phục sổ dữ liệu từ bản sao lưu %s", "Restored the book from the backup %s", r.From)
	}
	return l.F("Khôi phục sổ dữ liệu từ bản sao lưu %s; sổ trước khi khôi phục được sao lưu vào %s", "Restored the book from the backup %s; the book as it was before was backed up to %s", r.From, r.Saved)
}

// RestoreNotUndone: a restore is undone by restoring the book saved before it.
func RestoreNotUndone(r Restored) error {
	if r.Saved == "" {
		return lang.Errorf("Việc khôi phục từ bản sao lưu không hoàn tác được", "A restore from a backup cannot be undone")
	}
	return lang.Errorf("Việc khôi phục từ bản sao lưu không hoàn tác được bằng lệnh hoàn tác; để quay lại sổ như trước đó, khôi phục bản %s (trong ứng dụng: phím h rồi b; dòng lệnh: cchc restore)",
		"A restore from a backup is not undone by undo; to go back to the book as it was before it, restore %s (in the application: h then b; command line: cchc restore)", r.Saved)
}

// RestoreShared: a shared book is restored into an empty database.
func RestoreShared() error {
	return lang.Errorf("Sổ dùng chung trên PostgreSQL được khôi phục vào một cơ sở dữ liệu trống: tạo cơ sở dữ liệu mới rồi chạy cchc restore BẢN-SAO-LƯU --db postgres://…/TÊN-MỚI",
		"A shared book on PostgreSQL is restored into an empty database: create a new database, then run cchc restore BACKUP --db postgres://…/NEW-NAME")
}
