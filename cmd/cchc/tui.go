package main

import (
	"fmt"
)

func runTUI(e *env) error {
	st, err := openStore(e, true)
	if err != nil {
		return err
	}
	defer st.Close()
	fmt.Fprintln(e.stdout, e.lang.F("Tệp dữ liệu: %s\nGiao diện làm việc đang được xây dựng; hãy dùng: cchc status", "Database: %s\nThe application screen is being built; use: cchc status", st.Path()))
	return nil
}
