#!/usr/bin/env bash
# A home-like tree of N visited directories with Zipf-distributed visits, in z's format (PATH|RANK|EPOCH), on stdout.
#
# Usage: bench/gen-tree.sh N ROOT [NOW]
#
# Built on bench/process-bench.sh's generate_paths (awk, fixed seed, areas/projects/modules/leaves word lists), changed
# so that queries whose LAST keyword is a common leaf name are realistic:
#   - projects are `proj-NNNN` (distinct 4-digit numbers; proj-5002 is always one of them: the query target), about
#     20 entries per project, under areas drawn with a skewed distribution (src and work are the big ones);
#   - below a project: modules (core api web cli lib ...), common leaves (src api assets test include build ...),
#     sometimes deeper (module/src/leaf), and about 1 name in 6 is unique-ish (feat-xxxx, issue-NNNN, dates, versions),
#     so the dictionary of distinct component names is not tiny;
#   - visits: entry i in a random order gets rank 1 + floor(N/2 / i^1.07) (Zipf-like: a few hot entries, a long tail
#     visited once), and the hotter an entry the more recent its last visit.
# Every line is distinct; the target ROOT/home/u/src/proj-5002/api is always present.
set -euo pipefail
n="${1:?N}"
root="${2:?ROOT}"
now="${3:-$(date +%s)}"
awk -v n="$n" -v root="$root" -v now="$now" 'BEGIN {
	srand(20240611)
	na = split("src src src work work repos dev docs notes opt build Downloads .config sandbox", areas, " ")
	nm = split("core api web cli lib test docs tools data app server client ui sdk infra", modules, " ")
	nl = split("src api assets test tests include build bin scripts config docs lib out dist vendor static public images api internal", leaves, " ")
	nu = split("feat fix issue exp spike tmp old backup v2 draft", uprefix, " ")
	projects = int(n / 20); if (projects < 20) projects = 20
	# Distinct 4-digit project numbers, 5002 first.
	pnum[0] = 5002; used[5002] = 1
	for (p = 1; p < projects; p++) {
		do { x = 1000 + int(rand() * 9000) } while (x in used)
		used[x] = 1; pnum[p] = x
	}
	for (p = 0; p < projects; p++) {
		a = (p == 0) ? 1 : 1 + int(rand() * rand() * na)
		pdir[p] = root "/home/u/" areas[a] "/proj-" pnum[p]
	}
	count = 0
	target = pdir[0] "/api"
	add(pdir[0]); add(target)  # the target gets a distinct, high rank below (no ties with zoxide)
	while (count < n) {
		p = int(rand() * projects)
		base = pdir[p]
		r = rand()
		if (r < 0.06) path = base
		else if (r < 0.30) path = base "/" modules[1 + int(rand() * nm)]
		else if (r < 0.55) path = base "/" modules[1 + int(rand() * nm)] "/" leaves[1 + int(rand() * nl)]
		else if (r < 0.70) path = base "/" leaves[1 + int(rand() * nl)]
		else if (r < 0.85) path = base "/" modules[1 + int(rand() * nm)] "/src/" leaves[1 + int(rand() * nl)]
		else path = base "/" modules[1 + int(rand() * nm)] "/" uniq()
		add(path)
	}
	# Zipf ranks over a random order of the entries; hotter entries were visited more recently.
	for (i = 0; i < count; i++) order[i] = i
	for (i = count - 1; i > 0; i--) { j = int(rand() * (i + 1)); t = order[i]; order[i] = order[j]; order[j] = t }
	for (k = 0; k < count; k++) {
		i = order[k]
		rank = 1 + int((n / 2) / ((k + 1) ^ 1.07))
		age = int(86400 * 400 * ((k + 1) / count) * rand()) + int(rand() * 3600)
		if (i == 1) { rank = 37; age = 2 * 86400 }   # the target: visited often, two days ago
		print paths[i] "|" rank "|" (now - age)
	}
}
function add(path) {
	if (path in seen) return
	seen[path] = 1; paths[count++] = path
}
function uniq(   r, s, i) {
	r = rand()
	if (r < 0.4) { s = uprefix[1 + int(rand() * nu)] "-"; for (i = 0; i < 5; i++) s = s substr("abcdefghijklmnopqrstuvwxyz", 1 + int(rand() * 26), 1); return s }
	if (r < 0.7) return "issue-" int(rand() * 100000)
	if (r < 0.85) return sprintf("20%02d-%02d-%02d", 18 + int(rand() * 8), 1 + int(rand() * 12), 1 + int(rand() * 28))
	return sprintf("v%d.%d.%d", int(rand() * 5), int(rand() * 20), int(rand() * 30))
}'
