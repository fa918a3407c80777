package rules

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// MaxFileSize is the most a rule file or a file of cases may hold, 10 MB.
// The largest example is under 20 KB; a file past the limit is refused
// before it is parsed.
const MaxFileSize = 10 << 20

// maxRepeated is how many YAML nodes aliases (*name) may add to a file
// in all, counting a node an alias repeats once for each time it is
// repeated. Without a limit a few lines of anchors naming anchors ("a
// billion laughs") make a tree that takes hours to walk.
const maxRepeated = 100_000

// load reads src, the text of the file named file, as a YAML tree, after
// checking its size, and checks what its aliases repeat. The decoder
// returned is ready to decode the tree.
func load(file string, src []byte) (*decoder, *yaml.Node, *Error) {
	if e := tooLarge(file, int64(len(src))); e != nil {
		return nil, nil, e
	}
	d := &decoder{file: file, lines: strings.Split(string(src), "\n")}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, nil, syntaxError(file, err, d.lines)
	}
	a := &aliasCheck{file: file, size: map[*yaml.Node]int{}}
	a.walk(&root)
	if a.err != nil {
		return nil, nil, a.err
	}
	return d, &root, nil
}

// CheckSize returns the error [Parse] gives for a file of size bytes, or
// nil: a command can refuse a huge file before it reads it.
func CheckSize(file string, size int64) error {
	if e := tooLarge(file, size); e != nil {
		return ErrorList{e}
	}
	return nil
}

func tooLarge(file string, size int64) *Error {
	if size <= MaxFileSize {
		return nil
	}
	return &Error{Pos: Pos{File: file},
		Msg: fmt.Sprintf("the file is %.1f MB, more than the %d MB a rule file may be", float64(size)/(1<<20), MaxFileSize>>20)}
}

// aliasCheck counts the nodes each node stands for with its aliases
// repeated, in one pass in file order: an alias comes after its anchor,
// so the size of what it repeats is known when it is met.
type aliasCheck struct {
	file     string
	size     map[*yaml.Node]int // nodes under an anchored node, aliases repeated; -1 while walking it
	repeated int
	err      *Error
}

// walk returns the number of nodes n stands for, at most maxRepeated+1.
func (a *aliasCheck) walk(n *yaml.Node) int {
	if a.err != nil {
		return 0
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return 1
		}
		s, ok := a.size[n.Alias]
		if !ok || s < 0 {
			// yaml.v3 lets an alias name the anchor of a node it is in.
			a.err = &Error{Pos: Pos{File: a.file, Line: n.Line, Col: n.Column},
				Msg: fmt.Sprintf("the alias *%s is inside &%s, the value it repeats", n.Value, n.Value)}
			return 0
		}
		a.repeated += s
		if a.repeated > maxRepeated {
			e := &Error{Pos: Pos{File: a.file, Line: n.Line, Col: n.Column},
				Msg: fmt.Sprintf("the alias *%s takes what aliases repeat in the file past %d values", n.Value, maxRepeated)}
			e.Hint = "an alias (*name) repeats all of the value its anchor (&name) names; write the values out, or repeat less"
			a.err = e
			return 0
		}
		return s
	}
	if n.Anchor != "" {
		a.size[n] = -1
	}
	total := 1
	for _, c := range n.Content {
		total = min(total+a.walk(c), maxRepeated+1)
	}
	if n.Anchor != "" {
		a.size[n] = total
	}
	return total
}
