#!/usr/bin/env bash
# Bounded load test of the collector on this machine: Azurite (in memory, own ports) + the local host (Release),
# then a fixed number of submissions over loopback. Prints accepted/s, p50/p99 latency and analysed/s.
#   bench/load.sh [--requests 6000] [--concurrency 32]
source "$(dirname "$0")/../scripts/lib.sh"
install_azurite
need_dotnet

PORT=${LOAD_PORT:-7181}; BLOB=${LOAD_BLOB:-11000}; QUEUE=$((BLOB+1)); TABLE=$((BLOB+2))
KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export Storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE/devstoreaccount1;"

say "Building (Release)"
for p in src/FeedbackCollector.LocalHost src/FeedbackCollector.Cli bench/FeedbackCollector.LoadGenerator; do
  dotnet build "$ROOT/$p" -c Release -nologo --verbosity quiet
done

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

say "Starting Azurite in memory on $BLOB-$TABLE"
"$AZURITE_DIR/node_modules/.bin/azurite" --inMemoryPersistence --skipApiVersionCheck --loose --silent \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --blobPort "$BLOB" --queuePort "$QUEUE" --tablePort "$TABLE" &
pids+=($!)

say "Starting the local host on $PORT"
(cd "$ROOT/src/FeedbackCollector.LocalHost/bin/Release/net10.0" && Logging__LogLevel__Default=Warning Survey__TrustForwardedFor=true exec dotnet FeedbackCollector.LocalHost.dll --urls "http://127.0.0.1:$PORT") &
pids+=($!)
for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break; sleep 0.5; done

CLI=(dotnet "$ROOT/src/FeedbackCollector.Cli/bin/Release/net10.0/feedback.dll")
"${CLI[@]}" surveys seed --open >/dev/null 2>&1
OFFICER=$("${CLI[@]}" keys issue --role officer --label "Load test" 2>/dev/null)

say "Load"
dotnet "$ROOT/bench/FeedbackCollector.LoadGenerator/bin/Release/net10.0/FeedbackCollector.LoadGenerator.dll" \
  --url "http://127.0.0.1:$PORT" --survey young-people --officer-key "$OFFICER" "$@"
