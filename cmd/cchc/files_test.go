package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cchc/internal/store"
)

// An import keeps the file it read; files lists it (json with exactly
// its fields), files get gives it back byte for byte; attach refuses a
// file that is not what its name says; the dossier holds them all.
func TestFilesFromTheCommandLine(t *testing.T) {
	eachBackend(t, testFilesCommands)
}

func testFilesCommands(t *testing.T, db string) {
	t.Setenv("CCHC_TODAY", "25/03/2023")
	dir := t.TempDir()
	docx := filepath.Join("testdata", "so-y-te-writer.docx")
	output(t, "--db", db, "import", "registrations", docx, "--received", "22/03/2023")
	var list []map[string]any
	if err := json.Unmarshal([]byte(output(t, "--db", db, "files", "--format", "json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("files = %v", list)
	}
	keys := []string{}
	for k := range list[0] {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if strings.Join(keys, ",") != "added,agency,id,letter_id,name,registration_id,sha256,size" {
		t.Errorf("json fields %v", keys)
	}
	f := list[0]
	if f["name"] != "so-y-te-writer.docx" || f["agency"] != "Sở Y tế" || f["letter_id"] == nil || f["registration_id"] != nil ||
		!strings.HasSuffix(f["added"].(string), "Z") {
		t.Errorf("file = %v", f)
	}
	back := filepath.Join(dir, "ban-sao.docx")
	id := fmt.Sprint(f["id"]) // not 1 on PostgreSQL: the dry run before an import takes numbers
	output(t, "--db", db, "files", "get", id, "-o", back)
	want, err := os.ReadFile(docx)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(back); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("files get gave %d bytes (%v), want the %d imported", len(got), err, len(want))
	}
	if code, _, errs := cchc(t, "--db", db, "files", "get", id, "-o", back); code != 1 || !strings.Contains(errs, "đã có") {
		t.Errorf("files get over a file: exit %d %s", code, errs)
	}

	reg := registrationID(t, db)
	fake := filepath.Join(dir, "quyết định.pdf")
	if err := os.WriteFile(fake, want, 0o600); err != nil { // a Word file named .pdf
		t.Fatal(err)
	}
	if code, _, errs := cchc(t, "--db", db, "attach", fake, "--registration", reg); code != 1 || !strings.Contains(errs, "không phải tệp PDF") {
		t.Errorf("attach a docx named .pdf: exit %d %s", code, errs)
	}
	if err := os.WriteFile(fake, []byte("%PDF-1.4\nký số\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := cchc(t, "--db", db, "attach", fake); code != 2 {
		t.Errorf("attach with no record: exit %d %s", code, errs)
	}
	if out := output(t, "--db", db, "attach", fake, "--registration", reg); !strings.Contains(out, ": quyết định.pdf") {
		t.Errorf("attach: %s", out)
	}
	text := output(t, "--db", db, "files", "--agency", "so y te")
	if !strings.Contains(text, "2 tệp") || !strings.Contains(text, "giới hạn 2,0 GB") || !strings.Contains(text, "quyết định.pdf") {
		t.Errorf("files:\n%s", text)
	}

	zipped := filepath.Join(dir, "HO-SO.zip")
	if out := output(t, "--db", db, "dossier", "-o", zipped); !strings.Contains(out, "2 tệp") {
		t.Errorf("dossier: %s", out)
	}
	zr, err := zip.OpenReader(zipped)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if !slices.Contains(names, "001 Sở Y tế/so-y-te-writer.docx") || !slices.Contains(names, "001 Sở Y tế/quyết định.pdf") ||
		!slices.Contains(names, "MUC-LUC.xlsx") {
		t.Errorf("dossier holds %q", names)
	}
	if code, _, _ := cchc(t, "--db", db, "dossier", "-o", filepath.Join(dir, "ho-so.txt")); code != 1 {
		t.Errorf("a dossier not .zip: exit %d", code)
	}
}

// registrationID is the id of the first registration of the latest campaign.
func registrationID(t *testing.T, db string) string {
	t.Helper()
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	c, err := st.Campaign(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.Registrations(ctx, c.ID)
	if err != nil || len(rows) == 0 {
		t.Fatal(rows, err)
	}
	return fmt.Sprint(rows[0].ID)
}

// files remove takes a file attached by mistake away, says how to take it
// back (cchc undo N), and tells an ID it does not know in words.
func TestFilesRemoveFromTheCommandLine(t *testing.T) {
	eachBackend(t, testFilesRemove)
}

func testFilesRemove(t *testing.T, db string) {
	t.Setenv("CCHC_TODAY", "25/03/2023")
	dir := t.TempDir()
	output(t, "--db", db, "import", "registrations", filepath.Join("testdata", "so-y-te-writer.docx"), "--received", "22/03/2023")
	pdf := filepath.Join(dir, "nhầm.pdf")
	content := []byte("%PDF-1.4\nđính kèm nhầm\n")
	if err := os.WriteFile(pdf, content, 0o600); err != nil {
		t.Fatal(err)
	}
	output(t, "--db", db, "attach", pdf, "--registration", registrationID(t, db))
	var list []struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal([]byte(output(t, "--db", db, "files", "--format", "json")), &list); err != nil || len(list) != 2 || list[1].Name != "nhầm.pdf" {
		t.Fatalf("files = %v, %v", list, err)
	}
	id := fmt.Sprint(list[1].ID)
	out := output(t, "--db", db, "files", "remove", id)
	if !strings.Contains(out, "Đã bỏ tệp số "+id+" (nhầm.pdf)") || !strings.Contains(out, "Sở Y tế") {
		t.Errorf("files remove: %s", out)
	}
	_, undo, ok := strings.Cut(strings.TrimSpace(out), "cchc undo ")
	if !ok {
		t.Fatalf("files remove does not say how to take it back: %s", out)
	}
	if text := output(t, "--db", db, "files"); strings.Contains(text, "nhầm.pdf") || !strings.Contains(text, "1 tệp") {
		t.Errorf("files after the remove:\n%s", text)
	}
	if h := output(t, "--db", db, "history"); !strings.Contains(h, "Bỏ tệp «nhầm.pdf» của Sở Y tế") {
		t.Errorf("history:\n%s", h)
	}
	if code, _, errs := cchc(t, "--db", db, "files", "remove", id); code != 1 || !strings.Contains(errs, "không còn trong sổ") {
		t.Errorf("removed twice: exit %d %s", code, errs)
	}
	if code, _, errs := cchc(t, "--db", db, "--lang", "en", "files", "remove", "987654"); code != 1 || !strings.Contains(errs, "There is no file number 987654") {
		t.Errorf("an unknown ID: exit %d %s", code, errs)
	}
	for _, args := range [][]string{{}, {"abc"}, {"0"}, {"1", "2"}} {
		if code, _, errs := cchc(t, append([]string{"--db", db, "files", "remove"}, args...)...); code != 2 || !strings.Contains(errs, "cchc files remove SỐ") {
			t.Errorf("files remove %q: exit %d %s", args, code, errs)
		}
	}
	output(t, "--db", db, "undo", undo)
	back := filepath.Join(dir, "lai.pdf")
	output(t, "--db", db, "files", "get", id, "-o", back)
	if got, err := os.ReadFile(back); err != nil || !bytes.Equal(got, content) {
		t.Errorf("back after cchc undo %s: %q, %v", undo, got, err)
	}
}
