package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/csv"
	"errors"
	"fmt"
	"hash/crc32"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"appraise/workbook"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"appraise": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
		"mkxlsx":   func() { os.Exit(mkxlsx(os.Args[1:])) },
		"cells":    func() { os.Exit(cells(os.Args[1:])) },
		"zipedit":  func() { os.Exit(zipedit(os.Args[1:])) },
		"mkbomb":   func() { os.Exit(mkbomb(os.Args[1:])) },
		"encrypt":  func() { os.Exit(encrypt(os.Args[1:])) },
		"zipsub":   func() { os.Exit(zipsub(os.Args[1:])) },
		"mkrows":   func() { os.Exit(mkrows(os.Args[1:])) },
		"mktext":   func() { os.Exit(mktext(os.Args[1:])) },
		"mkcsv":    func() { os.Exit(mkcsv(os.Args[1:])) },
		"looks":    func() { os.Exit(looks(os.Args[1:])) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script: each builds
// workbooks, runs appraise as a user would and reads back what it wrote.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":  exitcode,
			"interrupt": interrupt,
		},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
	})
}

// exitcode N cmd args... runs cmd and checks that it exits with code N;
// its output is kept for the stdout and stderr commands that follow.
func exitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %q is not a number", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("exitcode: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// interrupt N FILE SIGNAL cmd args... starts cmd, sends it SIGNAL (INT
// or TERM) as soon as FILE exists (a pattern, such as a temporary file's
// name, when it holds a *), and checks that it exits with code N.
// What it printed goes to the files interrupt.stdout and
// interrupt.stderr, since it ran outside the script's own exec.
func interrupt(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 4 {
		ts.Fatalf("usage: interrupt N file INT|TERM command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("interrupt: %q is not a number", args[0])
	}
	sig := map[string]os.Signal{"INT": os.Interrupt, "TERM": syscall.SIGTERM}[args[2]]
	if sig == nil {
		ts.Fatalf("interrupt: signal %q is not INT or TERM", args[2])
	}
	path, err := exec.LookPath(args[3])
	if err != nil {
		// The script's own commands are found on the script's PATH.
		for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
			if p := filepath.Join(dir, args[3]); fileExists(p) {
				path, err = p, nil
				break
			}
		}
	}
	if err != nil {
		ts.Fatalf("interrupt: %v", err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(path, args[4:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = os.Environ()
	for _, kv := range []string{"PATH", "HOME", "TMPDIR"} {
		cmd.Env = append(cmd.Env, kv+"="+ts.Getenv(kv))
	}
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		ts.Fatalf("interrupt: %v", err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	file := ts.MkAbs(args[1])
	var done error
	sent := false
	for !sent {
		select {
		case done = <-waited:
			ts.Fatalf("interrupt: %s ended before %s appeared: %v\n%s", args[3], args[1], done, stderr.String())
		case <-time.After(5 * time.Millisecond):
			if m, _ := filepath.Glob(file); len(m) > 0 {
				ts.Check(cmd.Process.Signal(sig))
				sent = true
			}
		}
	}
	done = <-waited
	got := 0
	var ee *exec.ExitError
	if errors.As(done, &ee) {
		got = ee.ExitCode()
	} else if done != nil {
		ts.Fatalf("interrupt: %v", done)
	}
	ts.Check(os.WriteFile(ts.MkAbs("interrupt.stdout"), stdout.Bytes(), 0o644))
	ts.Check(os.WriteFile(ts.MkAbs("interrupt.stderr"), stderr.Bytes(), 0o644))
	if got != want {
		ts.Fatalf("%s exited with %d, want %d\n%s", args[3], got, want, stderr.String())
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// mkrows OUT SHEET N writes a workbook of N people: a header 工号|得分,
// then E000001|50, E000002|51, and so on, the score going round 50..99.
func mkrows(args []string) int {
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: mkrows out.xlsx sheet n")
		return 2
	}
	n, err := strconv.Atoi(args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	rows := [][]string{{"工号", "得分"}}
	for i := 1; i <= n; i++ {
		rows = append(rows, []string{fmt.Sprintf("E%06d", i), strconv.Itoa(50 + (i-1)%50)})
	}
	return writeRows(args[0], args[1], rows)
}

// writeRows writes rows as the sheet of a workbook at path, making its
// folder, and returns the exit code of a test command.
func writeRows(path, sheet string, rows [][]string) int {
	return writeSheets(path, workbook.SheetRows{Name: sheet, Rows: rows})
}

// writeSheets writes a workbook of several sheets at path, making its
// folder, and returns the exit code of a test command.
func writeSheets(path string, sheets ...workbook.SheetRows) int {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for i := range sheets {
		if sheets[i].Name == "" {
			sheets[i].Name = "Sheet1"
		}
	}
	if err := workbook.WriteTables(path, sheets...); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// mkxlsx OUT SHEET TABLE [SHEET TABLE]... writes a workbook from text
// tables, a sheet each: one row per line, cells separated by "|" (see
// workbook.WriteTable for how cells are typed). A line "-" is an empty
// row.
func mkxlsx(args []string) int {
	if len(args) < 3 || len(args)%2 == 0 {
		fmt.Fprintln(os.Stderr, "usage: mkxlsx out.xlsx sheet table.txt [sheet table.txt]...")
		return 2
	}
	var sheets []workbook.SheetRows
	for i := 1; i+1 < len(args); i += 2 {
		rows, err := readTextTable(args[i+1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		sheets = append(sheets, workbook.SheetRows{Name: args[i], Rows: rows})
	}
	return writeSheets(args[0], sheets...)
}

// readTextTable reads a text table of mkxlsx.
func readTextTable(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "-" {
			rows = append(rows, nil)
			continue
		}
		var row []string
		for _, c := range strings.Split(line, "|") {

			// "0.75|pct" is one cell: a number shown as a percentage;
			// "2025-03-01|date" is a date cell.
			if (c == "pct" || c == "date") && len(row) > 0 {
				row[len(row)-1] += "|" + c
				continue
			}
			row = append(row, c)
		}
		rows = append(rows, row)
	}
	return rows, sc.Err()
}

// mkcsv OUT ENCODING TABLE writes the text table mkxlsx takes as a CSV
// file, as Excel saves one: CRLF line ends, cells quoted where they need
// it. ENCODING is utf-8, utf-8-bom (with a byte-order mark, as Excel's
// "CSV UTF-8"), gbk (as Chinese Excel's plain "CSV") or gb18030.
func mkcsv(args []string) int {
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: mkcsv out.csv {utf-8 | utf-8-bom | gbk | gb18030} table.txt")
		return 2
	}
	rows, err := readTextTable(args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	for _, r := range rows {
		for i, c := range r {
			r[i] = strings.TrimSuffix(c, "|pct")
		}
		_ = w.Write(r)
	}
	w.Flush()
	out := b.Bytes()
	switch args[1] {
	case "utf-8":
	case "utf-8-bom":
		out = append([]byte("\xEF\xBB\xBF"), out...)
	case "gbk", "gb18030":
		enc := simplifiedchinese.GBK
		if args[1] == "gb18030" {
			enc = simplifiedchinese.GB18030
		}
		if out, err = enc.NewEncoder().Bytes(out); err != nil {
			fmt.Fprintln(os.Stderr, "mkcsv:", err)
			return 1
		}
	default:
		fmt.Fprintf(os.Stderr, "mkcsv: unknown encoding %q\n", args[1])
		return 2
	}
	if err := os.MkdirAll(filepath.Dir(args[0]), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := os.WriteFile(args[0], out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// zipedit FILE PART OLD NEW replaces OLD, which must occur exactly once,
// with NEW in the zip entry PART of FILE. OLD and NEW are Go string
// literals, so that a script can damage a workbook in ways no writer
// would, such as "\x01" written raw into a sheet's XML. In NEW,
// "<repeat N s>" stands for s N times, for text too long to write out,
// such as a cell longer than the writer lets through; s holds no ">", but
// may hold the escape \x3e for one.
func zipedit(args []string) int {
	if len(args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: zipedit file.xlsx part old new")
		return 2
	}
	path, part := args[0], args[1]
	// Repeats are written out before the literal is read, so that s may
	// hold a ">" written as \x3e.
	quoted := repeats.ReplaceAllStringFunc(args[3], func(m string) string {
		sub := repeats.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[1])
		return strings.Repeat(sub[2], n)
	})
	old, err1 := strconv.Unquote(args[2])
	repl, err2 := strconv.Unquote(quoted)
	if err := errors.Join(err1, err2); err != nil {
		fmt.Fprintf(os.Stderr, "zipedit: old and new must be Go string literals: %v\n", err)
		return 2
	}
	if err := rewriteZipEntry(path, part, old, repl); err != nil {
		fmt.Fprintln(os.Stderr, "zipedit:", err)
		return 1
	}
	return 0
}

// mktext FILE TEXT writes TEXT, a Go string literal in which
// "<repeat N s>" stands for s N times (as in zipedit), to FILE: for rule
// files too big or too deep to keep in a script.
func mktext(args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mktext file text")
		return 2
	}
	quoted := repeats.ReplaceAllStringFunc(args[1], func(m string) string {
		sub := repeats.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[1])
		return strings.Repeat(sub[2], n)
	})
	text, err := strconv.Unquote(quoted)
	if err != nil {
		fmt.Fprintf(os.Stderr, "mktext: text must be a Go string literal: %v\n", err)
		return 2
	}
	if err := os.WriteFile(args[0], []byte(text), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "mktext:", err)
		return 1
	}
	return 0
}

// zipsub FILE OLD NEW replaces every OLD with NEW in every entry of the
// zip FILE, for changes all through a workbook, such as its namespaces.
func zipsub(args []string) int {
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: zipsub file.xlsx old new")
		return 2
	}
	err := rewriteZip(args[0], func(w *zip.Writer, name string, b []byte) (bool, error) {
		if !bytes.Contains(b, []byte(args[1])) {
			return false, nil
		}
		out, err := w.Create(name)
		if err != nil {
			return false, err
		}
		_, err = out.Write(bytes.ReplaceAll(b, []byte(args[1]), []byte(args[2])))
		return true, err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "zipsub:", err)
		return 1
	}
	return 0
}

// encrypt FILE PASSWORD saves the workbook FILE again with a password, as
// Excel's "Encrypt with Password" does: an OLE file holding the encrypted
// package.
func encrypt(args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: encrypt file.xlsx password")
		return 2
	}
	x, err := excelize.OpenFile(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, "encrypt:", err)
		return 1
	}
	defer x.Close()
	if err := x.SaveAs(args[0], excelize.Options{Password: args[1]}); err != nil {
		fmt.Fprintln(os.Stderr, "encrypt:", err)
		return 1
	}
	return 0
}

// mkbomb FILE PART AFTER MB makes the zip entry PART of FILE a zip bomb:
// MB megabytes of spaces go in after the text AFTER, which must occur
// once, and are stored as the same compressed block over and over, about
// a thousandth of their size, so that a script can make a workbook that
// inflates to gigabytes from a few megabytes on disk.
func mkbomb(args []string) int {
	if len(args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: mkbomb file.xlsx part after megabytes")
		return 2
	}
	mb, err := strconv.Atoi(args[3])
	if err != nil || mb < 2 {
		fmt.Fprintln(os.Stderr, "mkbomb: megabytes must be a number of at least 2")
		return 2
	}
	err = rewriteZip(args[0], func(w *zip.Writer, name string, b []byte) (bool, error) {
		if name != args[1] {
			return false, nil
		}
		i := bytes.Index(b, []byte(args[2]))
		if i < 0 || bytes.Count(b, []byte(args[2])) != 1 {
			return false, fmt.Errorf("%s: %q does not occur once", name, args[2])
		}
		i += len(args[2])
		return true, writeBomb(w, name, b[:i], b[i:], mb)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkbomb:", err)
		return 1
	}
	return 0
}

// writeBomb writes the entry name: head, mb megabytes of spaces, tail.
// Once the deflate window holds only spaces, a flushed block of a megabyte
// of spaces decodes the same wherever it goes, so it is compressed once
// and repeated.
func writeBomb(w *zip.Writer, name string, head, tail []byte, mb int) error {
	spaces := bytes.Repeat([]byte(" "), 1<<20)
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, flate.BestCompression)
	fw.Write(head)
	fw.Write(spaces)
	fw.Flush()
	start := raw.Len()
	fw.Write(spaces)
	fw.Flush()
	block := slices.Clone(raw.Bytes()[start:])
	var body bytes.Buffer
	body.Write(raw.Bytes()[:start])
	for range mb - 1 {
		body.Write(block)
	}
	raw.Reset()
	fw.Write(tail)
	fw.Close()
	body.Write(raw.Bytes())

	crc := crc32.Update(0, crc32.IEEETable, head)
	for range mb {
		crc = crc32.Update(crc, crc32.IEEETable, spaces)
	}
	crc = crc32.Update(crc, crc32.IEEETable, tail)
	out, err := w.CreateRaw(&zip.FileHeader{
		Name:               name,
		Method:             zip.Deflate,
		CRC32:              crc,
		CompressedSize64:   uint64(body.Len()),
		UncompressedSize64: uint64(len(head)+len(tail)) + uint64(mb)<<20,
	})
	if err != nil {
		return err
	}
	_, err = out.Write(body.Bytes())
	return err
}

var repeats = regexp.MustCompile(`<repeat ([0-9]+) ([^>]+)>`)

func rewriteZipEntry(path, part, old, repl string) error {
	return rewriteZip(path, func(w *zip.Writer, name string, b []byte) (bool, error) {
		if name != part {
			return false, nil
		}
		if n := bytes.Count(b, []byte(old)); n != 1 {
			return false, fmt.Errorf("%s: %q occurs %d times, not once", part, old, n)
		}
		out, err := w.Create(name)
		if err != nil {
			return false, err
		}
		_, err = out.Write(bytes.Replace(b, []byte(old), []byte(repl), 1))
		return true, err
	})
}

// rewriteZip copies the zip at path, entry by entry, through edit, which
// writes an entry itself and reports true, or leaves it to be copied.
// edit must write at least one entry.
func rewriteZip(path string, edit func(w *zip.Writer, name string, b []byte) (bool, error)) error {
	z, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	defer z.Close()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	found := false
	for _, e := range z.File {
		r, err := e.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			return err
		}
		done, err := edit(w, e.Name, b)
		if err != nil {
			return err
		}
		if done {
			found = true
			continue
		}
		out, err := w.Create(e.Name)
		if err != nil {
			return err
		}
		if _, err := out.Write(b); err != nil {
			return err
		}
	}
	if !found {
		return fmt.Errorf("%s: no entry to change", path)
	}
	if err := w.Close(); err != nil {
		return err
	}
	z.Close()
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// cells FILE [SHEET] prints a sheet's cells, one row per line joined by
// "|"; with SHEET "-" it lists the sheet names.
func cells(args []string) int {
	if len(args) < 1 || len(args) > 2 {
		fmt.Fprintln(os.Stderr, "usage: cells file.xlsx [sheet | -]")
		return 2
	}
	var out string
	var err error
	switch {
	case len(args) == 2 && args[1] == "-":
		out, err = workbook.DumpSheets(args[0])
	case len(args) == 2:
		out, err = workbook.Dump(args[0], args[1])
	default:
		out, err = workbook.Dump(args[0], "")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Print(out)
	return 0
}

// looks FILE SHEET [CELL...] prints how a sheet of a written workbook
// looks, as excelize reads it back: the frozen panes, the autofilter, the
// notes on cells, the charts' ranges, then for each CELL its number
// format, fill colour and boldness.
func looks(args []string) int {
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: looks file.xlsx sheet [cell...]")
		return 2
	}
	f, err := excelize.OpenFile(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer f.Close()
	sheet := args[1]
	panes, err := f.GetPanes(sheet)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if panes.Freeze {
		fmt.Printf("frozen: %d columns, %d rows, from %s\n", panes.XSplit, panes.YSplit, panes.TopLeftCell)
	}
	zr, err := zip.OpenReader(args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer zr.Close()
	part := ""
	for i, name := range f.GetSheetList() {
		if name == sheet {
			part = fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		}
	}
	read := func(name string) string {
		r, err := zr.Open(name)
		if err != nil {
			return ""
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		return string(b)
	}
	if m := regexp.MustCompile(`<autoFilter ref="([^"]+)"`).FindStringSubmatch(read(part)); m != nil {
		fmt.Printf("filter: %s\n", m[1])
	}
	comments, _ := f.GetComments(sheet)
	for _, c := range comments {
		text := c.Text
		for _, r := range c.Paragraph {
			text += r.Text
		}
		fmt.Printf("note %s: %s\n", c.Cell, strings.ReplaceAll(text, "\n", " / "))
	}
	// The charts drawn on this sheet, through its drawing's relations.
	rels := read(strings.Replace(part, "worksheets/", "worksheets/_rels/", 1) + ".rels")
	for _, d := range regexp.MustCompile(`Target="\.\./drawings/([^"]+)"`).FindAllStringSubmatch(rels, -1) {
		drels := read("xl/drawings/_rels/" + d[1] + ".rels")
		for _, c := range regexp.MustCompile(`Target="\.\./charts/([^"]+)"`).FindAllStringSubmatch(drels, -1) {
			chart := read("xl/charts/" + c[1])
			kind := regexp.MustCompile(`<(?:c:)?(\w+Chart)>`).FindStringSubmatch(chart)
			title := regexp.MustCompile(`<a:t>([^<]*)</a:t>`).FindStringSubmatch(chart)
			var refs []string
			for _, m := range regexp.MustCompile(`<(?:c:)?f>([^<]*)</(?:c:)?f>`).FindAllStringSubmatch(chart, -1) {
				refs = append(refs, html.UnescapeString(m[1]))
			}
			if kind != nil && title != nil {
				fmt.Printf("chart: %s %q %s\n", kind[1], title[1], strings.Join(refs, " "))
			}
		}
	}
	for _, cell := range args[2:] {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		st, err := f.GetStyle(id)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		format := "General"
		switch {
		case st.CustomNumFmt != nil:
			format = *st.CustomNumFmt
		case st.NumFmt != 0:
			format = fmt.Sprintf("builtin %d", st.NumFmt)
		}
		line := cell + ": " + format
		if len(st.Fill.Color) > 0 {
			line += " fill " + st.Fill.Color[0]
		}
		if st.Font != nil && st.Font.Bold {
			line += " bold"
		}
		fmt.Println(line)
	}
	return 0
}
