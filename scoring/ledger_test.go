package scoring_test

import (
	"strings"
	"testing"

	"appraise/scoring"
)

// ledgerRules are SCHEMES.md §10 in small: one row a contract, grouped by
// 业务员.
const ledgerRules = `columns:
  合同编号: {type: text}
  业务员: {type: text}
  类型: {values: [外贸, 内贸]}
  合同总金额: {}
  客户返回款: {blank: 0}
  运费: {blank: 0}
  回款金额: {blank: 0}
params:
  目标: 1000000
ledger:
  by: 业务员
  rows:
    应收: 合同总金额 - 客户返回款
    提成: if(类型 = "外贸", 应收 * 1.2%, (应收 - 运费) * 0.8%)
    已收齐: 回款金额 >= 应收
  per_person:
    合同数: count()
    已收齐提成: sum(提成, 已收齐)
    外贸回款: sum(回款金额, 类型 = "外贸")
    最大合同: max(合同总金额)
    未收齐数: count(not 已收齐)
tiers:
  超额奖:
    of: max(0, 外贸回款 - 目标)
    mode: whole
    tiers:
      - {when: "<= 1000000", rate: 0.5%}
      - {when: "> 1000000", rate: 1%}
pay:
  提成发放: 已收齐提成
  超额奖金: 超额奖
`

func TestLedger(t *testing.T) {
	s := compile(t, ledgerRules)
	l, err := scoring.NewLedger(s)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]string{
		// 应收 490,000, collected to the cent: 提成 490,000 x 1.2% = 5,880.
		{"H1", "张三", "外贸", "500000", "10000", "", "490000"},
		// 内贸: (200,000 - 5,000) x 0.8% = 1,560, not collected.
		{"H2", "张三", "内贸", "200000", "", "5000", "100000"},
		// 张三 with a trailing space is 张三: 800,000 x 1.2% = 9,600.
		{"H3", "张三 ", "外贸", "800000", "", "", "800000"},
		// 王五 with an ideographic space: 100,000 x 1.2% = 1,200, not collected.
		{"H4", "王五　", "外贸", "100000", "", "", "50000"},
	}
	for i, raw := range rows {
		if _, err := l.Add(bind(t, l.Rows(), raw...), i+2, raw[1]); err != nil {
			t.Fatal(err)
		}
	}
	if len(l.People) != 2 {
		t.Fatalf("%d people, want 2", len(l.People))
	}
	r := s.NewResult()
	zs := l.People[0]
	s.Score(l.Record(zs, nil), r)
	// 张三: 3 contracts; collected 5,880 + 9,600 = 15,480; 外贸 collections
	// 490,000 + 800,000 = 1,290,000, 290,000 over target: x 0.5% = 1,450.
	for i, want := range []string{"张三", "3", "15480", "1290000", "800000", "1"} {
		if got := show(r.Input(i)); got != want && !(i == 0 && got == `"张三"`) {
			t.Errorf("张三 column %d = %s, want %s", i, got, want)
		}
	}
	if got := show(r.Pay(0)); got != "15480" {
		t.Errorf("提成发放 = %s, want 15480", got)
	}
	if got := show(r.Pay(1)); got != "1450" {
		t.Errorf("超额奖金 = %s, want 1450", got)
	}
	if got := strings.Join(zs.Notes, "; "); got != `业务员 "张三 " (row 4) is read as "张三"` {
		t.Errorf("notes: %s", got)
	}
	agg := s.Rules().Ledger.Aggs
	if got := zs.Explain(agg[1], 1); got != "sum of 提成 where 已收齐: rows 2, 4: 5880 + 9600 = 15480" {
		t.Errorf("explain: %s", got)
	}
	ww := l.People[1]
	s.Score(l.Record(ww, nil), r)
	// 王五: nothing collected in full: 0; 50,000 of 外贸 collections is below target.
	if got := show(r.Pay(0)); got != "0" {
		t.Errorf("王五 提成发放 = %s, want 0", got)
	}
	if got := ww.Explain(agg[1], 1); got != "sum of 提成 where 已收齐: none of 王五's 1 rows = 0" {
		t.Errorf("explain: %s", got)
	}
}
