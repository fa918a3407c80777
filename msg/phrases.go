package msg

// Phrases are the words of appraise's reports in Chinese: the explain
// report, the detail sheet's explanations and the diff report. Each is
// the English phrase as the report writes it, with the parts that vary
// as placeholders, and its Chinese. Unlike the messages of [Catalogue], a
// phrase is looked up by its English exactly, as it is said, and filled
// afterwards, so a report of a million lines costs a map lookup a
// phrase; names, formulas, numbers and cell references are what fill the
// placeholders, and stay as they are.
var Phrases = []Entry{
	// Punctuation between the parts of a line.
	{`, `, `，`},
	{`; `, `；`},
	{`: no value`, `：无值`},
	{`: {why}`, `：{why}`},
	{`no value`, `无值`},
	{`no value: {why}`, `无值：{why}`},
	{`missing: {why}`, `缺失：{why}`},

	// A metric's working.
	{`reported only: it earns no points`, `仅列示：不计分`},
	{`points = {formula}: needs {names}`, `得分 = {formula}：还需要 {names}`},
	{`{metric} points`, `{metric} 得分`},
	{`points`, `得分`},
	{`not in the map: map_other -> {n} points`, `不在对照表中：map_other -> {n} 分`},
	{`map {text} -> {n} points`, `对照 {text} -> {n} 分`},
	{`not in the map -> no points`, `不在对照表中 -> 不得分`},
	{`band {when} ({label}) -> {n} points`, `档位 {when}（{label}）-> {n} 分`},
	{`band {when} -> {n} points`, `档位 {when} -> {n} 分`},
	{`in none of the bands -> no points`, `不在任何档位中 -> 不得分`},
	{`{limit} -> {n} points`, `{limit} -> {n} 分`},
	{`no points, so no score`, `没有得分，因此没有加权得分`},
	{`weight {n} -> {n2} x {n} / 100 = {n3} towards {section}`, `权重 {n} -> {n2} x {n} / 100 = {n3} 计入 {section}`},
	{`weight {n} -> {n2} x {n} / 100 = {n3} towards the total`, `权重 {n} -> {n2} x {n} / 100 = {n3} 计入总分`},
	{`weight {n} -> {n2} x {n} / 100 = {n3}`, `权重 {n} -> {n2} x {n} / 100 = {n3}`},
	{`no weight -> {n} towards {section}`, `无权重 -> {n} 计入 {section}`},
	{`no weight -> {n} towards the total`, `无权重 -> {n} 计入总分`},
	{`no weight -> {n}`, `无权重 -> {n}`},

	// Targets.
	{`target: missing: {why}`, `目标：缺失：{why}`},
	{`target: missing`, `目标：缺失`},
	{`target {n}`, `目标 {n}`},
	{`, lower is better`, `，越低越好`},
	{`proportional`, `按比例`},
	{`all or nothing`, `全有或全无`},
	{`met`, `达成`},
	{`not met`, `未达成`},
	{`{how}: {a} {op} {b}, {met} -> {n} points`, `{how}：{a} {op} {b}，{met} -> {n} 分`},
	{`{how}: {a} / {b} = {share}`, `{how}：{a} / {b} = {share}`},
	{`{working}, {n} points, limited to {n2}`, `{working}，{n} 分，限定为 {n2}`},
	{`{working} -> {n} points`, `{working} -> {n} 分`},

	// Sections, the total and the grade.
	{`{line}, counts {n} x {n2} / 100 = {n3} towards the total`, `{line}，按 {n} x {n2} / 100 = {n3} 计入总分`},
	{`{line}, counts {n} x {n2} / 100 = {n3}`, `{line}，折算为 {n} x {n2} / 100 = {n3}`},
	{`{line}, counts as it is towards the total`, `{line}，按原值计入总分`},
	{`capped at {n}`, `封顶为 {n}`},
	{`raised to the floor {n}`, `提高到保底值 {n}`},
	{`{label}: {of} has no value, so no grade`, `{label}：{of} 无值，因此没有等级`},
	{`{label}: {of} {n} -> {grade}, but veto {cond} cannot be decided: {why}`, `{label}：{of} {n} -> {grade}，但否决 {cond} 无法判定：{why}`},
	{`{label}: {of} {n} is in none of the grades`, `{label}：{of} {n} 不在任何等级中`},
	{`{label}: {of} {n} -> {grade}`, `{label}：{of} {n} -> {grade}`},
	{`; veto {cond} ({working}): {does}`, `；否决 {cond}（{working}）：{does}`},
	{`, coefficient {n}`, `，系数 {n}`},
	{`at most {grade}`, `最高 {grade}`},
	{`coefficient {n}`, `系数 {n}`},

	// History.
	{`this period: {cond} cannot be decided: {why}`, `本期：{cond} 无法判定：{why}`},
	{`this period: held ({values})`, `本期：成立（{values}）`},
	{`this period: {cond} did not hold ({values}): the run stops`, `本期：{cond} 不成立（{values}）：连续计数到此为止`},
	{`this period: {value} ({values})`, `本期：{value}（{values}）`},
	{`{period}: not in the results: the run stops`, `{period}：不在结果中：连续计数到此为止`},
	{`{period}: {cond} cannot be decided: {why} ({values}): the run stops`, `{period}：{cond} 无法判定：{why}（{values}）：连续计数到此为止`},
	{`{period}: {cond} did not hold ({values}): the run stops`, `{period}：{cond} 不成立（{values}）：连续计数到此为止`},
	{`{period}: held ({values})`, `{period}：成立（{values}）`},
	{`{period}: not in the results: adds nothing`, `{period}：不在结果中：不累加`},
	{`{period}: {value} ({values})`, `{period}：{value}（{values}）`},
	{`the history has no earlier period (not {period})`, `历史记录中没有更早的期间（缺少 {period}）`},
	{`the history has no earlier period`, `历史记录中没有更早的期间`},
	{`the history goes back 1 earlier period, to {period}`, `历史记录向前 1 个期间，到 {period}`},
	{`the history goes back {n} earlier periods, to {period}`, `历史记录向前 {n} 个期间，到 {period}`},
	{`; it has no {period}`, `；缺少 {period}`},

	// Lookups and tier tables.
	{`{table} row {n}`, `{table} 第 {n} 行`},
	{`{where} as {file} scores it`, `{where}（按 {file} 评分）`},
	{`{col} of {where}, the row of {keys}: {value}`, `{col}：取自 {where}，即 {keys} 所在行：{value}`},
	{`amount`, `金额`},
	{`whole`, `全额`},
	{`marginal`, `超额累进`},
	{`{name} ({mode}): {working}`, `{name}（{mode}）：{working}`},
	{`{head} -> in none of the tiers, so no amount`, `{head} -> 不在任何阶梯中，因此没有金额`},
	{`{head} -> tier {when}, rate {rate}`, `{head} -> 阶梯 {when}，比率 {rate}`},
	{`tier {when}, rate {rate}`, `阶梯 {when}，比率 {rate}`},
	{`slice {when}: {n} x {rate} = {n2}`, `分段 {when}：{n} x {rate} = {n2}`},
	{`nothing from 0 to 0: 0`, `0 到 0 之间没有金额：0`},
	// The explain report: the rule file as tables.
	{`metric {name}`, `指标 {name}`},
	{`period {period}`, `考核周期 {period}`},
	{`sheet {sheet}`, `工作表 {sheet}`},
	{`about`, `说明`},
	{`section`, `分组`},
	{`value`, `值`},
	{`, shown as a percentage`, `，以百分比显示`},
	{`target`, `目标`},
	{`mode`, `方式`},
	{`{mode}: {how}`, `{mode}：{how}`},
	{`100 points when the value is at least the target, else 0`, `值不低于目标得 100 分，否则得 0 分`},
	{`100 points when the value is at most the target, else 0`, `值不高于目标得 100 分，否则得 0 分`},
	{`100 x value / target, from {n} to {n2}`, `100 x 值 / 目标，在 {n} 到 {n2} 之间`},
	{`100 x target / value, from {n} to {n2}: the full points at or below the target`, `100 x 目标 / 值，在 {n} 到 {n2} 之间：不高于目标得满分`},
	{`bands`, `档位`},
	{`map`, `对照表`},
	{`any other`, `其他`},
	{`none: reported only`, `无：仅列示`},
	{`max`, `上限`},
	{`floor`, `保底`},
	{`cap`, `封顶`},
	{`weight`, `权重`},
	{`{n}: its score is points x {n} / 100`, `{n}：加权得分 = 得分 x {n} / 100`},
	{`none: its score is its points`, `无：加权得分即得分`},
	{`sections (each the sum of its metrics' scores)`, `分组（各为其指标加权得分之和）`},
	{`counts as it is`, `按原值计入`},
	{`counts x {n} / 100`, `按 x {n} / 100 计入`},
	{`worth {n} points, counts as it is`, `满分 {n} 分，按原值计入`},
	{`formula`, `公式`},
	{`total: none, since nothing is scored`, `总分：无，因为没有计分项`},
	{`the sum of the scores of the metrics outside sections and of what each section counts`, `分组外各指标的加权得分与各分组计入值之和`},
	{`the sum of the metrics' scores`, `各指标加权得分之和`},
	{`total ({label})`, `总分（列 {label}）`},
	{`the total`, `总分`},
	{`grades ({label}) of {of}`, `等级（列 {label}），按 {of} 评定`},
	{`vetoes, checked after the bands`, `否决项，在档位之后判定`},
	{`when {cond}`, `当 {cond}`},
	{`flags`, `标记`},
	{`ranks (places in the sheet, 1 first)`, `排名（本表中的名次，第 1 名在前）`},
	{`by {formula}, {order}, ties: {ties}`, `按 {formula} {order}，并列：{ties}`},
	{`, within each {col}`, `，在每个 {col} 内`},
	{`highest first`, `从高到低`},
	{`lowest first`, `从低到高`},
	{`pay (exact; rounded half-up to 0.01 when paid)`, `发放（精确值；发放时四舍五入到 0.01）`},
	{`pools (shared to the cent; the cents left over to the largest remainders, ties to the lower key)`, `奖金池（分配到分；余下的分按最大余数分配，余数相同者给键值较小的人）`},
	{`{amounts} by {weight}`, `{amounts}，按 {weight} 分配`},
	{`distribution (quotas rounded by {rounding})`, `强制分布（配额按 {rounding} 取整）`},
	{`largest remainder`, `最大余数法`},
	{`placed by {formula}, highest first`, `按 {formula} 从高到低排定`},
	{`; ties by {col}, {order}, then the key`, `；并列时按 {col} {order}，再按键值`},
	{`; ties by the key`, `；并列时按键值`},
	{`the whole sheet`, `全表`},
	{`within each {col}`, `在每个 {col} 内`},
	{`{scope}, when it has at least {n} people`, `{scope}，人数不少于 {n} 时`},
	{`params`, `参数`},
	{`tables (read with lookup)`, `表（用 lookup 读取）`},
	{`sheet {sheet} of the workbook scored`, `所评工作簿的工作表 {sheet}`},
	{`the results of {file} on sheet {sheet}`, `{file} 在工作表 {sheet} 上的结果`},
	{`the results of {file}`, `{file} 的结果`},
	{`{file}, sheet {sheet}`, `{file} 的工作表 {sheet}`},
	{`by {keys}`, `按 {keys}`},
	{`tiers {name} of {of} ({mode}): pays {how}`, `阶梯 {name}，按 {of}（{mode}）：{how}`},
	{`the whole amount at the rate of the tier it reaches`, `全部金额按所达阶梯的比率计`},
	{`each slice of the amount, from 0, at the rate of its tier`, `金额自 0 起分段，每段按其阶梯的比率计`},
	{`rate {rate}`, `比率 {rate}`},

	// The explain report: one person's row.
	{`{where} row {n}`, `{where} 第 {n} 行`},
	{`{file}: row {n}`, `{file}: 第 {n} 行`},
	{`ledger`, `台账`},
	{`inputs`, `输入`},
	{`(no column)`, `（无此列）`},
	{`{value} (blank)`, `{value}（空白）`},
	{`ranks`, `排名`},
	{`{n} of {n2}`, `第 {n} 名（共 {n2} 人）`},
	{`by {formula} = {value}, {order}`, `按 {formula} = {value} {order}`},
	{`not raised`, `未触发`},
	{`raised`, `触发`},
	{`not decided`, `无法判定`},
	{`tiers`, `阶梯`},
	{`pay`, `发放`},
	{`pools`, `奖金池`},
	{`{formula} = {n}; {n2} x {n} / {n3}, shared among {n4}`, `{formula} = {n}；{n2} x {n} / {n3}，{n4} 人分配`},
	{`{how} in {col} {group}`, `{how}，在 {col} {group} 内`},
	{`, and a cent left over`, `，另得余下的 1 分钱`},
	{`lookups`, `查表`},
	{`history ({period}, 1 earlier period)`, `历史（{period}，更早的 1 个期间）`},
	{`history ({period}, {n} earlier periods)`, `历史（{period}，更早的 {n} 个期间）`},
	// The detail sheet (--detail full).
	{`the sum of the scores: {terms}`, `各指标得分之和：{terms}`},
	{`in none of the grades`, `不在任何等级中`},
	{`{band} gives {grade}; vetoed`, `{band} 得 {grade}；被否决`},
	{`calibrated to the curve from {grade}: see the {sheet} sheet`, `按分布曲线由 {grade} 校准：见 {sheet} 工作表`},
	{`calibrated to the curve: {band}`, `按分布曲线校准：{band}`},
	{`the grade of {of}`, `{of} 的等级`},
	{`{label} veto`, `{label}否决`},
	{`does not hold`, `不成立`},
	{`holds: {does}`, `成立：{does}`},
	{`the coefficient of the grade`, `等级的系数`},
	{`the coefficient of grade {grade}`, `等级 {grade} 的系数`},
	{`, or of a veto when lower`, `，或否决项的系数（取较低者）`},
	{`the place by {formula}, {order}`, `按 {formula} {order} 的名次`},
	{`, within {col} {value}`, `，在 {col} {value} 内`},
	{`of {n}; ties: {ties}`, `共 {n} 人；并列：{ties}`},
	{`history`, `历史`},
	{`lookup`, `查表`},
	{`{mode} tiers of {of}`, `按 {of} 的阶梯（{mode}）`},
	{`{amount} x weight / the weights added up`, `{amount} x 权重 / 权重之和`},
	{`weight {formula} = {n}; {n2} x {n} / {n3}, rounded down to the cent`, `权重 {formula} = {n}；{n2} x {n} / {n3}，向下取整到分`},
	{`, and a cent left over (largest remainder)`, `，另得余下的 1 分钱（最大余数法）`},
	{`; shared among {n}`, `；{n} 人分配`},
	{`{amount} in {period}`, `{period} 发 {amount}`},
	{`paid {list}`, `分期发放：{list}`},
	{`{list} and {last}`, `{list}、{last}`},
	{`over the rows of {key} in {sheet}`, `{sheet} 中 {key} 的各行合计`},
	{`matched as one person`, `视为同一人`},
	// The diff report.
	{`{n} people, {n2} with a changed figure, {n3} change grade`, `{n} 人，其中 {n2} 人有数字变化，{n3} 人等级变化`},
	{`{n} people, {n2} with a changed figure`, `{n} 人，其中 {n2} 人有数字变化`},
	{`grade: old \ new`, `等级：原 \ 新`},
	{`(none)`, `（无）`},
	{`pay line`, `发放项`},
	{`old`, `原`},
	{`new`, `新`},
	{`change`, `变化`},
	{`the rules' items are the same`, `规则各项相同`},
	{`rules changed:`, `规则的改动：`},
	{`{item}: {old} ({at}) -> {new} ({at2})`, `{item}：{old}（{at}）-> {new}（{at2}）`},
	{`largest changes:`, `变化最大的：`},
	// A ledger's figures.
	{`count of rows`, `行数`},
	{`sum of {of}`, `{of} 合计`},
	{`mean of {of}`, `{of} 平均值`},
	{`min of {of}`, `{of} 最小值`},
	{`max of {of}`, `{of} 最大值`},
	{`{what} where {cond}`, `{what}（{cond} 的行）`},
	{`{what}: none of {key}'s {n} rows = {value}`, `{what}：{key} 的 {n} 行都不计入 = {value}`},
	{` and {n} more`, `，另有 {n} 行`},
	{`{what}: rows {rows}{more} = {value}`, `{what}：第 {rows} 行{more} = {value}`},
	{`{what}: rows {rows}{more}: {terms}{more} = {value}`, `{what}：第 {rows} 行{more}：{terms}{more} = {value}`},
	{`{what}: rows {rows}{more}: values {terms}{more} -> {value}`, `{what}：第 {rows} 行{more}：各值 {terms}{more} -> {value}`},
	// The diff workbook.
	{`summary`, `汇总`},
	{`people`, `人员`},
	{`audit`, `说明`},
	{`item`, `项目`},
	{`old at`, `原位置`},
	{`new at`, `新位置`},
	{`people with a changed figure`, `有数字变化的人数`},
	{`people who change grade`, `等级变化的人数`},
	{`rule`, `规则项`},
	{`(the same)`, `（相同）`},
	{`row`, `行`},
	{`{col} old`, `{col} 原`},
	{`{col} new`, `{col} 新`},
	{`{col} change`, `{col} 变化`},
}

var phrases = func() map[string]string {
	m := make(map[string]string, len(Phrases))
	for _, e := range Phrases {
		m[e.En] = e.Zh
	}
	return m
}()

// Phrase is the Chinese of the phrase en, if [Phrases] holds it.
func Phrase(en string) (string, bool) {
	zh, ok := phrases[en]
	return zh, ok
}

// Words returns what says a report's phrases in lang: for a phrase of
// [Phrases], its Chinese; for any other line, such as the reason a
// figure has no value, the line said as [Say] says it. In English it
// gives each phrase as it is.
func Words(lang Lang) func(en string) string {
	if lang != Chinese {
		return func(en string) string { return en }
	}
	return func(en string) string {
		if zh, ok := phrases[en]; ok {
			return zh
		}
		return Say(Chinese, en)
	}
}
