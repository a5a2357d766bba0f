package main

import (
	"fmt"
	"strconv"
	"strings"

	"cchc/internal/demo"
	"cchc/internal/demo/demobook"
	"cchc/internal/lang"
	"cchc/internal/location"
)

func init() {
	register(command{
		name: "demo",
		summary: func(l lang.Lang) string {
			return l.T("tạo sổ dữ liệu mẫu (cấp tỉnh hoặc toàn quốc) để xem thử, đo tốc độ",
				"make a demo book (a province or the whole country) to try out or benchmark")
		},
		run: runDemo,
	})
}

func runDemo(e *env, args []string) error {
	fs := newFlags("demo", e)
	scale := fs.String("scale", string(demo.Province), "")
	seed := fs.String("seed", "1", "")
	times := fs.String("times", "1", "")
	if err := parse(fs, e, args, func() { demoHelp(e) }); err != nil {
		return err
	}
	l := e.lang
	sc, ok := demo.ParseScale(*scale)
	if !ok {
		return usageError{l.F("--scale %q: chọn province (cấp tỉnh) hoặc national (toàn quốc)", "--scale %q: choose province or national", *scale)}
	}
	n, err := strconv.ParseUint(strings.TrimSpace(*seed), 10, 64)
	if err != nil {
		return usageError{l.F("--seed %q: cần một số tự nhiên, ví dụ 1", "--seed %q: expected a whole number, e.g. 1", *seed)}
	}
	k, err := strconv.Atoi(strings.TrimSpace(*times))
	if err != nil || k < 1 || k > 8 || (k > 1 && sc != demo.National) {
		return usageError{l.F("--times %q: cần số lần từ 1 đến 8, chỉ với --scale national", "--times %q: expected 1 to 8, only with --scale national", *times)}
	}
	// Only the file named on this command line: never $CCHC_DB or the
	// clerk's default book.
	if e.db == "" {
		return usageError{l.T("Thiếu --db TỆP: tên tệp mới để ghi dữ liệu mẫu (xem: cchc demo --help)",
			"Missing --db FILE: the new file to write the demo data to (see: cchc demo --help)")}
	}
	loc, err := location.Parse(e.db)
	if err != nil {
		return err
	}
	st, err := demobook.Make(e.ctx, loc.Value, sc, n, k, e.aside)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, l.F("Đã tạo %s: %s cơ quan, đơn vị; %s đợt đăng ký; %s văn bản; %s mô hình, sáng kiến (đợt mới nhất: %s)",
		"Made %s: %s agencies; %s campaigns; %s letters; %s registrations (latest campaign: %s)",
		loc, l.Num(st.Agencies), l.Num(st.Campaigns), l.Num(st.Letters), l.Num(st.Registrations), l.Num(st.Latest)))
	return nil
}

func demoHelp(e *env) {
	l := e.lang
	fmt.Fprint(e.stdout, l.T(`Cách dùng: cchc demo [--scale province|national] [--seed N] [--times N] --db TỆP

Tạo một sổ dữ liệu mới với dữ liệu mẫu giống thật (tên tiếng Việt có dấu, đủ các nhóm, xã
thuộc huyện, ba đợt đăng ký, mô hình, sáng kiến ở mọi tình trạng và ngày nhận; ở cấp tỉnh, tiến độ
thực hiện của các năm đã qua để xem báo cáo kết quả). Cùng một --seed luôn cho cùng một dữ liệu.
Không bao giờ ghi vào sổ dữ liệu đã có dữ liệu.

Tùy chọn:
  --scale province   một tỉnh như Hà Tĩnh: 19 sở, ngành; 8 cơ quan Trung ương; 13 huyện; 216 xã
                     (mặc định)
  --scale national   toàn quốc: 63 tỉnh, khoảng 15.000 cơ quan, đơn vị; đợt mới nhất có
                     200.000 mô hình, sáng kiến (mất khoảng một phút)
  --seed N           hạt giống ngẫu nhiên (mặc định: 1)
  --times N          đợt mới nhất toàn quốc gấp N lần (2: 400.000 mô hình, sáng kiến), để đo
                     tốc độ khi dữ liệu lớn dần (mặc định: 1)
  --db TỆP           tệp mới để ghi (bắt buộc)

Ví dụ:
  cchc demo --db demo.db
  cchc demo --scale national --seed 7 --db toan-quoc.db
  cchc demo --scale national --seed 1 --times 4 --db toan-quoc-4x.db
  cchc --db demo.db
`, `Usage: cchc demo [--scale province|national] [--seed N] [--times N] --db FILE

Makes a new database with realistic made-up data (Vietnamese names with diacritics, every group,
communes under districts, three campaigns, registrations in every status and on many days; for a
province, the progress of past years' models, for the results report). The same --seed always gives
the same data. Never writes into a database that holds data.

Options:
  --scale province   one province like Hà Tĩnh: 19 departments, 8 central agencies,
                     13 districts, 216 communes (default)
  --scale national   the whole country: 63 provinces, about 15,000 agencies; the latest
                     campaign has 200,000 registrations (takes about a minute)
  --seed N           random seed (default: 1)
  --times N          the latest national campaign N times as big (2: 400,000 registrations),
                     to measure how speed changes as a book grows (default: 1)
  --db FILE          the new file to write (required)

Examples:
  cchc demo --db demo.db
  cchc demo --scale national --seed 7 --db country.db
  cchc demo --scale national --seed 1 --times 4 --db country-4x.db
  cchc --db demo.db
`)+"\n"+l.T("Tùy chọn chung:\n", "Global options:\n")+globalOptionsHelp(l))
}
