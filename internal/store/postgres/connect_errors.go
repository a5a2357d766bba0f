package postgres

import (
	"crypto/x509"
	"errors"
	"net"
	"os"
	"strings"
	"syscall"

	"cchc/internal/lang"

	"github.com/jackc/pgx/v5/pgconn"
)

// ExplainConnect turns a failure to reach the book's database (no server
// there, a wrong user name or password, no such database, a role not let
// in, encryption refused or a certificate not trusted) into a message for
// the clerk naming where (the address without its password); nil when err
// is not one. pgx's own text, which names the user and the database but
// never the password, is kept as the technical detail.
func ExplainConnect(err error, where string) error {
	var ce *pgconn.ConnectError
	if !errors.As(err, &ce) {
		return nil
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000": // invalid_password, invalid_authorization_specification
			return lang.Wrap(err, "Máy chủ cơ sở dữ liệu không chấp nhận tên đăng nhập hoặc mật khẩu cho %s (hoặc không cho máy này vào: pg_hba.conf); hãy kiểm tra lại với người quản trị",
				"The database server refused the user name or password for %s (or does not let this computer in: pg_hba.conf); check them with the administrator", where)
		case "3D000": // invalid_catalog_name
			return lang.Wrap(err, "Máy chủ không có cơ sở dữ liệu được nêu trong %s; hãy kiểm tra tên cơ sở dữ liệu trong địa chỉ",
				"The server has no database named in %s; check the database's name in the address", where)
		case "42501": // insufficient_privilege: no CONNECT on the database
			return lang.Wrap(err, "Tài khoản này không được phép vào cơ sở dữ liệu %s (thiếu quyền CONNECT); hãy nhờ người quản trị cấp quyền",
				"This account may not connect to the database %s (no CONNECT privilege); ask the administrator to grant it", where)
		case "53300": // too_many_connections
			return lang.Wrap(err, "Máy chủ cơ sở dữ liệu %s đã đủ số kết nối; hãy thử lại sau ít phút",
				"The database server %s has all the connections it allows; try again in a few minutes", where)
		case "57P03": // cannot_connect_now: starting up or shutting down
			return lang.Wrap(err, "Máy chủ cơ sở dữ liệu %s đang khởi động hoặc đang tắt; hãy thử lại sau ít phút",
				"The database server %s is starting up or shutting down; try again in a few minutes", where)
		}
	}
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var dns *net.DNSError
	var netErr net.Error
	switch {
	case strings.Contains(err.Error(), "server refused TLS connection"):
		return lang.Wrap(err, "Máy chủ cơ sở dữ liệu %s không nhận kết nối mã hóa (TLS) mà sslmode trong địa chỉ đòi hỏi; hãy nhờ người quản trị bật ssl trên máy chủ",
			"The database server %s does not accept the encrypted (TLS) connection that the address's sslmode requires; ask the administrator to turn ssl on at the server", where)
	case errors.As(err, &unknownAuthority), errors.As(err, &hostname), errors.As(err, &invalid):
		return lang.Wrap(err, "Chứng chỉ của máy chủ cơ sở dữ liệu %s không được tin cậy hoặc không đúng tên máy chủ; không kết nối (hãy kiểm tra sslrootcert và tên máy chủ với người quản trị)",
			"The certificate of the database server %s is not trusted or names another host; not connected (check sslrootcert and the server's name with the administrator)", where)
	case errors.As(err, &dns):
		return lang.Wrap(err, "Không tìm thấy máy chủ cơ sở dữ liệu có tên trong %s; hãy kiểm tra tên máy chủ và mạng",
			"Cannot find the database server named in %s; check the server's name and the network", where)
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, os.ErrNotExist), errors.Is(err, syscall.ENOENT):
		return lang.Wrap(err, "Không có máy chủ cơ sở dữ liệu nào trả lời ở %s (máy chủ chưa chạy, hoặc sai địa chỉ, sai cổng)",
			"No database server answers at %s (it is not running, or the address or port is wrong)", where)
	case errors.As(err, &netErr) && netErr.Timeout():
		return lang.Wrap(err, "Máy chủ cơ sở dữ liệu %s không trả lời kịp; hãy kiểm tra mạng và thử lại",
			"The database server %s did not answer in time; check the network and try again", where)
	}
	return lang.Wrap(err, "Không kết nối được với máy chủ cơ sở dữ liệu %s", "Cannot connect to the database server %s", where)
}
