package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// sheetRows gives a Table its rows: from the fast [sheetReader] while it
// copes, then from excelize, which it brings to the same row first. Its
// methods mirror excelize's Rows, except that where the sheet's XML is
// damaged they stop with a [damageError] before the first row excelize
// would read wrong.
type sheetRows struct {
	fast   *sheetReader
	closer io.Closer // what the fast reader reads from, if it must be closed
	x      *excelize.Rows
	file   *File
	sheet  string

	num      int          // the row Next moved to
	read     int          // rows whose cells have been returned
	inRow    bool         // Next returned true and Columns has not been called
	fellBack string       // why the fast reader gave up; "" if it did not, or never ran
	damage   *damageError // where excelize would stop reading, once it reads
	err      error
	types    []CellType // the cell types of the row excelize read last
	formulas []string   // the formulas of its Uncomputed cells, or nil
}

// rowSource is what a Table reads its rows from: a sheet of a workbook
// ([sheetRows]) or a CSV file ([csvRows]). Its methods are excelize's
// Rows' methods.
type rowSource interface {
	Next() bool
	Columns() ([]string, error)
	Types() []CellType
	Formulas() []string
	Error() error
	Close() error
}

// rows opens the named sheet (already resolved by [File.sheet]) for
// reading.
func (f *File) rows(sheet string) (*sheetRows, error) {
	s := &sheetRows{file: f, sheet: sheet}
	fast, closer, why := f.fastReader(sheet)
	if fast != nil {
		s.fast, s.closer = fast, closer
		return s, nil
	}
	if strings.Contains(why, whyLongRun) {
		return nil, &longRunError{}
	}
	if _, sstWhy := f.sharedStrings(); sstWhy != "" {
		if d := f.sstDamage(); d != nil {
			return nil, d
		}
	}
	s.fellBack = why
	s.damage = f.sheetDamage(sheet)
	if err := f.whole(); err != nil {
		return nil, err
	}
	x, err := f.x.Rows(sheet)
	if err != nil {
		return nil, err
	}
	s.x = x
	return s, nil
}

// Next moves to the next row, as excelize's Rows.Next does.
func (s *sheetRows) Next() bool {
	if s.err != nil {
		return false
	}
	if s.fast != nil {
		ok := s.fast.Next()
		if s.fast.why == "" {
			s.inRow = ok
			if ok {
				s.num++
			}
			return ok
		}
		if !s.fallBack() {
			return false
		}
	}
	if s.damaged(s.num + 1) {
		return false
	}
	s.inRow = s.x.Next()
	if s.inRow {
		s.num++
	}
	return s.inRow
}

// Columns returns the current row's raw cell values. The slice may be
// reused by the next call.
func (s *sheetRows) Columns() ([]string, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.fast != nil {
		cells := s.fast.Columns()
		if s.fast.why == "" {
			s.read++
			s.inRow = false
			return cells, nil
		}
		if !s.fallBack() {
			return nil, s.err
		}
	}
	if s.damaged(s.num) {
		return nil, s.err
	}
	s.read++
	s.inRow = false
	cells, err := s.x.Columns(rawValues)
	if err == nil {
		s.types, s.formulas = s.file.fallbackTypes(s.sheet, s.num, cells, s.types, s.formulas[:0])
	}
	return cells, err
}

// Types returns the type of each cell Columns last returned. The slice
// may be reused by the next call to Columns.
func (s *sheetRows) Types() []CellType {
	if s.fast != nil {
		return s.fast.Types()
	}
	return s.types
}

// damaged stops the reading, and reports true, when row is at or past the
// damage: excelize would give part of it, or nothing, without an error.
func (s *sheetRows) damaged(row int) bool {
	if s.damage == nil || row < s.damage.row {
		return false
	}
	s.err, s.inRow = s.damage, false
	return true
}

