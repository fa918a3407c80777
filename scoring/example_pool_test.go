package scoring_test

import (
	"fmt"

	"appraise/scoring"

	"github.com/govalues/decimal"
)

// 100.00 shared by weights 1, 1 and 1: 33.33 each rounded down, and the
// cent left over goes to the lowest key, as the remainders tie.
func ExampleShare() {
	one := decimal.One
	shares, err := scoring.Share(decimal.MustParse("100.00"), []decimal.Decimal{one, one, one}, []string{"E3", "E1", "E2"})
	if err != nil {
		panic(err)
	}
	fmt.Println(shares)
	// Output: [33.33 33.34 33.33]
}

// 23 people to a 10/20/40/20/10 curve: 2.3, 4.6, 9.2, 4.6 and 2.3 rounded
// down are 21 places; the 2 left go to the largest remainders, B's and
// D's .6.
func ExampleQuotas() {
	curve := []decimal.Decimal{
		decimal.MustParse("0.1"), decimal.MustParse("0.2"), decimal.MustParse("0.4"),
		decimal.MustParse("0.2"), decimal.MustParse("0.1"),
	}
	fmt.Println(scoring.Quotas(23, curve))
	// Output: [2 5 9 5 2]
}
