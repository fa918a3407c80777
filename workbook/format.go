package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// OpenOptions says how to open a workbook.
type OpenOptions struct {
	// Password opens a workbook saved with a password. A workbook without
	// one ignores it.
	Password string
	// Encoding is the encoding of a CSV file (see [Encodings]); "" tells
	// it from the file.
	Encoding string
	// Lazy opens the workbook without inflating its large sheets: they are
	// read, if at all, straight from the file as their rows are asked
	// for. Opening scored results to read their audit sheet, or one sheet
	// of them, then costs what those sheets cost, not the whole workbook.
	Lazy bool
}

// oleMagic starts an OLE compound file: an old .xls workbook, or an .xlsx
// saved with a password, which Office wraps in one.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// notXLSX says what a file that is not a zip holds, when it can tell, so
// that the user knows what to save it as: nil for a zip.
func notXLSX(path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return nil // Open reports it
	}
	defer fh.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	switch {
	case n == 0:
		return errors.New("is empty, not a workbook")
	case bytes.HasPrefix(head, []byte("PK")):
		return nil
	case bytes.HasPrefix(head, oleMagic):
		return nil // see openOLE
	}
	text := bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	lower := bytes.ToLower(bytes.TrimSpace(text))
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return errors.New(`is an Excel 2003 XML spreadsheet, not an .xlsx workbook: open it in Excel and save it as "Excel Workbook (.xlsx)"`)
	case bytes.HasPrefix(lower, []byte("<")) && (bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<table"))):
		// Web systems often export an HTML table named .xls or .xlsx.
		return errors.New(`is a web page (HTML), not an .xlsx workbook: open it in Excel and save it as "Excel Workbook (.xlsx)"`)
	case isText(text, n == len(head)):
		return errors.New(`is a text file (CSV or the like), not an .xlsx workbook: if it is CSV, name it .csv and score that; else open it in Excel and save it as "Excel Workbook (.xlsx)"`)
	}
	return nil
}

// isText reports whether b looks like the start of a text file: UTF-8,
// or UTF-16 with a byte-order mark, without control characters other than
// tabs and line breaks. cut says b may end inside a character.
func isText(b []byte, cut bool) bool {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return true
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if cut && len(b)-i < utf8.UTFMax {
				return true
			}
			return false
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return false
		}
		i += size
	}
	return true
}

// openOLE reads an OLE compound file: a workbook saved with a password,
// which it decrypts in memory with password, or an old .xls workbook, which
// it refuses. It returns the decrypted .xlsx package.
func openOLE(path, password string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	doc, err := mscfb.New(fh)
	if err != nil {
		return nil, errXLS
	}
	encrypted := false
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		if e.Name == "EncryptedPackage" {
			encrypted = true
		}
	}
	if !encrypted {
		return nil, errXLS
	}
	if password == "" {
		return nil, errors.New("is protected by a password: give it with --password, or save an unprotected copy")
	}
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if uint64(st.Size()) > maxInflated {
		return nil, fmt.Errorf("is protected by a password and larger than the %s allowed for a workbook", sizeText(maxInflated))
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	b, err := excelize.Decrypt(raw, &excelize.Options{Password: password})
	switch {
	case errors.Is(err, excelize.ErrUnsupportedEncryptMechanism), errors.Is(err, excelize.ErrUnknownEncryptMechanism):
		return nil, errors.New("is protected by a password in a way appraise cannot open: save an unprotected copy")
	case err != nil:
		return nil, errors.New("is protected by a password, and appraise cannot read what it encrypts: save an unprotected copy")
	case !bytes.HasPrefix(b, []byte("PK")):
		// A wrong password decrypts to noise, not to a zip.
		return nil, errBadPassword
	}
	return b, nil
}

var (
	errXLS = errors.New(`is an old Excel 97-2003 workbook (.xls) or another Office file, not an .xlsx workbook: ` +
		`open it in Excel and save it as "Excel Workbook (.xlsx)"`)
	errBadPassword = errors.New("is protected by a password, and the one given with --password does not open it")
)
