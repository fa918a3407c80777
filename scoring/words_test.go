package scoring

import "testing"

func TestWordsSay(t *testing.T) {
	zh := Words(func(en string) string {
		return map[string]string{
			"weight {n} -> {n2} x {n} / 100 = {n3}": "权重 {n} -> {n2} x {n} / 100 = {n3}",
			"{label}: {of} {n} -> {grade}":          "{label}：{of} {n} -> {grade}",
			"missing: {why}":                        "缺失：{why}",
			"a is 0":                                "a 为 0",
		}[en]
	})
	for _, c := range []struct {
		w    Words
		en   string
		args []string
		want string
	}{
		// A placeholder named twice is filled twice from one argument.
		{nil, "weight {n} -> {n2} x {n} / 100 = {n3}", []string{"35", "100", "35"}, "weight 35 -> 100 x 35 / 100 = 35"},
		{zh, "weight {n} -> {n2} x {n} / 100 = {n3}", []string{"35", "80", "28"}, "权重 35 -> 80 x 35 / 100 = 28"},
		{zh, "{label}: {of} {n} -> {grade}", []string{"等级", "总分", "98", "A"}, "等级：总分 98 -> A"},
		// A reason is said too.
		{zh, "missing: {why}", []string{"a is 0"}, "缺失：a 为 0"},
		{nil, "missing: {why}", []string{"a is 0"}, "missing: a is 0"},
		// Braces in a value are kept as they are.
		{nil, "{a} and {b}", []string{"{b}", "x"}, "{b} and x"},
	} {
		if got := c.w.Say(c.en, c.args...); got != c.want {
			t.Errorf("Say(%q, %q) = %q, want %q", c.en, c.args, got, c.want)
		}
	}
}
