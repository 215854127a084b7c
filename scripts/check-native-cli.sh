#!/usr/bin/env bash
# Checks that the native command line (scripts/publish-cli.sh) gives the same bytes as the JIT build:
# `analyze` on every labelled set in tests/FeedbackCollector.Analysis.Tests/DevSet (JSON Lines out, and CSV out for
# the dev set), `evaluate --json` on the dev set (all but the elapsed time), and a storage command's refusal.
#   scripts/check-native-cli.sh [NATIVE]       (default: artifacts/feedback; publish it first)
# Set INPUT=file.jsonl to compare on one more input (for instance bench/analyze-throughput.sh's 100,000 lines), and
# SETS=glob to compare on fewer DevSet files (default *.jsonl, all of them).
source "$(dirname "$0")/lib.sh"

NATIVE="${1:-$ROOT/artifacts/feedback}"
DEVSET="$ROOT/tests/FeedbackCollector.Analysis.Tests/DevSet"
[ -x "$NATIVE" ] || die "no native binary at $NATIVE: run scripts/publish-cli.sh first"
need_dotnet

say "Building the JIT command line (Release)"
dotnet build "$ROOT/src/FeedbackCollector.Cli" -c Release -nologo -v quiet >/dev/null
JIT=(dotnet "$ROOT/src/FeedbackCollector.Cli/bin/Release/net10.0/feedback.dll")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
same() { # same LABEL FILE1 FILE2
  if cmp -s "$2" "$3"; then echo "same: $1"; else echo "DIFFERENT: $1"; failed=1; fi
}

inputs=("$DEVSET"/${SETS:-*.jsonl})
[ -z "${INPUT:-}" ] || inputs+=("$INPUT")
for f in "${inputs[@]}"; do
  name="$(basename "$f")"
  "${JIT[@]}" analyze --input "$f" --output "$work/jit-$name" 2>"$work/jit-$name.err" || echo "exit $?" >>"$work/jit-$name.err"
  "$NATIVE" analyze --input "$f" --output "$work/native-$name" 2>"$work/native-$name.err" || echo "exit $?" >>"$work/native-$name.err"
  same "analyze $name" "$work/jit-$name" "$work/native-$name"
  same "analyze $name (standard error and exit code)" "$work/jit-$name.err" "$work/native-$name.err"
done

"${JIT[@]}" analyze --input "$DEVSET/devset.jsonl" --output "$work/jit.csv"
"$NATIVE" analyze --input "$DEVSET/devset.jsonl" --output "$work/native.csv"
same "analyze devset.jsonl to CSV" "$work/jit.csv" "$work/native.csv"
# CSV in: the dev set's id, text and audience as CSV (quoted cells, some spanning lines).
python3 -c '
import csv, json, sys
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["id", "text", "audience"])
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        d = json.loads(line)
        w.writerow([d.get("id", ""), d["text"], d.get("audience", "")])
' "$DEVSET/devset.jsonl" >"$work/devset.csv"
"${JIT[@]}" analyze --input "$work/devset.csv" --output "$work/jit-from-csv.jsonl"
"$NATIVE" analyze --input "$work/devset.csv" --output "$work/native-from-csv.jsonl"
same "analyze CSV in" "$work/jit-from-csv.jsonl" "$work/native-from-csv.jsonl"

# evaluate --json: the same document but for how long it took.
"${JIT[@]}" evaluate --input "$DEVSET/devset.jsonl" --json --errors 5 | grep -v '"elapsedMs"' >"$work/jit-eval.json"
"$NATIVE" evaluate --input "$DEVSET/devset.jsonl" --json --errors 5 | grep -v '"elapsedMs"' >"$work/native-eval.json"
same "evaluate --json devset.jsonl" "$work/jit-eval.json" "$work/native-eval.json"
"${JIT[@]}" evaluate --input "$DEVSET/devset.jsonl" | grep -v -i 'elapsed\|took\| ms' >"$work/jit-eval.txt"
"$NATIVE" evaluate --input "$DEVSET/devset.jsonl" | grep -v -i 'elapsed\|took\| ms' >"$work/native-eval.txt"
same "evaluate devset.jsonl (table)" "$work/jit-eval.txt" "$work/native-eval.txt"

# A storage command is not in the native build: it must say so and fail, not pretend.
set +e
"$NATIVE" keys list >/dev/null 2>"$work/keys.err"
code=$?
set -e
if [ "$code" = 2 ] && grep -q "not in this build" "$work/keys.err"; then
  echo "same: keys in the native build refuses with exit code 2"
else
  echo "DIFFERENT: 'keys list' in the native build exited $code: $(cat "$work/keys.err")"; failed=1
fi

[ "$failed" = 0 ] || die "the native command line differs from the JIT build (above)"
say "The native command line gives the same output as the JIT build"