// fallBack hands the sheet to excelize, which reads again the rows already
// returned and stops where the fast reader gave up. The fast reader never
// returns a row past damage, since it stops on any XML encoding/xml
// rejects.
func (s *sheetRows) fallBack() bool {
	s.fellBack = s.fast.why
	s.fast = nil
	s.closeFast()
	if strings.Contains(s.fellBack, whyLongRun) {
		s.err = &longRunError{sheet: true, row: s.num}
		return false
	}
	s.damage = s.file.sheetDamage(s.sheet)
	if s.damage != nil && s.damage.row <= s.read {
		s.err = s.damage
		return false
	}
	if err := s.file.whole(); err != nil {
		s.err = err
		return false
	}
	x, err := s.file.x.Rows(s.sheet)
	if err != nil {
		s.err = err
		return false
	}
	s.x = x
	for i := 0; i < s.read; i++ {
		if !x.Next() {
			s.err = errors.New("the sheet ends before the rows already read")
			return false
		}
		if _, err := x.Columns(rawValues); err != nil {
			s.err = err
			return false
		}
	}
	if s.inRow && !x.Next() {
		s.err = errors.New("the sheet ends before the rows already read")
		return false
	}
	return true
}

// Formulas returns the text of each [Uncomputed] cell's formula in the
// row Columns last returned, by cell index, or nil when it has none.
func (s *sheetRows) Formulas() []string {
	if s.fast != nil {
		return s.fast.Formulas()
	}
	return s.formulas
}

// Error returns what stopped Next, as excelize's Rows.Error does.
func (s *sheetRows) Error() error {
	if s.err != nil {
		return s.err
	}
	if s.x != nil {
		return s.x.Error()
	}
	return nil
}

// Close releases the sheet.
func (s *sheetRows) Close() error {
	s.closeFast()
	if s.x != nil {
		return s.x.Close()
	}
	return nil
}

func (s *sheetRows) closeFast() {
	if s.closer != nil {
		_ = s.closer.Close()
		s.closer = nil
	}
}

// fastReader opens the sheet for the fast reader, finding its part as
// excelize does. It returns why not when the workbook is laid out in a way
// the fast reader does not follow.
func (f *File) fastReader(sheet string) (*sheetReader, io.Closer, string) {
	path, why := f.sheetPart(sheet)
	if why != "" {
		return nil, nil, why
	}
	if _, loaded := f.x.Sheet.Load(path); loaded {
		// excelize would write out its copy of the sheet first.
		return nil, nil, "worksheet loaded by excelize"
	}
	sst, why := f.sharedStrings()
	if why != "" {
		return nil, nil, why
	}
	sc, closer, why := f.openPart(path, func(name string) bool {
		return strings.ReplaceAll(name, "\\", "/") == path
	})
	if why != "" {
		return nil, nil, why
	}
	if sc == nil {
		return nil, nil, "empty worksheet part"
	}
	return &sheetReader{sc: sc, sst: sst, dates: f.dateStyles()}, closer, ""
}

// openPart returns a scanner over the part excelize keeps under key,
// whose zip entries match reports: from excelize's copy in memory, or,
// for parts too large for that, straight from the zip. A nil scanner
// without a reason means the part is absent or empty.
func (f *File) openPart(key string, match func(name string) bool) (*xmlScanner, io.Closer, string) {
	b, rc, closer, why := f.partSource(key, match)
	switch {
	case why != "":
		return nil, nil, why
	case b != nil:
		return newScannerBytes(b), nil, ""
	case rc != nil:
		p := prefetch(rc)
		return newScannerReader(p), closers{p, closer}, ""
	}
	return nil, nil, ""
}

// partSource finds the part excelize keeps under key: its bytes, when
// excelize holds them in memory, or else a reader over the zip entry and
// what closes it. Neither, without a reason, means the part is absent or
// empty.
func (f *File) partSource(key string, match func(name string) bool) ([]byte, io.Reader, io.Closer, string) {
	z, zc, err := f.zip()
	if err != nil {
		return nil, nil, nil, "zip: " + err.Error()
	}
	var entry *zip.File
	for _, e := range z.File {
		if match(e.Name) {
			if entry != nil {
				zc.Close()
				return nil, nil, nil, "two zip entries for " + key
			}
			entry = e
		}
	}
	if v, ok := f.x.Pkg.Load(key); ok {
		zc.Close()
		if b, _ := v.([]byte); len(b) > 0 {
			return b, nil, nil, ""
		}
		return nil, nil, nil, ""
	}
	if entry == nil || entry.UncompressedSize64 == 0 {
		zc.Close()
		return nil, nil, nil, ""
	}
	rc, err := entry.Open()
	if err != nil {
		zc.Close()
		return nil, nil, nil, "zip: " + err.Error()
	}
	return nil, rc, closers{rc, zc}, ""
}

