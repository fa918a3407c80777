package rules

import "testing"

func TestSetParam(t *testing.T) {
	src := "scheme: x\nparams:\n  底薪: 800\n  绩效工资基数: 750   # paid in full at 100 points\n  rate: {}\n  q: \"5\"\n"
	for _, c := range []struct {
		name, value, want string
	}{
		{"绩效工资基数", "800", "scheme: x\nparams:\n  底薪: 800\n  绩效工资基数: 800   # paid in full at 100 points\n  rate: {}\n  q: \"5\"\n"},
		{"底薪", "1000.5", "scheme: x\nparams:\n  底薪: 1000.5\n  绩效工资基数: 750   # paid in full at 100 points\n  rate: {}\n  q: \"5\"\n"},
		{"q", "6", "scheme: x\nparams:\n  底薪: 800\n  绩效工资基数: 750   # paid in full at 100 points\n  rate: {}\n  q: 6\n"},
	} {
		got, err := SetParam("r.yaml", []byte(src), c.name, c.value)
		if err != nil || string(got) != c.want {
			t.Errorf("SetParam(%s=%s) = %q, %v; want %q", c.name, c.value, got, err, c.want)
		}
	}
	for _, c := range []struct{ src, name, want string }{
		{src, "奖金", "r.yaml: no param 奖金: the params are 底薪, 绩效工资基数, rate, q"},
		{src, "rate", "r.yaml:5:9: param rate is not a number to replace"},
		{"scheme: x\n", "a", "r.yaml: no param a: the rules have no params"},
		{"scheme: [x\n", "a", "r.yaml: the rules do not parse: run appraise validate r.yaml"},
	} {
		_, err := SetParam("r.yaml", []byte(c.src), c.name, "1")
		if err == nil || err.Error() != c.want {
			t.Errorf("SetParam(%s): error %v, want %q", c.name, err, c.want)
		}
	}
}
