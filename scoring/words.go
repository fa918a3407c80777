package scoring

import "strings"

// Words says the phrases of a report in the language it is read in. A
// phrase is given in English with the parts that vary as placeholders,
// "band {when} -> {n} points", and Words gives it back in its language
// with the same placeholders, which [Words.Say] then fills; a reason why
// a figure has no value, a message of its own, is given whole and said
// whole. Nil Words are English. The engine writes its traces through
// Words so that explain and the detail sheet say them in the rule file's
// language without matching their lines afterwards.
type Words func(en string) string

// Say gives the phrase en in w's language with its placeholders filled:
// the first distinct placeholder of en by args[0], the second by
// args[1], and so on. A placeholder named why, or starting with msg,
// holds a message, which is said in w's language too.
func (w Words) Say(en string, args ...string) string {
	names := placeholderNames(en)
	text := en
	if w != nil {
		text = w(en)
	}
	if len(names) == 0 {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			b.WriteString(text)
			break
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			b.WriteString(text)
			break
		}
		name := text[i+1 : i+j]
		k := indexOf(names, name)
		if k < 0 || k >= len(args) {
			b.WriteString(text[:i+j+1])
			text = text[i+j+1:]
			continue
		}
		b.WriteString(text[:i])
		v := args[k]
		if w != nil && (name == "why" || strings.HasPrefix(name, "msg")) {
			v = w(v)
		}
		b.WriteString(v)
		text = text[i+j+1:]
	}
	return b.String()
}

// Msg gives a message, such as the reason a figure has no value, in w's
// language.
func (w Words) Msg(en string) string {
	if w == nil || en == "" {
		return en
	}
	return w(en)
}

// placeholderNames lists the distinct placeholders of en in the order
// they first come.
func placeholderNames(en string) []string {
	var names []string
	for {
		i := strings.IndexByte(en, '{')
		if i < 0 {
			return names
		}
		j := strings.IndexByte(en[i:], '}')
		if j < 0 {
			return names
		}
		if n := en[i+1 : i+j]; indexOf(names, n) < 0 {
			names = append(names, n)
		}
		en = en[i+j+1:]
	}
}

func indexOf(names []string, n string) int {
	for i, s := range names {
		if s == n {
			return i
		}
	}
	return -1
}