// prefetchReader reads from another reader in a goroutine, a few chunks
// ahead, so that inflating a zip entry and scanning it use two cores.
type prefetchReader struct {
	full chan chunk  // chunks read, in order; the last one carries the error
	free chan []byte // chunks to read into again
	cur  chunk       // the chunk being read from
	done chan struct{}
	wg   sync.WaitGroup
}

// chunk is one read of the goroutine.
type chunk struct {
	buf  []byte
	data []byte // the unread part of buf
	err  error
}

// prefetchChunks is how many chunks the goroutine may read ahead.
const prefetchChunks = 4

// prefetch starts reading r ahead; Close stops it.
func prefetch(r io.Reader) *prefetchReader {
	p := &prefetchReader{
		full: make(chan chunk, prefetchChunks),
		free: make(chan []byte, prefetchChunks),
		done: make(chan struct{}),
	}
	for range prefetchChunks {
		p.free <- make([]byte, readSize)
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for {
			var buf []byte
			select {
			case buf = <-p.free:
			case <-p.done:
				return
			}
			n, err := io.ReadFull(r, buf)
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			select {
			case p.full <- chunk{buf: buf, data: buf[:n], err: err}:
			case <-p.done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return p
}

func (p *prefetchReader) Read(b []byte) (int, error) {
	for len(p.cur.data) == 0 {
		if p.cur.err != nil {
			return 0, p.cur.err
		}
		if p.cur.buf != nil {
			p.free <- p.cur.buf
		}
		p.cur = <-p.full
	}
	n := copy(b, p.cur.data)
	p.cur.data = p.cur.data[n:]
	return n, nil
}

// Close stops the goroutine and waits for it, so that what it reads from
// can be closed next.
func (p *prefetchReader) Close() error {
	close(p.done)
	p.wg.Wait()
	return nil
}

// closers closes several things in order.
type closers []io.Closer

func (cs closers) Close() error {
	var errs []error
	for _, c := range cs {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// The relationship type of the main part, and the namespaces of the
// shared string table excelize accepts.
const (
	officeDocumentRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	mainNS            = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
)

// sheetPart finds the zip path of a sheet's part the way excelize's
// getSheetMap does: the workbook's relationship whose id the sheet names,
// resolved against the workbook part's folder.
func (f *File) sheetPart(sheet string) (string, string) {
	root, why := f.rels("_rels/.rels")
	if why != "" {
		return "", why
	}
	wbPath := ""
	for _, r := range root {
		if r.Type == officeDocumentRel {
			wbPath = strings.TrimPrefix(r.Target, "/")
			break
		}
	}
	relsPath := "_rels/" + filepath.Base(wbPath) + ".rels"
	if dir := filepath.Dir(wbPath); dir != "." {
		relsPath = strings.TrimPrefix(dir+"/_rels/"+filepath.Base(wbPath)+".rels", "/")
	}
	rels, why := f.rels(relsPath)
	if why != "" {
		return "", why
	}
	if f.x.WorkBook == nil {
		return "", "workbook not read"
	}
	path := ""
	for _, s := range f.x.WorkBook.Sheets.Sheet {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels {
			if r.ID != s.ID {
				continue
			}
			p := filepath.ToSlash(strings.TrimPrefix(strings.ReplaceAll(
				filepath.Clean(filepath.Dir(wbPath)+"/"+r.Target), "\\", "/"), "/"))
			if strings.HasPrefix(r.Target, "/") {
				p = filepath.ToSlash(strings.TrimPrefix(strings.ReplaceAll(
					filepath.Clean(r.Target), "\\", "/"), "/"))
			}
			if _, ok := f.x.Pkg.Load(p); ok || f.inZip(p) {
				path = p
			}
		}
	}
	if path == "" {
		return "", "no part for the sheet"
	}
	return path, ""
}

// inZip reports whether the workbook's zip has an entry that excelize
// would file under name.
func (f *File) inZip(name string) bool {
	z, zc, err := f.zip()
	if err != nil {
		return false
	}
	defer zc.Close()
	for _, e := range z.File {
		if strings.ReplaceAll(e.Name, "\\", "/") == name {
			return true
		}
	}
	return false
}

// relationship mirrors excelize's type for a relationship, so that
// encoding/xml reads the same values from it.
type relationship struct {
	ID     string `xml:"Id,attr"`
	Target string `xml:",attr"`
	Type   string `xml:",attr"`
}

// rels reads a relationships part from excelize's copy of the workbook.
func (f *File) rels(path string) ([]relationship, string) {
	v, ok := f.x.Pkg.Load(path)
	if !ok {
		return nil, "no part " + path
	}
	b, _ := v.([]byte)
	if bytes.Contains(b, []byte("purl.oclc.org")) {
		// Strict OOXML: excelize rewrites the namespaces first.
		return nil, "strict namespaces in " + path
	}
	var rels struct {
		XMLName       xml.Name       `xml:"http://schemas.openxmlformats.org/package/2006/relationships Relationships"`
		Relationships []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &rels); err != nil {
		return nil, "relationships: " + err.Error()
	}
	return rels.Relationships, ""
}

// sharedStrings returns the workbook's shared strings, read once.
func (f *File) sharedStrings() ([]string, string) {
	if !f.sstRead {
		f.sst, f.sstWhy = f.readSharedStrings()
		f.sstRead = true
	}
	return f.sst, f.sstWhy
}

func (f *File) readSharedStrings() ([]string, string) {
	const key = "xl/sharedStrings.xml"
	sc, closer, why := f.openPart(key, func(name string) bool {
		return strings.EqualFold(strings.ReplaceAll(name, "\\", "/"), key)
	})
	if why != "" {
		return nil, why
	}
	if sc == nil {
		return nil, ""
	}
	if closer != nil {
		defer closer.Close()
	}
	return parseSST(sc)
}

// parseSST reads a shared string table as excelize does: the root must be
// sst in the main namespace, and each si directly in it is one string.
func parseSST(sc *xmlScanner) ([]string, string) {
	var tmp []byte
	for {
		k := sc.next()
		if k == tokText {
			continue
		}
		if k != tokStart {
			return nil, "no shared string table: " + sc.why
		}
		break
	}
	if string(sc.local) != "sst" || !rootInNS(sc, mainNS) || !typedAttrsOK("sst", sc.attrs, &tmp) {
		return nil, "unusual shared string table"
	}
	var (
		text []byte
		ends []int
		st   siText
	)
	for done := false; !done; {
		switch sc.next() {
		case tokText:
		case tokEnd:
			done = true
		case tokStart:
			if string(sc.local) != "si" {
				return nil, "element other than si in the shared string table"
			}
			st.reset()
			if !readSI(sc, &st, &tmp) {
				return nil, "unusual shared string: " + sc.why
			}
			text = st.appendValue(text, &tmp)
			ends = append(ends, len(text))
		default:
			return nil, "bad shared string table: " + sc.why
		}
	}
	// excelize reads a large table to its end, past the root.
	for {
		switch sc.next() {
		case tokText:
			continue
		case tokEOF:
		default:
			return nil, "content after the shared string table"
		}
		break
	}
	// One string holds them all, so loading costs two allocations.
	all := string(text)
	items := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		items[i] = all[start:end]
		start = end
	}
	return items, ""
}

// rootInNS reports whether the start element is in namespace ns, declared
// on the element itself.
func rootInNS(sc *xmlScanner, ns string) bool {
	prefix := sc.name[:len(sc.name)-len(sc.local)]
	if len(prefix) > 0 {
		prefix = prefix[:len(prefix)-1]
		if string(prefix) == "xmlns" || string(prefix) == "xml" {
			return false
		}
	}
	var tmp []byte
	found := false
	for _, a := range sc.attrs {
		var match bool
		if len(prefix) == 0 {
			match = string(a.name) == "xmlns"
		} else {
			match = string(a.local) == string(prefix) && string(a.name[:len(a.name)-len(a.local)]) == "xmlns:"
		}
		if match {
			tmp = appendText(tmp[:0], a.value, a.plain)
			found = string(tmp) == ns
		}
	}
	return found
}
