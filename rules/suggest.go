package rules

// Closest returns the candidate nearest to s by edit distance when it is
// near enough to be a likely typo, else "". Commands use it for the same
// "did you mean" hints that rule files get.
func Closest(s string, candidates []string) string { return closest(s, candidates) }

// EditDistance is the Levenshtein distance between a and b, counted in
// characters (runes), as the "did you mean" hints measure it.
func EditDistance(a, b string) int { return distance(a, b) }
