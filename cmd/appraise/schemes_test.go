package main

import (
	"bytes"
	"testing"
)

func TestSchemesRun(t *testing.T) {
	var out, errb bytes.Buffer
	if err := schemesRun(&schemesOptions{io: &streams{Out: &out, Err: &errb}}); err != nil {
		t.Fatal(err)
	}
	// Two spaces between the columns, which line up.
	want := "call-center              month    400呼叫中心关键绩效考核指标\n" +
		"credit-rating            year     客户信用评级指标体系及评价打分表\n" +
		"cs-kpi                   month    客服部关键绩效考核指标表\n" +
		"cs-levels                month    客服中心客服级别评定\n" +
		"cs-points                month    客服部考核标准\n" +
		"cs-staff                 month    客户服务人员绩效考核方案\n" +
		"cs-staff-categories      month    客服人员工作绩效考核表\n" +
		"customer-review          month    客户平时考核表\n" +
		"dept-kpi                 quarter  KPI考核表(销售中心、财务部、行政后勤部)\n" +
		"dept-service             quarter  部门绩效考核表(用户服务部)\n" +
		"ecommerce-cs             month    客服部客服指标绩效考核表\n" +
		"ecommerce-cs-deductions  month    客服绩效考核方案(拟稿)\n" +
		"gs-team-bonus            month    客服部绩效考核标准\n" +
		"key-account              year     大客户服务部客户分类\n" +
		"presales-cs              month    售前客服绩效考核表\n" +
		"sales-performance        month    (终极版)销售表现考核表\n" +
		"sentai-quarterly         quarter  森泰公司外贸业务人员绩效考核方案(季度)\n" +
		"trade-agent-annual       year     外贸部业务员绩效考核办法\n" +
		"trade-commission         quarter  外贸业务人员绩效考核方案(提成)\n" +
		"trade-dept-quarterly     quarter  外贸部绩效考核方案(经理/主管季度综合考核)\n" +
		"trade-group-2010         month    外贸组绩效考核方案(2010)\n" +
		"trade-sales-2017         month    销售部绩效考核方案(2017)\n" +
		"weekly-cs                week     员工周绩效考核表(客服)\n" +
		"year-end-bonus           year     年度绩效考核及年终奖\n"
	if out.String() != want || errb.Len() != 0 {
		t.Errorf("stdout %q, stderr %q; want %q and nothing", out.String(), errb.String(), want)
	}
}

func TestClosestName(t *testing.T) {
	names := []string{"cs-staff", "ecommerce-cs", "ecommerce-cs-deductions", "trade-sales-2017"}
	tests := []struct{ in, want string }{
		{"ecommerce-cs", "ecommerce-cs"},
		{"ecomerce-cs", "ecommerce-cs"},   // one letter left out
		{"ecommerce", "ecommerce-cs"},     // the start of a name
		{"ecommerce-cs-", "ecommerce-cs"}, // a tie goes to the first name
		{"cs-staf", "cs-staff"},
		{"trade-sales", "trade-sales-2017"},
		{"cs", ""}, // too short to guess
		{"payroll", ""},
	}
	for _, tt := range tests {
		if got := closestName(tt.in, names); got != tt.want {
			t.Errorf("closestName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestScoreSchemeFlag checks --scheme on score, through runF.
func TestScoreSchemeFlag(t *testing.T) {
	tests := []struct {
		args    []string
		scheme  string
		wantErr string
	}{
		{args: []string{"march.xlsx", "--scheme", "ecommerce-cs"}, scheme: "ecommerce-cs"},
		{args: []string{"march.xlsx", "--scheme", "ecommerce-cs", "--rules", "r.yaml"}, wantErr: "give --rules or --scheme, not both"},
	}
	for _, tt := range tests {
		got, err := parseFlags(newCmdScore, tt.args)
		if tt.wantErr != "" {
			checkUsageError(t, tt.args, err, tt.wantErr)
			continue
		}
		if err != nil || got.Scheme != tt.scheme || got.Rules != "" {
			t.Errorf("%q: %v; scheme %q rules %q, want %q and none", tt.args, err, got.Scheme, got.Rules, tt.scheme)
		}
	}
}
