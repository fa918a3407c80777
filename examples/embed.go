package examples

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// files holds each scheme's rule file and its other YAML files (hand-worked
// results, test cases) so that the command can run a scheme by name
// without a checkout of this repository.
//
//go:embed */*.yaml
var files embed.FS

// FS returns the built-in schemes as a file system: one folder per scheme,
// named by the scheme, each holding rules.yaml and the scheme's other YAML
// files.
func FS() fs.FS { return files }

// Names returns the names of the built-in schemes in sorted order.
func Names() []string {
	dirs, err := fs.Glob(files, "*/rules.yaml")
	if err != nil {
		// The pattern is fixed and valid.
		panic(err)
	}
	names := make([]string, len(dirs))
	for i, d := range dirs {
		names[i] = path.Dir(d)
	}
	sort.Strings(names)
	return names
}

// RulesFile returns the name of scheme's rule file inside [FS], such as
// "ecommerce-cs/rules.yaml". Messages about the rules use it as the file
// name.
func RulesFile(scheme string) string { return scheme + "/rules.yaml" }

// Rules returns the text of a built-in scheme's rule file, comments
// included. For a name that is not a built-in scheme the error wraps
// [fs.ErrNotExist].
func Rules(scheme string) ([]byte, error) {
	if !fs.ValidPath(scheme) || path.Base(scheme) != scheme {
		return nil, fmt.Errorf("no scheme %q: %w", scheme, fs.ErrNotExist)
	}
	src, err := files.ReadFile(RulesFile(scheme))
	if err != nil {
		return nil, fmt.Errorf("no scheme %q: %w", scheme, fs.ErrNotExist)
	}
	return src, nil
}

// Companions returns the names of the other rule files a built-in scheme
// comes with, beside its rules.yaml, in sorted order: such as
// people.yaml, whose rules read the results of rules.yaml. Hand-worked
// results (expected*.yaml) and test cases (*.cases.yaml) are not rule
// files. A name that is not a built-in scheme has none.
func Companions(scheme string) []string {
	if _, err := Rules(scheme); err != nil {
		return nil
	}
	all, err := fs.Glob(files, scheme+"/*.yaml")
	if err != nil {
		panic(err)
	}
	var out []string
	for _, p := range all {
		name := path.Base(p)
		if name == "rules.yaml" || strings.HasPrefix(name, "expected") || strings.HasSuffix(name, ".cases.yaml") {
			continue
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}
