package examples_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	embedded "appraise/examples"
	"appraise/rules"
)

// TestEmbedded checks that the built-in schemes are the folders on disk,
// byte for byte, and that each one's rules parse under its built-in name.
func TestEmbedded(t *testing.T) {
	dirs, err := filepath.Glob("*/rules.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, d := range dirs {
		want = append(want, filepath.Dir(d))
	}
	got := embedded.Names()
	if !slices.Equal(got, want) || len(got) == 0 {
		t.Fatalf("Names() = %q, want %q", got, want)
	}
	if !slices.Contains(got, "ecommerce-cs") {
		t.Errorf("Names() = %q lacks ecommerce-cs", got)
	}
	for _, name := range got {
		src, err := embedded.Rules(name)
		if err != nil {
			t.Fatal(err)
		}
		disk, err := os.ReadFile(filepath.Join(name, "rules.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(src, disk) {
			t.Errorf("Rules(%q) differs from %s/rules.yaml", name, name)
		}
		fromFS, err := fs.ReadFile(embedded.FS(), embedded.RulesFile(name))
		if err != nil || !bytes.Equal(fromFS, disk) {
			t.Errorf("FS() %s: %v, or it differs from the file on disk", embedded.RulesFile(name), err)
		}
		set, err := rules.Parse(embedded.RulesFile(name), src)
		if err != nil {
			t.Errorf("%s:\n%v", name, err)
			continue
		}
		if set.Scheme != name {
			t.Errorf("%s/rules.yaml says scheme: %q; the folder and the scheme must have one name", name, set.Scheme)
		}
	}
}

func TestEmbeddedUnknown(t *testing.T) {
	for _, name := range []string{"", "nope", "ecommerce", "ecommerce-cs/rules.yaml", "../ecommerce-cs", ".", "ecommerce-cs/"} {
		if _, err := embedded.Rules(name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Rules(%q): error %v, want one that wraps fs.ErrNotExist", name, err)
		}
	}
}
