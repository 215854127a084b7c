#!/usr/bin/env bash
# Throughput and memory of `feedback analyze` on ONE core, start-up included.
#   bench/analyze-throughput.sh [LINES] [SEED]
# Generates LINES (default 100000) realistic answers from a fixed seed (default 42), builds the CLI, then runs it
# pinned to core 0 under /usr/bin/time -v and prints texts per second and peak memory.
# BUILD=native (default) measures the native executable (scripts/publish-cli.sh, artifacts/feedback); BUILD=jit the
# JIT build (dotnet feedback.dll, Release); BUILD=none only writes the input. REBUILD=0 measures the existing build instead of building it again.
set -euo pipefail

LINES="${1:-100000}"
SEED="${2:-42}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${TMPDIR:-/tmp}/feedback-throughput"
INPUT="$WORK/input-$LINES-$SEED.jsonl"
DLL="$ROOT/src/FeedbackCollector.Cli/bin/Release/net10.0/feedback.dll"
NATIVE="$ROOT/artifacts/feedback"
BUILD="${BUILD:-native}"
mkdir -p "$WORK"

if [[ ! -s "$INPUT" ]]; then
  # Answers of 1-3 sentences composed from pieces in the voice of children, parents and practitioners, with
  # text-speak, misspellings, emoji, some personal data and a little Polish and Urdu. awk's srand makes it repeatable.
  awk -v n="$LINES" -v seed="$SEED" 'BEGIN {
    srand(seed);
    split("child|child|child|parent|practitioner|forum-notes", aud, "|");
    c = split("my sw never listens to me|idk who to talk to tbh|i have to tell my story again every time|ive had 4 social workers this year|they never ring back when they say they will|the youth club shut so theres nothing to do|i dont feel safe walking home at night|i got bullied online and the school did nothing|waiting for camhs for like a year|my worker is sound she actually listens|i got moved placement again and now im miles from my brother|they told my mum what i said without asking me|im on a part time timetable and i hate it|my anxeity is realy bad and i cant get councelling|ppl at skool r always picking on me cuz im gay|thank u for helping me get my ehcp|theres gangs near the park and ppl selling stuff|nobody explains anything they just use big words", cs, "|");
    p = split("We waited 14 months for CAMHS and nobody rang us back.|My son is still not in school and the EHCP is months late.|Every time we get a new social worker we start again from scratch.|The family support worker was brilliant and always kept us informed.|I did not know who to contact when things got bad at home.|The letters are full of jargon and nobody explains what happens next.|We were told he was not bad enough for help until it reached crisis point.|Thank you to the early help team, they went above and beyond for us.|The school and social care do not talk to each other.|We live in temporary accommodation with damp and mould, two buses from school.", ps, "|");
    r = split("Caseloads are too high and the paperwork takes up half my week.|We cannot recruit or retain experienced social workers.|Referral to MASH was bounced back and LCSS said threshold not met.|The strategy meeting happened without health or education present.|Information sharing between agencies has improved since the new protocol.|Supervision is regularly cancelled because of capacity.|CP plans drift when workers change and the child has to retell their story.|Training on contextual safeguarding has been really useful for the team.", rs, "|");
    e = split(" 😡| 😢| 👍| ❤️| 🙂| !!| ...| lol| x", es, "|");
    nm = split("Sarah|Kayleigh|Mohammed|Zofia|Liam|Aisha|Bev|Tyler", names, "|");
    for (i = 1; i <= n; i++) {
      a = aud[int(rand() * 6) + 1];
      k = 1 + int(rand() * 3);
      text = "";
      for (j = 0; j < k; j++) {
        if (a == "child" || a == "forum-notes") s = cs[int(rand() * c) + 1];
        else if (a == "parent") s = ps[int(rand() * p) + 1];
        else s = rs[int(rand() * r) + 1];
        text = text (j ? " " : "") s;
      }
      if (rand() < 0.3) text = text es[int(rand() * e) + 1];
      if (rand() < 0.1) text = text " " names[int(rand() * nm) + 1] " said to call 07700 900" int(100 + rand() * 899);
      if (rand() < 0.02) text = "Nikt mnie nie słucha w szkole, bardzo mi smutno.";
      if (rand() < 0.01) text = "Mera beta school mein bohat pareshan hai aur koi madad nahi karta.";
      gsub(/"/, "\\\"", text);
      printf "{\"id\":\"r%d\",\"text\":\"%s\",\"audience\":\"%s\"}\n", i, text, a;
    }
  }' > "$INPUT"
fi

case "$BUILD" in
  none)
    echo "input: $INPUT ($(wc -l < "$INPUT") lines)"
    exit 0
    ;;
  native)
    if [[ ! -x "$NATIVE" || "${REBUILD:-1}" == "1" ]]; then
      "$ROOT/scripts/publish-cli.sh" "$(dirname "$NATIVE")" >&2
    fi
    CMD=("$NATIVE")
    ;;
  jit)
    if [[ ! -f "$DLL" || "${REBUILD:-1}" == "1" ]]; then
      dotnet build "$ROOT/src/FeedbackCollector.Cli" -c Release -v quiet -nologo >/dev/null
    fi
    CMD=(dotnet "$DLL")
    ;;
  *) echo "BUILD must be native or jit, not '$BUILD'" >&2; exit 2 ;;
esac

echo "input: $INPUT ($(wc -l < "$INPUT") lines, $(du -h "$INPUT" | cut -f1)); build: $BUILD; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
TIMES="$WORK/time.txt"
taskset -c 0 /usr/bin/time -v "${CMD[@]}" analyze --input "$INPUT" --output /dev/null 2> "$TIMES" || {
  cat "$TIMES" >&2
  exit 1
}
elapsed=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$TIMES")
cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$TIMES")
rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$TIMES")
# Wall time is what the target is about; CPU time shows the cost when the machine is shared with other work.
awk -v n="$LINES" -v s="$elapsed" -v c="$cpu" -v m="$rss" 'BEGIN {
  printf "texts: %d  wall: %.2f s (%.0f texts/s)  cpu: %.2f s (%.0f texts per cpu-second)  max RSS: %d MB\n", n, s, n / s, c, n / c, m }'
