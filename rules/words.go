package rules

import "unicode"

// chineseWords are the scored workbook's own texts in Chinese: the
// headers of the detail, payout and summary sheets, the items of the
// audit and summary sheets.
var chineseWords = map[string]string{
	// detail
	"row": "行", "metric": "指标", "inputs": "输入", "value": "值", "band": "档位",
	"points": "得分", "weight": "权重", "score": "加权得分",
	// audit
	"item": "项目", "scheme": "方案", "period": "考核期间", "rules file": "规则文件",
	"rules sha256": "规则文件 SHA-256", "input file": "输入文件", "input sha256": "输入文件 SHA-256",
	"sheet": "工作表", "header row": "表头行", "rows scored": "评分行数", "rows incomplete": "不完整行数",
	"scored at": "评分时间", "appraise version": "appraise 版本",
	// payouts
	"pay line": "发放项", "instalment": "分期", "share": "比例", "paid in": "发放期间",
	"amount": "金额", "total": "合计",
	// summary
	"people scored": "评分人数", "incomplete rows": "不完整行", "mean": "平均",
	"median": "中位数", "min": "最低", "max": "最高", "rest": "余额", "people": "人数",
	"grade distribution": "等级分布", "pay lines": "发放合计", "flags raised": "标记统计",
	"legend": "图例", "by": "按", "all": "全部", "people with it": "人数",
	"exact": "精确值", "counts": "计入总分", "before its cap and floor": "(封顶保底前)",
	"distribution": "分布", "calibration": "校准", "group": "组", "count": "实际人数", "quota": "配额",
	"over or under": "超出或不足", "status": "状态", "person": "人员", "why": "原因",
	"no grade": "无等级", "the sum of the scores": "各指标得分之和", "share of people": "占比",
}

// language is "zh" for a rule file written in Chinese, as its title or
// the names of its columns and metrics are, and "en" otherwise.
func language(s *Set) string {
	names := []string{s.Title}
	for _, c := range s.Columns {
		names = append(names, c.Name)
	}
	for _, m := range s.Metrics {
		names = append(names, m.Name)
	}
	for _, n := range names {
		for _, r := range n {
			if unicode.Is(unicode.Han, r) {
				return "zh"
			}
		}
	}
	return "en"
}

// fieldLike is the label of l in the place where def has the label d.
func (l Labels) fieldLike(d string, def Labels) string {
	pairs := [][2]string{{def.Points, l.Points}, {def.Total, l.Total}, {def.Flags, l.Flags}, {def.Notes, l.Notes},
		{def.Grade, l.Grade}, {def.Coefficient, l.Coefficient}, {def.Period, l.Period}}
	for _, p := range pairs {
		if p[0] == d {
			return p[1]
		}
	}
	return d
}
