// Package xlsxcheck checks, for tests, what a written workbook's XML holds
// that excelize reads back without complaint but Excel may "repair".
package xlsxcheck

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

var colRE = regexp.MustCompile(`<col min="(\d+)" max="(\d+)"`)

// Cols checks every worksheet of the workbook: its <col> elements in
// ascending order and not overlapping, as the Office schema asks.
func Cols(xlsx []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		return err
	}
	sheets := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		sheets++
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		last := 0
		for _, m := range colRE.FindAllSubmatch(data, -1) {
			lo, _ := strconv.Atoi(string(m[1]))
			hi, _ := strconv.Atoi(string(m[2]))
			if lo <= last || hi < lo {
				return fmt.Errorf("%s: <col min=%d max=%d> after a column up to %d: not ascending", f.Name, lo, hi, last)
			}
			last = hi
		}
	}
	if sheets == 0 {
		return fmt.Errorf("no worksheet in the workbook")
	}
	return nil
}
