// Package xlsxcheck checks, for tests, what a written workbook's XML holds
// that excelize reads back without complaint but Excel may "repair".
package xlsxcheck

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"cchc/internal/doc"
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

// Margins checks a sheet's page margins are docx's and pdf's (Nghị định
// 30: 20 mm top and bottom, 30 left, 15 right), within 0.1 mm.
func Margins(m excelize.PageLayoutMarginsOptions) error {
	for _, x := range []struct {
		name string
		got  *float64
		mm   float64
	}{{"left", m.Left, doc.MarginLeft}, {"right", m.Right, doc.MarginRight}, {"top", m.Top, doc.MarginTop}, {"bottom", m.Bottom, doc.MarginBottom}} {
		if x.got == nil || math.Abs(*x.got*25.4-x.mm) > 0.1 {
			return fmt.Errorf("%s margin %v in, want %v mm", x.name, x.got, x.mm)
		}
	}
	return nil
}
