#!/usr/bin/env bash
# The side-by-side figures of docs/performance.md: two hyperfine runs, each with
# `fulcrum --version` as its reference. The first reads packs through a pack cache of its own
# (filled by the warm-up runs), as every run after the first does; the second sets
# FULCRUM_NO_CACHE=1, so every file is parsed and checked, as the first run after an edit is.
# Run from the repository root: benches/hyperfine.sh [WORK_DIR]
set -euo pipefail
cargo build --release --locked
bin=target/release/fulcrum
work=${1:-${TMPDIR:-/tmp}/fulcrum-perf}
mkdir -p "$work"
for rules in 1000 10000 100000; do
    "$bin" rules synth --questions 60 --rule-count "$rules" --out "$work/s$rules"
done
"$bin" rules synth --questions 60 --rule-count 2000 --out "$work/lint2000"
parse='import glob, sys, tomllib
for f in sorted(glob.glob(sys.argv[1] + "/*.toml")):
    with open(f, "rb") as h:
        tomllib.load(h)'
plan() { echo "$bin --rules $work/s$1/synthetic plan --pack synthetic --answers $work/s$1/answers.toml --format json"; }
builtin="$bin plan --answers examples/nanhu-street.toml --format json"
export XDG_CACHE_HOME="$work/cache"

# Warm: the packs come from the cache.
unset FULCRUM_NO_CACHE
hyperfine -N --warmup 3 --min-runs 10 --max-runs 60 \
    --export-markdown "$work/warm.md" --export-json "$work/warm.json" \
    -n 'fulcrum --version' "$bin --version" \
    -n 'plan, built-in pack' "$builtin" \
    -n 'rules list' "$bin rules list" \
    -n 'plan, 1k rules' "$(plan 1000)" \
    -n 'plan, 10k rules' "$(plan 10000)" \
    -n 'plan, 100k rules' "$(plan 100000)"

# Cold: every file parsed and checked; `rules lint` always reads the source.
export FULCRUM_NO_CACHE=1
# `rules lint` of the synthetic pack finds rules that can never fire (exit 3): -i keeps going.
hyperfine -N -i --warmup 2 --min-runs 5 --max-runs 30 \
    --export-markdown "$work/cold.md" --export-json "$work/cold.json" \
    -n 'fulcrum --version' "$bin --version" \
    -n 'plan, built-in pack' "$builtin" \
    -n 'lint, built-in pack' "$bin rules lint" \
    -n 'plan, 1k rules' "$(plan 1000)" \
    -n 'plan, 10k rules' "$(plan 10000)" \
    -n 'plan, 100k rules' "$(plan 100000)" \
    -n 'lint, 60 questions x 2k rules' "$bin rules lint $work/lint2000/synthetic" \
    -n 'tomllib, built-in pack' "python3 -c '$parse' rules/community-dependence" \
    -n 'tomllib, 1k rules' "python3 -c '$parse' $work/s1000/synthetic" \
    -n 'tomllib, 10k rules' "python3 -c '$parse' $work/s10000/synthetic" \
    -n 'tomllib, 100k rules' "python3 -c '$parse' $work/s100000/synthetic" \
    -n 'python3 startup' "python3 -c pass"
echo "results: $work/warm.md $work/cold.md"
