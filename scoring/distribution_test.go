package scoring

import (
	"fmt"
	"testing"
)

func TestQuotas(t *testing.T) {
	curve := decs(t, "0.1", "0.2", "0.4", "0.2", "0.1")
	tests := []struct {
		n    int
		want string
	}{
		// 23 x 10/20/40/20/10% = 2.3, 4.6, 9.2, 4.6, 2.3: rounded down
		// 2+4+9+4+2 = 21; the 2 places left go to the remainders .6, .6.
		{23, "[2 5 9 5 2]"},
		// 20: exact.
		{20, "[2 4 8 4 2]"},
		// 7: 0.7, 1.4, 2.8, 1.4, 0.7 -> 0+1+2+1+0 = 4; 3 left: .8 (C),
		// then .7 and .7 tie, and the better grade, A, goes first, then E.
		{7, "[1 1 3 1 1]"},
		// 3: 0.3, 0.6, 1.2, 0.6, 0.3 -> 0+0+1+0+0; 2 left to B and D (.6).
		{3, "[0 1 1 1 0]"},
		{0, "[0 0 0 0 0]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(Quotas(tt.n, curve)); got != tt.want {
			t.Errorf("Quotas(%d) = %s, want %s", tt.n, got, tt.want)
		}
	}
	// Over many sizes and a curve with thirds, the quotas add up.
	thirds := decs(t, "0.3333", "0.3333", "0.3334")
	for n := 0; n < 500; n++ {
		sum := 0
		for _, q := range Quotas(n, thirds) {
			sum += q
		}
		if sum != n {
			t.Fatalf("Quotas(%d) add up to %d", n, sum)
		}
	}

}
