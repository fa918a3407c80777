package rules

import (
	"strings"
	"testing"

	"github.com/govalues/decimal"
)

// TestCheckBands runs checkBands on lists of ranges, band i on line i+1,
// and compares the exact messages.
func TestCheckBands(t *testing.T) {
	tests := []struct {
		name   string
		when   []string
		points []string // the points of each band; 0 when not given
		max    string   // "" for none
		want   []string
	}{
		{
			// The grade table of the trade department read literally:
			// 60 <= x < 61 has no grade. The band after the gap in the
			// file is "< 60", on line 5; it reaches up to 61 to close it.
			name: "gap in a grade table",
			when: []string{"[91, 100]", "[81, 91)", "[71, 81)", "[61, 71)", "< 60"},
			want: []string{
				`rules.yaml:5:1: no band holds values in [60, 61)`,
				`    hint: make the bands meet, e.g. when: "< 61"`,
			},
		},
		{
			// [50%, 60%) on line 3 and [65%, 75%) on line 2 leave
			// [60%, 65%); the later is line 3, whose upper edge moves.
			name: "gap in percent",
			when: []string{">= 75%", "[65%, 75%)", "[50%, 60%)", "< 50%"},
			want: []string{
				`rules.yaml:3:1: no band holds values in [60%, 65%)`,
				`    hint: make the bands meet, e.g. when: "[50%, 65%)"`,
			},
		},
		{
			// "< 50" then ">= 60": the later band, the upper one, moves
			// its lower edge down to 50.
			name: "gap with the upper band later",
			when: []string{"< 50", ">= 60"},
			want: []string{
				`rules.yaml:2:1: no band holds values in [50, 60)`,
				`    hint: make the bands meet, e.g. when: ">= 50"`,
			},
		},
		{
			// < 60 and > 60 leave out 60 itself.
			name: "gap of one value",
			when: []string{"< 60", "> 60"},
			want: []string{
				`rules.yaml:2:1: no band holds the value 60`,
				`    hint: make the bands meet, e.g. when: ">= 60"`,
			},
		},
		{
			name: "no gap below the lowest or above the highest band",
			when: []string{"[50, 60)", "[60, 70)"},
		},
		{
			name: "edges that meet, each held once",
			when: []string{"<= 30", "(30, 45]", "(45, 55]", "> 55"},
		},
		{
			// >= 75% holds [75%, 80%) first; what is left of the band is
			// [65%, 75%).
			name: "overlap",
			when: []string{">= 75%", "[65%, 80%)", "< 65%"},
			want: []string{
				`rules.yaml:2:1: band [65%, 80%) overlaps the band >= 75% (line 1) on [75%, 80%)`,
				`    hint: the first band that holds a value wins; to make the bands meet, write when: "[65%, 75%)"`,
			},
		},
		{
			// Both hold 30.
			name: "overlap on one value",
			when: []string{"<= 30", "[30, 45]", "> 45"},
			want: []string{
				`rules.yaml:2:1: band [30, 45] overlaps the band <= 30 (line 1) on the value 30`,
				`    hint: the first band that holds a value wins; to make the bands meet, write when: "(30, 45]"`,
			},
		},
		{
			// Thresholds in falling order: each overlaps the one before
			// it on everything above its own edge.
			name: "overlapping thresholds",
			when: []string{">= 90", ">= 80", "< 80"},
			want: []string{
				`rules.yaml:2:1: band >= 80 overlaps the band >= 90 (line 1) on values >= 90`,
				`    hint: the first band that holds a value wins; to make the bands meet, write when: "[80, 90)"`,
			},
		},
		{
			// [0, 10) on line 1 and [10, 20) on line 2 hold all of
			// [5, 15] between them; the nearest band is reported.
			name: "overlap with two bands",
			when: []string{"[0, 10)", "[10, 20)", "[5, 25)"},
			want: []string{
				`rules.yaml:3:1: band [5, 25) overlaps the band [10, 20) (line 2) on [10, 20)`,
				`    hint: the first band that holds a value wins; to make the bands meet, write when: "[20, 25)"`,
			},
		},
		{
			// Inside [0, 100] a band [40, 60) leaves two parts outside
			// it: no single range to suggest.
			name: "overlap that would split",
			when: []string{"[40, 60)", "[0, 100]"},
			want: []string{
				`rules.yaml:2:1: band [0, 100] overlaps the band [40, 60) (line 1) on [40, 60)`,
				`    hint: the first band that holds a value wins`,
			},
		},
		{
			name: "empty interval",
			when: []string{"(5, 5)", "[5, 5)", "(5, 5]", "[5, 5]"},
			want: []string{
				`rules.yaml:1:1: band (5, 5) holds no value`,
				`    hint: write "= 5" for 5 alone`,
				`rules.yaml:2:1: band [5, 5) holds no value`,
				`    hint: write "= 5" for 5 alone`,
				`rules.yaml:3:1: band (5, 5] holds no value`,
				`    hint: write "= 5" for 5 alone`,
			},
		},
		{
			name: "hidden by one band",
			when: []string{">= 50%", "[60%, 70%)", "< 50%"},
			want: []string{
				`rules.yaml:2:1: band [60%, 70%) can never match: the band >= 50% (line 1) comes first and holds all its values`,
				`    hint: the first band that holds a value wins`,
			},
		},
		{
			name: "hidden by two bands",
			when: []string{"[0, 10)", "[10, 20)", "[5, 15]"},
			want: []string{
				`rules.yaml:3:1: band [5, 15] can never match: the bands on lines 1 and 2 come first and hold all its values`,
				`    hint: the first band that holds a value wins`,
			},
		},
		{
			name: "the same band twice",
			when: []string{"= 0", "== 0", "> 0"},
			want: []string{
				`rules.yaml:2:1: band == 0 can never match: the band = 0 (line 1) comes first and holds all its values`,
				`    hint: the first band that holds a value wins`,
			},
		},
		{
			// The second band's range did not parse: it was reported
			// then, and holds nothing here, so no gap or overlap comes of
			// it.
			name: "a range that did not parse",
			when: []string{">= 75%", "75%+", "< 75%"},
		},
		{
			name:   "points above max",
			when:   []string{">= 99%", "[97%, 99%)", "< 97%"},
			points: []string{"100", "800", "0"},
			max:    "100",
			want:   []string{`rules.yaml:2:30: points 800 are above the metric's max of 100`},
		},
		{
			name:   "points at max",
			when:   []string{">= 99%", "< 99%"},
			points: []string{"100", "0"},
			max:    "100",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bands := make([]*Band, len(tt.when))
			for i, w := range tt.when {
				at := Pos{File: "rules.yaml", Line: i + 1, Col: 1}
				b := &Band{Pos: at, When: w, WhenPos: at}
				parseRange(b, w) // "75%+" leaves both edges unset
				if i < len(tt.points) {
					b.Points = Number{Pos: at.shift(29), Value: decimal.MustParse(tt.points[i])}
				}
				bands[i] = b
			}
			var max *Number
			if tt.max != "" {
				max = &Number{Value: decimal.MustParse(tt.max)}
			}
			var errs ErrorList
			checkBands(&errs, "the metric", bands, max)
			errs.Sort()
			got := errs.Error()
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestCheckBandsOwner checks that the owner's name reaches the message, so
// that other tables of bands can use the check.
func TestCheckBandsOwner(t *testing.T) {
	at := Pos{File: "grades.yaml", Line: 3, Col: 9}
	b := &Band{Pos: at, When: ">= 90", WhenPos: at, Points: Number{Pos: at, Value: decimal.MustNew(130, 0)}}
	parseRange(b, b.When)
	var errs ErrorList
	checkBands(&errs, "the grade table", []*Band{b}, &Number{Value: decimal.Hundred})
	if got, want := errs.Error(), "grades.yaml:3:9: points 130 are above the grade table's max of 100"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
