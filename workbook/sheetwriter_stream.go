package workbook

import (
	"bufio"
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"

	"github.com/klauspost/compress/flate"
)

// deflateLevel is the compression level of sheet XML. Compressing is most
// of the time a sheet takes, and klauspost/compress's BestSpeed does it at
// twice the speed of the standard library's, to a file no larger; its
// higher levels save a fifth of the file at half the speed (WRITER.md has
// the measurements).
var deflateLevel = flate.BestSpeed

// spillAt is how many compressed bytes of a sheet are kept in memory before
// they go to a temporary file; most sheets never get there. A variable so
// that tests can reach it without writing megabytes.
var spillAt = 4 << 20

// stream compresses one sheet's XML as a zip entry's deflated data, keeping
// what the entry's header needs: the CRC-32 and size of the XML.
type stream struct {
	crc  uint32
	size int64 // bytes of XML
	fw   *flate.Writer
	out  spill
}

func newStream(dir, pattern string) (*stream, error) {
	st := &stream{out: spill{dir: dir, pattern: pattern}}
	fw, err := flate.NewWriter(&st.out, deflateLevel)
	if err != nil {
		return nil, err
	}
	st.fw = fw
	return st, nil
}

func (st *stream) write(p []byte) error {
	st.crc = crc32.Update(st.crc, crc32.IEEETable, p)
	st.size += int64(len(p))
	_, err := st.fw.Write(p)
	return err
}

// close ends the deflated data and flushes it to memory or the file.
func (st *stream) close() error {
	if err := st.fw.Close(); err != nil {
		return err
	}
	return st.out.flush()
}

// spill holds compressed bytes in memory up to spillAt and in a temporary
// file after that.
type spill struct {
	dir, pattern string // where the temporary file goes, as for os.CreateTemp
	mem          bytes.Buffer
	file         *os.File
	bw           *bufio.Writer // the deflater writes a few hundred bytes at a time
	n            int64         // bytes written
}

func (sp *spill) Write(p []byte) (int, error) {
	if sp.file == nil && sp.mem.Len()+len(p) > spillAt {
		f, err := os.CreateTemp(sp.dir, sp.pattern)
		if err != nil {
			return 0, err
		}
		sp.file = f
		sp.bw = bufio.NewWriterSize(f, 256<<10)
		if _, err := sp.bw.Write(sp.mem.Bytes()); err != nil {
			return 0, err
		}
		sp.mem = bytes.Buffer{}
	}
	var n int
	var err error
	if sp.file != nil {
		n, err = sp.bw.Write(p)
	} else {
		n, err = sp.mem.Write(p)
	}
	sp.n += int64(n)
	return n, err
}

func (sp *spill) flush() error {
	if sp.bw == nil {
		return nil
	}
	return sp.bw.Flush()
}

// reader returns the bytes written, from the start.
func (sp *spill) reader() (io.Reader, error) {
	if sp.file == nil {
		return bytes.NewReader(sp.mem.Bytes()), nil
	}
	if _, err := sp.file.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(sp.file, 256<<10), nil
}

// remove drops the bytes and deletes the temporary file, if any.
func (sp *spill) remove() error {
	sp.mem = bytes.Buffer{}
	if sp.file == nil {
		return nil
	}
	name := sp.file.Name()
	_ = sp.file.Close()
	sp.file, sp.bw = nil, nil
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
