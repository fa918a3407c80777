package rules_test

import "testing"

// TestDates: date columns and the date functions, with the mistakes a
// rule file can make with them, each at its line and column.
func TestDates(t *testing.T) {
	const cols = "columns:\n  入职日期: {type: date}\n  天数: {}\n"
	if msg := parseError(t, cols+`metrics:
  司龄: months_between(入职日期, period_end)
  司龄年: years_between(入职日期, period_end)
  在职天数: days_between(入职日期, period_end) + 1
flags:
  新入职: 入职日期 >= period_start and 入职日期 <= period_end
  同日: 入职日期 = period_start
  本期在职: days_between(max(入职日期, period_start), min(period_end, 入职日期)) >= 0
`); msg != "" {
		t.Fatalf("valid date rules: %s", msg)
	}
	if msg := parseError(t, `columns:
  工号: {type: text, key: true}
tables:
  档案:
    keys:
      工号: {type: text}
    columns:
      入职日期: {type: date}
metrics:
  司龄: months_between(lookup(档案.入职日期, 工号), period_end)
`); msg != "" {
		t.Fatalf("a date looked up in a table: %s", msg)
	}
	runErrorCases(t, []errorCase{
		{
			name: "a date where a number is needed",
			src:  cols + "metrics:\n  m: 入职日期 + 1\n",
			want: []string{`rules.yaml:5:6: + needs a number, but 入职日期 is a date`},
		},
		{
			name: "a number where a date is needed",
			src:  cols + "metrics:\n  m: months_between(天数, period_end)\n",
			want: []string{`rules.yaml:5:21: months_between needs a date, but 天数 is a number`},
		},
		{
			name: "a date compared with a number",
			src:  cols + "flags:\n  f: 入职日期 < 天数\n",
			want: []string{`rules.yaml:5:13: < needs a date, but 天数 is a number`},
		},
		{
			name: "a date equal to text",
			src:  cols + "flags:\n  f: 入职日期 = \"2025-03-01\"\n",
			want: []string{`rules.yaml:5:11: cannot compare 入职日期 with "2025-03-01": 入职日期 is a date, "2025-03-01" is text`},
		},
		{
			name: "max of a date and a number",
			src:  cols + "metrics:\n  m: days_between(max(入职日期, 天数), period_end)\n",
			want: []string{`rules.yaml:5:29: max needs a date, but 天数 is a number`},
		},
		{
			name: "one argument",
			src:  cols + "metrics:\n  m: days_between(入职日期)\n",
			want: []string{`rules.yaml:5:6: days_between takes 2 arguments, not 1`},
		},
		{
			name: "a date with min, max and values",
			src:  "columns:\n  d: {type: date, min: 1, values: [a]}\n",
			want: []string{
				`rules.yaml:2:24: column d is a date: it cannot have min`,
				`rules.yaml:2:35: column d is a date: it cannot have values`,
			},
		},
		{
			name: "a blank date as a number",
			src:  "columns:\n  d: {type: date, blank: 0}\n",
			want: []string{
				`rules.yaml:2:26: blank of date column d is "0": a blank date can only mean none, no date`,
				`    hint: write blank: none, or leave blank out so that a blank date is an error`,
			},
		},
		{
			name: "a date added up over the months",
			src:  "period: month\ncolumns:\n  工号: {type: text, key: true}\n  入职日期: {type: date}\nrollup:\n  from: month\n  sum: [入职日期]\n",
			want: []string{`rules.yaml:7:9: rollup sum: 入职日期 holds dates, which only last or first can combine`},
		},
		{
			name: "a date looked back on",
			src:  cols + "flags:\n  f: count_last(入职日期 < period_start, 3) > 0\n",
			want: []string{
				`rules.yaml:5:17: count_last cannot look back on 入职日期, a date: look back on a figure worked out from it, such as a metric months_between(...)`,
				`rules.yaml:5:24: count_last cannot look back on period_start, a date: look back on a figure worked out from it, such as a metric months_between(...)`,
			},
		},
		{
			name: "period_end is reserved",
			src:  "columns:\n  period_end: {type: date}\n",
			want: []string{`rules.yaml:2:3: "period_end" is a reserved word: choose another name`},
		},
	})
}
