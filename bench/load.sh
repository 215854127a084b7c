#!/usr/bin/env bash
# Bounded load test of the collector on this machine: Azurite (in memory, own ports) + the local host (Release),
# then a fixed number of submissions over loopback. Prints accepted/s, p50/p99 latency and analysed/s, the load average,
# and the CPU seconds Azurite and the host spent per 1,000 responses (steadier than wall-clock figures on a shared machine).
#   bench/load.sh [--requests 6000] [--concurrency 32] [--count]
#     --count          also log every storage request (Azurite's access log) and print them per response, by kind
#   LOAD_AZURITE=one   one Azurite process for the three services (default: one process each, as scripts/run.sh)
source "$(dirname "$0")/../scripts/lib.sh"
install_azurite
need_dotnet

COUNT=0
args=()
for a in "$@"; do
  if [ "$a" = "--count" ]; then COUNT=1; else args+=("$a"); fi
done

PORT=${LOAD_PORT:-7181}; BLOB=${LOAD_BLOB:-11000}; QUEUE=$((BLOB+1)); TABLE=$((BLOB+2))
KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export Storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE/devstoreaccount1;"

say "Building (Release)"
for p in src/FeedbackCollector.LocalHost src/FeedbackCollector.Cli bench/FeedbackCollector.LoadGenerator; do
  dotnet build "$ROOT/$p" -c Release -nologo --verbosity quiet
done

WORK=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

azurite_pids=()
quiet=(--silent)
[ "$COUNT" = 1 ] && quiet=()
start_azurite "$WORK" "${LOAD_AZURITE:-split}" "$BLOB" "${quiet[@]}" --inMemoryPersistence
azurite_pids=("${AZURITE_PIDS[@]}")
pids+=("${azurite_pids[@]}")

say "Starting the local host on $PORT"
(cd "$ROOT/src/FeedbackCollector.LocalHost/bin/Release/net10.0" && Logging__LogLevel__Default=Warning Survey__TrustForwardedFor=true exec dotnet FeedbackCollector.LocalHost.dll --urls "http://127.0.0.1:$PORT") &
host_pid=$!
pids+=("$host_pid")
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break; sleep 0.5; done

CLI=(dotnet "$ROOT/src/FeedbackCollector.Cli/bin/Release/net10.0/feedback.dll")
"${CLI[@]}" surveys seed --open >/dev/null 2>&1
OFFICER=$("${CLI[@]}" keys issue --role officer --label "Load test" 2>/dev/null)

# CPU seconds (user + system) a process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
azurite_cpu() { local t=0; for p in "${azurite_pids[@]}"; do t=$(echo "$t + $(cpu_seconds "$p")" | bc -l); done; echo "$t"; }
for f in "$WORK"/azurite-*.log; do [ -f "$f" ] && : >"$f"; done

say "Load (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
az0=$(azurite_cpu); host0=$(cpu_seconds "$host_pid")
set +e
dotnet "$ROOT/bench/FeedbackCollector.LoadGenerator/bin/Release/net10.0/FeedbackCollector.LoadGenerator.dll" \
  --url "http://127.0.0.1:$PORT" --survey young-people --officer-key "$OFFICER" "${args[@]}" | tee "$WORK/result.txt"
status=${PIPESTATUS[0]}
set -e
az1=$(azurite_cpu); host1=$(cpu_seconds "$host_pid")
accepted=$(awk '$1 == "accepted" && $3 == "(202)" { print $2 }' "$WORK/result.txt")
echo "load average  $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min, at the end)"
if [ "${accepted:-0}" -gt 0 ]; then
  printf 'CPU s / 1000  Azurite %.2f   host %.2f   (submit, analysis and the officer reads that confirm it; Azurite as %s)\n' \
    "$(echo "($az1 - $az0) * 1000 / $accepted" | bc -l)" "$(echo "($host1 - $host0) * 1000 / $accepted" | bc -l)" "${LOAD_AZURITE:-split}"
fi
if [ "$COUNT" = 1 ] && [ "${accepted:-0}" -gt 0 ]; then
  echo "storage requests per accepted response, by kind (the officer reads that confirm analysis included):"
  # Access-log lines: ... "METHOD /account/path?query HTTP/1.1" status -; keys, message ids and queries folded.
  cat "$WORK"/azurite-*.log | awk -v n="$accepted" -F'"' '/HTTP\/1.1"/ {
      split($2, r, " "); path = r[2]; sub(/\?.*/, "", path); sub(/^\/devstoreaccount1/, "", path);
      gsub(/\([^)]*\)/, "()", path); sub(/\/messages\/.*/, "/messages/{id}", path);
      split($3, s, " "); k = sprintf("%-6s %-40s %s", r[1], path, s[1]); c[k]++; total++ }
    END { for (k in c) printf "  %7.3f  %s\n", c[k] / n, k; printf "  %7.3f  total\n", total / n }' | sort -k2
fi
exit "$status"
