package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// OpenOptions says how to open a workbook.
type OpenOptions struct {
	// Password opens a workbook saved with a password. A workbook without
	// one ignores it.
	Password string
}

// oleMagic starts an OLE compound file: an old .xls workbook, or an .xlsx
// saved with a password, which Office wraps in one.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

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
