#!/usr/bin/env bash
# The CPU instructions `feedback analyze` executes on the throughput input, counted by valgrind (callgrind): a cost
# that, unlike seconds, does not move with the machine's load or speed, so two builds can be compared on a busy or
# shared machine, and a change of a fraction of a percent is seen (run-to-run noise about 0.05 %).
#   bench/analyze-instructions.sh [LINES] [SEED] [BUILD_DIR...]
# LINES (default 20000) answers of bench/analyze-throughput.sh's input from SEED (default 42); each BUILD_DIR holds a
# native build (scripts/publish-cli.sh DIR); default: artifacts (built when missing). Prints instructions in all, for
# start-up alone (a three-line input), and per text. Valgrind runs about 50 times slower than the binary: 20,000
# texts take about half a minute. Needs valgrind (installed with apt-get when missing and this is root).
set -euo pipefail

LINES="${1:-20000}"
SEED="${2:-42}"
shift $(( $# < 2 ? $# : 2 ))
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${TMPDIR:-/tmp}/feedback-throughput"
BUILDS=("$@")
[[ ${#BUILDS[@]} -gt 0 ]] || BUILDS=("$ROOT/artifacts")

if ! command -v valgrind >/dev/null 2>&1; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends valgrind >/dev/null
  else
    echo "valgrind is missing: sudo apt-get install -y valgrind" >&2
    exit 1
  fi
fi

# The same generated answers as the throughput benchmark (its first LINES lines of the 100,000 from SEED).
FULL="$WORK/input-100000-$SEED.jsonl"
if [[ ! -s "$FULL" ]]; then
  BUILD=none "$ROOT/bench/analyze-throughput.sh" 100000 "$SEED" >/dev/null
fi
[[ -s "$FULL" ]] || { echo "could not generate $FULL" >&2; exit 1; }
INPUT="$WORK/input-$LINES-$SEED-head.jsonl"
TINY="$WORK/input-3-$SEED-head.jsonl"
head -n "$LINES" "$FULL" > "$INPUT"
head -n 3 "$FULL" > "$TINY"

count() { # count BINARY INPUT -> instructions
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" analyze --input "$2" --output /dev/null 2>&1 \
    | awk '/I *refs:/ { gsub(",", "", $NF); print $NF }'
}

for dir in "${BUILDS[@]}"; do
  if [[ ! -x "$dir/feedback" ]]; then
    if [[ "$dir" == "$ROOT/artifacts" ]]; then "$ROOT/scripts/publish-cli.sh" "$dir" >&2; else echo "no native build in $dir" >&2; exit 1; fi
  fi
  # valgrind cannot read the AOT build's separate debug file (feedback.dbg): run a copy of the binary alone.
  copy="$(mktemp -d)"
  cp "$dir/feedback" "$copy/" && cp -r "$dir/Taxonomy" "$copy/"
  total=$(count "$copy/feedback" "$INPUT")
  start=$(count "$copy/feedback" "$TINY")
  rm -rf "$copy"
  awk -v d="$dir" -v n="$LINES" -v t="$total" -v s="$start" 'BEGIN {
    printf "%s: %d texts: %.0fM instructions; start-up %.0fM; %.0f a text\n", d, n, t / 1e6, s / 1e6, (t - s) / n }'
done
