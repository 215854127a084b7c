#!/usr/bin/env bash
# Where the CPU time of one real `feedback analyze` run goes, JIT and start-up included, stage by stage.
#   bench/profile-analyze.sh [LINES] [SEED]
# Samples the run with perf (Linux, `apt-get install linux-perf` if missing) at 999 Hz on core 0, with the runtime's
# perf map so that JIT-compiled methods have names, then files each sample under the innermost analyzer stage on its
# stack. JIT time is counted in the stage whose first call compiled the method (libclrjit.so in the leaf frame), and
# runtime time (type loading, stubs, GC; libcoreclr.so) likewise. Reuses the input and build of analyze-throughput.sh.
set -euo pipefail

LINES="${1:-100000}"
SEED="${2:-42}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${TMPDIR:-/tmp}/feedback-throughput"
INPUT="$WORK/input-$LINES-$SEED.jsonl"
DLL="$ROOT/src/FeedbackCollector.Cli/bin/Release/net10.0/feedback.dll"
if [[ ! -s "$INPUT" || ! -f "$DLL" ]]; then
  "$ROOT/bench/analyze-throughput.sh" "$LINES" "$SEED" >/dev/null
fi

DATA="$WORK/perf.data"
# W^X off: with it on, JIT-compiled code runs from a double-mapped memfd that perf cannot match to the perf map.
DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 taskset -c 0 \
  perf record -F 999 -g -o "$DATA" dotnet "$DLL" analyze --input "$INPUT" --output /dev/null 2>/dev/null
perf script -i "$DATA" -F ip,sym,dso 2>/dev/null | python3 -c '
import sys, collections
# Innermost match wins; order only matters for names that contain one another.
stages = [
    ("ConcernDetector::Detect", "concerns"),
    ("PiiRedactor::Redact", "redaction"),
    ("ThemeMatcher::FindHits", "themes: phrase hits"),
    ("ThemeMatcher::Score", "themes: score (model)"),
    ("SentimentScorer::Score", "sentiment (lexicon + model)"),
    ("KeyPhraseExtractor::Extract", "key phrases"),
    ("Tokenizer::Tokenize", "tokenise + normalise + spell + language"),
    ("LanguageDetector::Detect", "language decision"),
    ("TryParseRequest", "JSON read (parse)"),
    ("JsonLinesSink::Write", "JSON write"),
    ("Taxonomy::Load", "start-up: taxonomy load"),
    ("LocalAnalyzer::.ctor", "start-up: analyzer build"),
    ("LocalAnalyzer::CreateDefault", "start-up: other"),
    ("LocalAnalyzer::Analyze", "analyze: glue"),
    ("Utf8LineReader", "JSON read (lines) + loop"),
    ("CliApp", "CLI: other"),
]
total = collections.Counter(); jit = collections.Counter(); rt = collections.Counter(); n = 0
for block in sys.stdin.read().split("\n\n"):
    frames = [l.strip() for l in block.strip().split("\n") if l.strip()]
    if not frames:
        continue
    n += 1
    cat = "runtime start-up, GC and other threads"
    for f in frames:
        hit = next((name for key, name in stages if key in f), None)
        if hit:
            cat = hit
            break
    total[cat] += 1
    if "libclrjit" in frames[0]:
        jit[cat] += 1
    elif "libcoreclr" in frames[0]:
        rt[cat] += 1
print(f"{n} samples at 999 Hz (~{n / 999:.2f} s CPU with perf overhead)")
print("%-42s %6s %10s %8s" % ("stage", "share", "of it JIT", "runtime"))
for cat, v in total.most_common():
    print(f"{cat:42} {100 * v / n:5.1f}% {100 * jit[cat] / n:9.1f}% {100 * rt[cat] / n:7.1f}%")
print("%-42s %5.1f%% %9.1f%% %7.1f%%" % ("all", 100.0, 100 * sum(jit.values()) / n, 100 * sum(rt.values()) / n))
'
