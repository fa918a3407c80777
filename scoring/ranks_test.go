package scoring_test

import (
	"strings"
	"testing"

	"appraise/scoring"
)

// rankRules rank a total (the points of 得分, blank for no score) four
// ways: highest first with ties shared as in sport (1, 1, 3), lowest
// first, dense (1, 1, 2), and within each 部门. 需整改 flags the three
// lowest; 奖金 pays 500 / 300 / 200 to the first three places.
const rankRules = `columns:
  工号: {type: text, key: true}
  部门: {type: text}
  得分: {blank: none}
metrics:
  业绩: {points: 得分}
ranks:
  名次: total
  倒数: {of: total, order: lowest first}
  密集: {of: total, ties: dense}
  部门名次: {of: total, within: 部门}
flags:
  需整改: 倒数 <= 3
pay:
  奖金: if(名次 = 1, 500, if(名次 = 2, 300, if(名次 = 3, 200, 0)))
`

func TestRanking(t *testing.T) {
	s := compile(t, rankRules)
	rows := [][]string{
		{"E1", "A", "90"},
		{"E2", "B", "95"},
		{"E3", "A", "95"},
		{"E4", "B", "80"},
		{"E5", "A", ""}, // no score: ranked nowhere, and counted nowhere
		{"E6", "B", "70"},
		{"E7", "A", "80"},
	}
	// Sorted highest first: 95 (E2, E3), 90 (E1), 80 (E4, E7), 70 (E6).
	// 名次, competition: 95 -> 1, 1; 90 -> 3; 80 -> 4, 4; 70 -> 6.
	// 倒数, lowest first: 70 -> 1; 80 -> 2, 2; 90 -> 4; 95 -> 5, 5.
	// 密集: 95 -> 1; 90 -> 2; 80 -> 3; 70 -> 4.
	// 部门名次: A has 95 (E3), 90 (E1), 80 (E7): 1, 2, 3 of 3;
	//   B has 95 (E2), 80 (E4), 70 (E6): 1, 2, 3 of 3.
	// 需整改 (倒数 <= 3): E6 (1), E4 and E7 (2).
	// 奖金: 名次 1 -> 500 (E2, E3, both first); 3 -> 200 (E1); none is 2.
	want := []struct{ rank, last, dense, dept, among, deptAmong, flag, pay string }{
		{"3", "4", "2", "2", "6", "3", "no", "200"},
		{"1", "5", "1", "1", "6", "3", "no", "500"},
		{"1", "5", "1", "1", "6", "3", "no", "500"},
		{"4", "2", "3", "2", "6", "3", "yes", "0"},
		{"", "", "", "", "", "", "", ""},
		{"6", "1", "4", "3", "6", "3", "yes", "0"},
		{"4", "2", "3", "3", "6", "3", "yes", "0"},
	}
	ranking := s.NewRanking()
	r := s.NewResult()
	var recs [][]scoring.Value
	for _, raw := range rows {
		rec := bind(t, s, raw...)
		recs = append(recs, rec)
		s.Score(rec, r)
		ranking.Add(r)
	}
	ranking.Done()
	bonus := payIndex(t, s, "奖金")
	for i, rec := range recs {
		ranking.Score(i, rec, r)
		w := want[i]
		var got [8]string
		for k := range 4 {
			place, among := r.Rank(k)
			got[k] = place.String()
			switch k {
			case 0:
				got[4] = among.String()
			case 3:
				got[5] = among.String()
			}
		}
		got[6], got[7] = r.Flag(0).String(), r.Pay(bonus).String()
		if got != [8]string{w.rank, w.last, w.dense, w.dept, w.among, w.deptAmong, w.flag, w.pay} {
			t.Errorf("%s: got rank, last, dense, dept, among, dept among, flag, pay = %q, want %q", rows[i][0], got,
				[8]string{w.rank, w.last, w.dense, w.dept, w.among, w.deptAmong, w.flag, w.pay})
		}
	}
	// E5 has no total, so no place; the note says why.
	ranking.Score(4, recs[4], r)
	notes := strings.Join(r.Notes(), "; ")
	if want := "名次 is not ranked: 得分 is blank"; !strings.Contains(notes, want) {
		t.Errorf("E5 notes: %s\nwant them to contain %q", notes, want)
	}
}

// Scored one row at a time, as a case is, a rank has no value, and says
// why.
func TestRankOneRow(t *testing.T) {
	s := compile(t, rankRules)
	r := s.NewResult()
	s.Score(bind(t, s, "E1", "A", "90"), r)
	place, _ := r.Rank(0)
	if place.Kind != scoring.Missing || place.Str != "名次 ranks the whole sheet, not one row" {
		t.Errorf("rank of one row: got %#v", place)
	}
}
