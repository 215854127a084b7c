#!/usr/bin/env bash
# Bounded load test of the collector on this machine: Azurite (in memory, own ports) + the local host (Release),
# then a fixed number of submissions over loopback. Prints accepted/s, p50/p99 latency and analysed/s, the load average,
# and the CPU seconds Azurite and the host spent per 1,000 responses (steadier than wall-clock figures on a shared machine).
#   bench/load.sh [--requests 6000] [--concurrency 32] [--count]
#     --warmup N       first send N submissions (other phones) and wait for their analysis, unmeasured, so the figures are
#                      those of a running host, not of its just-in-time compilation (a third of its CPU in a cold 1,500 run)
#     --count          also log every storage request (Azurite's access log) and print them per response, by kind
#     --profile DIR    also profile the CPU: Azurite's node processes (DIR/azurite-*.cpuprofile, V8's sampler) and the
#                      host (DIR/host.perf.data, Linux perf with the runtime's perf map), then print where it went
#   LOAD_AZURITE=one   one Azurite process for the three services (default: one process each, as scripts/run.sh)
source "$(dirname "$0")/../scripts/lib.sh"
install_azurite
need_dotnet

COUNT=0
PROFILE=
WARMUP=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --count) COUNT=1 ;;
    --warmup) WARMUP=$2; shift ;;
    --profile) PROFILE=$(mkdir -p "$2" && cd "$2" && pwd); shift ;;
    *) args+=("$1") ;;
  esac
  shift
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
# V8's sampling profiler writes a .cpuprofile when the process exits (Azurite stops cleanly on SIGTERM).
[ -n "$PROFILE" ] && export AZURITE_NODE_FLAGS="--cpu-prof --cpu-prof-dir=$PROFILE"
start_azurite "$WORK" "${LOAD_AZURITE:-split}" "$BLOB" "${quiet[@]}" --inMemoryPersistence
azurite_pids=("${AZURITE_PIDS[@]}")
unset AZURITE_NODE_FLAGS
pids+=("${azurite_pids[@]}")

say "Starting the local host on $PORT"
# Profiling: the runtime writes /tmp/perf-PID.map, and JIT code lives in plain (not double-mapped) memory, so perf can
# name managed frames.
perfmap=0 wxe=1; [ -n "$PROFILE" ] && perfmap=1 wxe=0
(cd "$ROOT/src/FeedbackCollector.LocalHost/bin/Release/net10.0" && DOTNET_PerfMapEnabled=$perfmap DOTNET_EnableWriteXorExecute=$wxe Logging__LogLevel__Default=Warning Survey__TrustForwardedFor=true exec dotnet FeedbackCollector.LocalHost.dll --urls "http://127.0.0.1:$PORT") &
host_pid=$!
pids+=("$host_pid")
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break; sleep 0.5; done

CLI=(dotnet "$ROOT/src/FeedbackCollector.Cli/bin/Release/net10.0/feedback.dll")
"${CLI[@]}" surveys seed --open >/dev/null 2>&1
OFFICER=$("${CLI[@]}" keys issue --role officer --label "Load test" 2>/dev/null)

GEN=(dotnet "$ROOT/bench/FeedbackCollector.LoadGenerator/bin/Release/net10.0/FeedbackCollector.LoadGenerator.dll" \
  --url "http://127.0.0.1:$PORT" --survey young-people --officer-key "$OFFICER")
if [ "$WARMUP" -gt 0 ]; then
  say "Warm-up: $WARMUP submissions, unmeasured"
  # Its own phones (clients 1,000,000 on), so the measured run's phones start with empty rate-limit windows.
  "${GEN[@]}" --requests "$WARMUP" --first-client 1000000 "${args[@]}" >"$WORK/warmup.txt" || { cat "$WORK/warmup.txt"; die "The warm-up failed."; }
  grep -E '^(accepted/s|analysed )' "$WORK/warmup.txt" | sed 's/^/  warm-up: /'
fi

# CPU seconds (user + system) a process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
azurite_cpu() { local t=0; for p in "${azurite_pids[@]}"; do t=$(echo "$t + $(cpu_seconds "$p")" | bc -l); done; echo "$t"; }
for f in "$WORK"/azurite-*.log; do [ -f "$f" ] && : >"$f"; done

say "Load (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
trace=
if [ -n "$PROFILE" ] && command -v perf >/dev/null 2>&1; then
  perf record -F 499 -g -p "$host_pid" -o "$PROFILE/host.perf.data" >"$PROFILE/perf.log" 2>&1 &
  trace=$!
  sleep 1
fi
az0=$(azurite_cpu); host0=$(cpu_seconds "$host_pid")
each0=(); for p in "${azurite_pids[@]}"; do each0+=("$(cpu_seconds "$p")"); done
set +e
"${GEN[@]}" "${args[@]}" | tee "$WORK/result.txt"
status=${PIPESTATUS[0]}
set -e
az1=$(azurite_cpu); host1=$(cpu_seconds "$host_pid")
each1=(); for p in "${azurite_pids[@]}"; do each1+=("$(cpu_seconds "$p")"); done
if [ -n "$trace" ]; then kill -INT "$trace" 2>/dev/null; wait "$trace" 2>/dev/null || true; fi
accepted=$(awk '$1 == "accepted" && $3 == "(202)" { print $2 }' "$WORK/result.txt")
echo "load average  $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min, at the end)"
if [ "${accepted:-0}" -gt 0 ]; then
  printf 'CPU s / 1000  Azurite %.2f   host %.2f   (submit, analysis and the officer reads that confirm it; Azurite as %s)\n' \
    "$(echo "($az1 - $az0) * 1000 / $accepted" | bc -l)" "$(echo "($host1 - $host0) * 1000 / $accepted" | bc -l)" "${LOAD_AZURITE:-split}"
  if [ "${#azurite_pids[@]}" = 3 ]; then
    printf '              of which blob %.2f   queue %.2f   table %.2f\n' \
      "$(echo "(${each1[0]} - ${each0[0]}) * 1000 / $accepted" | bc -l)" "$(echo "(${each1[1]} - ${each0[1]}) * 1000 / $accepted" | bc -l)" \
      "$(echo "(${each1[2]} - ${each0[2]}) * 1000 / $accepted" | bc -l)"
  fi
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
if [ -n "$PROFILE" ]; then
  # Stop the host, then Azurite so its profiles are written (SIGINT: azurite-table stops cleanly only on that), then
  # summarise them.
  kill "$host_pid" 2>/dev/null || true
  for p in "${azurite_pids[@]}"; do kill -INT "$p" 2>/dev/null || true; done
  for p in "${azurite_pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done
  for f in "$PROFILE"/*.cpuprofile; do
    [ -f "$f" ] && { echo "== $f"; node "$ROOT/bench/cpuprofile-summary.js" "$f" 25; }
  done
  if [ -f "$PROFILE/host.perf.data" ]; then
    echo "== host: self time by library, then by function (perf; JIT code named through /tmp/perf-PID.map)"
    perf report -i "$PROFILE/host.perf.data" --no-children --sort dso --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 15
    perf report -i "$PROFILE/host.perf.data" --no-children --sort sym --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -n 60
  fi
fi
exit "$status"
