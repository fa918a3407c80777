package workbook

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkCSVTable reads 100,000 rows of a GBK CSV file, the encoding
// Chinese exports most often have, through a Table, as a run reads it.
func BenchmarkCSVTable(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("工号,姓名,询单人数,最终付款人数,平均响应时间(秒),备注\r\n")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&sb, "E%06d,王晓雯,%d,%d,%d.5,\"备注, 第 %d 行\"\r\n", i, 100+i%50, 60+i%40, 20+i%30, i)
	}
	enc, err := gbkBytes(sb.String())
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "march.csv")
	if err := os.WriteFile(path, enc, 0o644); err != nil {
		b.Fatal(err)
	}
	cols := []Column{{Name: "工号", Headers: []string{"工号"}}, {Name: "询单人数", Headers: []string{"询单人数"}}}
	b.SetBytes(int64(len(enc)))
	b.ResetTimer()
	for range b.N {
		f, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		t, err := f.Table("", cols)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for t.Next() {
			n++
		}
		if t.Err() != nil || n != 100000 {
			b.Fatalf("%d rows, %v", n, t.Err())
		}
		t.Close()
		f.Close()
	}
}
