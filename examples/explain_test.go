package examples_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestExplainChinese explains E003 of the ecommerce-cs sample, whose rule
// file is written in Chinese, and checks the report line by line against
// the figures worked by hand in expected.yaml: in Chinese by default, in
// English with --lang en.
func TestExplainChinese(t *testing.T) {
	bin := buildAppraise(t)
	explain := func(args ...string) []string {
		t.Helper()
		args = append([]string{"explain", "ecommerce-cs/rules.yaml", "--workbook", "ecommerce-cs/march.xlsx", "--row", "工号=E003"}, args...)
		out, err := exec.Command(bin, args...).Output()
		if err != nil {
			t.Fatalf("appraise %s: %v", strings.Join(args, " "), err)
		}
		return strings.Split(string(out), "\n")
	}
	check := func(lines []string, want []string) {
		t.Helper()
		for _, w := range want {
			found := false
			for _, l := range lines {
				if l == w {
					found = true
				}
			}
			if !found {
				t.Errorf("no line %q in\n%s", w, strings.Join(lines, "\n"))
			}
		}
	}
	// X = 149 / 200 = 0.745 falls in [65%, 75%): 80 points, 80 x 35 / 100
	// = 28. 考勤 = 10 - 2 x 0 - 2 = 8, unweighted. The total adds the nine
	// scores of expected.yaml: 28 + 12 + 6 + 3 + 3 + 6 + 3 + 8 + 0 = 69.
	// 经验条数 1 < 2 raises 经验不足; 淘汰 needs runs of periods it does
	// not have (0 >= 2 or 0 >= 3). 绩效工资 = 750 x 69 / 100 = 517.5;
	// 全勤奖 is 0 for 2 days of leave.
	check(explain(), []string{
		"march.xlsx: 客服KPI 第 5 行: 工号 E003, 姓名 张雨桐",
		"输入",
		"  询单人数        C5          200",
		"  奖金            （无此列）  0",
		"询单转化率 = 最终付款人数 / 询单人数 = 149 / 200 = 0.745 (74.5%)",
		"  档位 [65%, 75%) -> 80 分",
		"  权重 35 -> 80 x 35 / 100 = 28 计入总分",
		"考勤 得分 = 10 - 2 * 迟到早退次数 - 有效请假天数 = 10 - 2 * 0 - 2 = 8",
		"  无权重 -> 8 计入总分",
		"总分 = 28 + 12 + 6 + 3 + 3 + 6 + 3 + 8 + 0 = 69",
		"标记",
		"  经验不足  触发    经验条数 < 2 (1 < 2)",
		"  淘汰      未触发  consecutive(total < 35) >= 2 or consecutive(倒数名次 = 1) >= 3 (0 >= 2 or 0 >= 3)",
		"发放",
		"  绩效工资 = 绩效工资基数 * total / 100 = 750 * 69 / 100 = 517.5 -> 517.50",
		"  全勤奖 = if(迟到早退次数 = 0 and 有效请假天数 = 0, 全勤奖金额, 0) = if(0 = 0 and 2 = 0, 50, 0) = 0 -> 0.00",
	})
	check(explain("--lang", "en"), []string{
		"march.xlsx: 客服KPI row 5: 工号 E003, 姓名 张雨桐",
		"inputs",
		"  band [65%, 75%) -> 80 points",
		"  weight 35 -> 80 x 35 / 100 = 28 towards the total",
		"  no weight -> 8 towards the total",
		"总分 = 28 + 12 + 6 + 3 + 3 + 6 + 3 + 8 + 0 = 69",
		"  经验不足  raised      经验条数 < 2 (1 < 2)",
		"pay",
	})
}
