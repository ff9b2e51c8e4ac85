#!/usr/bin/env bash
# The side-by-side figures of docs/performance.md, in one hyperfine run.
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
# Warm runs read packs from a cache of their own (filled by the warm-up runs); cold runs
# (`env FULCRUM_NO_CACHE=1`) parse and check every file, as the first run after an edit does.
export XDG_CACHE_HOME="$work/cache"
cold="env FULCRUM_NO_CACHE=1"
# `rules lint` of the synthetic pack finds rules that can never fire (exit 3): -i keeps going.
hyperfine -N -i --warmup 2 --min-runs 5 --max-runs 30 \
    --export-markdown "$work/results.md" --export-json "$work/results.json" \
    -n 'fulcrum --version' "$bin --version" \
    -n 'plan, built-in pack' "$bin plan --answers examples/nanhu-street.toml --format json" \
    -n 'plan, built-in pack, cold' "$cold $bin plan --answers examples/nanhu-street.toml --format json" \
    -n 'lint, built-in pack' "$bin rules lint" \
    -n 'tomllib, built-in pack' "python3 -c '$parse' rules/community-dependence" \
    -n 'plan, 1k rules' "$(plan 1000)" \
    -n 'plan, 10k rules' "$(plan 10000)" \
    -n 'plan, 100k rules' "$(plan 100000)" \
    -n 'plan, 1k rules, cold' "$cold $(plan 1000)" \
    -n 'plan, 10k rules, cold' "$cold $(plan 10000)" \
    -n 'plan, 100k rules, cold' "$cold $(plan 100000)" \
    -n 'tomllib, 1k rules' "python3 -c '$parse' $work/s1000/synthetic" \
    -n 'tomllib, 10k rules' "python3 -c '$parse' $work/s10000/synthetic" \
    -n 'tomllib, 100k rules' "python3 -c '$parse' $work/s100000/synthetic" \
    -n 'lint, 60 questions x 2k rules' "$bin rules lint $work/lint2000/synthetic" \
    -n 'python3 startup' "python3 -c pass"
echo "results: $work/results.md"
