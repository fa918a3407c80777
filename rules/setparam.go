package rules

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// SetParam returns the rule file src with param name's value replaced by
// value, every other byte as it was, so that positions in the new text
// are those of the old: a what-if on one param. A file that does not
// parse, or has no such param, is an error that lists the params it has.
func SetParam(file string, src []byte, name, value string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: the rules do not parse: run appraise validate %s", file, file)
	}
	top := doc.Content[0]
	var params *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "params" {
			params = top.Content[i+1]
		}
	}
	var names []string
	if params != nil && params.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(params.Content); i += 2 {
			k, v := params.Content[i], params.Content[i+1]
			names = append(names, k.Value)
			if foldWidth(k.Value) != foldWidth(name) {
				continue
			}
			if v.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s:%d:%d: param %s is not a number to replace", file, v.Line, v.Column, name)
			}
			return replaceScalar(file, src, v, value)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no param %s: the rules have no params", file, name)
	}
	return nil, fmt.Errorf("%s: no param %s: the params are %s", file, name, strings.Join(names, ", "))
}

// replaceScalar replaces the scalar v, as written in src, with value.
func replaceScalar(file string, src []byte, v *yaml.Node, value string) ([]byte, error) {
	lines := strings.SplitAfter(string(src), "\n")
	if v.Line < 1 || v.Line > len(lines) {
		return nil, fmt.Errorf("%s:%d: cannot find the param's value", file, v.Line)
	}
	line := []rune(lines[v.Line-1])
	start := v.Column - 1
	if start < 0 || start > len(line) {
		return nil, fmt.Errorf("%s:%d:%d: cannot find the param's value", file, v.Line, v.Column)
	}
	end := start
	switch {
	case end < len(line) && (line[end] == '"' || line[end] == '\''):
		q := line[end]
		end++
		for end < len(line) && line[end] != q {
			end++
		}
		if end < len(line) {
			end++
		}
	default:
		for end < len(line) && !strings.ContainsRune(",}]#\r\n", line[end]) {
			end++
		}
		for end > start && (line[end-1] == ' ' || line[end-1] == '\t') {
			end--
		}
	}
	if string(line[start:end]) == "" {
		return nil, fmt.Errorf("%s:%d:%d: cannot find the param's value", file, v.Line, v.Column)
	}
	lines[v.Line-1] = string(line[:start]) + value + string(line[end:])
	return []byte(strings.Join(lines, "")), nil
}
