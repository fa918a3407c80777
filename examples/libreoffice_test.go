package examples_test

import (
	"archive/zip"
	"encoding/csv"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"appraise/workbook"
)

// TestExamplesOpenInLibreOffice scores a few examples and has LibreOffice
// read each scored workbook, when soffice is installed: every sheet
// appraise wrote (the summary, the results, the payouts, the detail and
// the audit) must come out of LibreOffice with the same cells, and the
// notes and the grade chart must survive its saving the workbook again,
// so that the file opens cleanly outside Excel and excelize. Numbers are
// compared as numbers, since LibreOffice writes them as the cell shows
// them (75% for 0.75) and to 15 significant digits.
func TestExamplesOpenInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed")
	}
	if testing.Short() {
		t.Skip("LibreOffice is slow to start")
	}
	bin := buildAppraise(t)
	profile := "file://" + filepath.ToSlash(t.TempDir())
	for _, dir := range []string{"ecommerce-cs", "sentai-quarterly", "cs-staff"} {
		t.Run(dir, func(t *testing.T) {
			work := t.TempDir()
			input := filepath.Base(sample(t, dir))
			for _, name := range []string{"rules.yaml", input} {
				copyFile(t, filepath.Join(dir, name), filepath.Join(work, name))
			}
			cmd := exec.Command(bin, "score", input, "-o", "scored.xlsx")
			cmd.Dir = work
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("appraise score %s: %v\n%s", input, err, out)
			}
			scored := filepath.Join(work, "scored.xlsx")
			// Every sheet, each to a CSV file of its own (the last
			// token, -1), written as the cells show.
			conv := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless",
				"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
				"--outdir", filepath.Join(work, "lo"), scored)
			if out, err := conv.CombinedOutput(); err != nil {
				t.Fatalf("soffice: %v\n%s", err, out)
			}
			names, err := workbook.SheetNames(scored)
			if err != nil {
				t.Fatal(err)
			}
			for _, sheet := range names {
				dump, err := workbook.Dump(scored, sheet)
				if err != nil {
					t.Fatal(err)
				}
				lo := readCSV(t, filepath.Join(work, "lo", "scored-"+sheet+".csv"))
				want := strings.Split(strings.TrimSuffix(dump, "\n"), "\n")
				if len(lo) != len(want) {
					t.Fatalf("%s: LibreOffice reads %d rows, appraise wrote %d", sheet, len(lo), len(want))
				}
				for i, line := range want {
					cells := strings.Split(line, "|")
					for j, c := range cells {
						got := ""
						if j < len(lo[i]) {
							got = lo[i][j]
						}
						if !sameCell(c, got) {
							t.Errorf("%s row %d column %d: appraise wrote %q, LibreOffice reads %q", sheet, i+1, j+1, c, got)
						}
					}
				}
			}
			// LibreOffice reads the summary's chart and the headers'
			// notes too: saved again as .xlsx, the workbook keeps them.
			again := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless",
				"--convert-to", "xlsx", "--outdir", filepath.Join(work, "again"), scored)
			if out, err := again.CombinedOutput(); err != nil {
				t.Fatalf("soffice: %v\n%s", err, out)
			}
			parts := zipParts(t, filepath.Join(work, "again", "scored.xlsx"))
			if !strings.Contains(parts, "xl/comments") {
				t.Errorf("LibreOffice lost the notes on the result headers; its parts: %s", parts)
			}
			if dir == "sentai-quarterly" && !strings.Contains(parts, "xl/charts/chart") {
				t.Errorf("LibreOffice lost the grade chart; its parts: %s", parts)
			}
		})
	}
}

// zipParts lists the parts of the workbook at path.
func zipParts(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return strings.Join(names, " ")
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for len(rows) > 0 && strings.Join(rows[len(rows)-1], "") == "" {
		rows = rows[:len(rows)-1]
	}
	return rows
}

// sameCell compares a cell's raw value with what LibreOffice shows of
// it: texts exactly, numbers to 12 significant digits, a percentage
// shown as such.
func sameCell(raw, shown string) bool {
	if raw == shown {
		return true
	}
	a, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return false
	}
	s := strings.ReplaceAll(shown, ",", "")
	scale := 1.0
	if strings.HasSuffix(s, "%") {
		s, scale = strings.TrimSuffix(s, "%"), 0.01
	}
	b, err := strconv.ParseFloat(strings.TrimPrefix(s, "¥"), 64)
	if err != nil {
		return false
	}
	b *= scale
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), 1)
}
