#!/usr/bin/env bash
# Runs FeedbackCollector on this machine: Azurite (with a persistent data folder), the local host on
# http://localhost:7071, a demo survey. Ctrl-C stops everything. Data stays in .local/azurite.
source "$(dirname "$0")/lib.sh"

URL="${FEEDBACK_URL:-http://localhost:7071}"
DATA="$ROOT/.local/azurite"
mkdir -p "$DATA"

install_azurite
restore_dotnet

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if (exec 3<>/dev/tcp/127.0.0.1/10000) 2>/dev/null; then
  say "Azurite is already running on ports 10000-10002; using it"
else
  # One node process per service (tables, queues, blobs) so the emulator can use more than one core; same data files.
  say "Azurite keeps its data in .local/azurite, its logs in .local/azurite-*.log"
  start_azurite "$ROOT/.local" split 10000 --location "$DATA"
  pids+=("${AZURITE_PIDS[@]}")
fi

say "Building"
dotnet build "$ROOT/src/FeedbackCollector.LocalHost" -c Release --no-restore --verbosity quiet -nologo
dotnet build "$ROOT/src/FeedbackCollector.Cli" -c Release --no-restore --verbosity quiet -nologo
CLI=(dotnet "$ROOT/src/FeedbackCollector.Cli/bin/Release/net10.0/feedback.dll")

say "Starting the local host on $URL"
(cd "$ROOT/src/FeedbackCollector.LocalHost/bin/Release/net10.0" && exec dotnet FeedbackCollector.LocalHost.dll --urls "$URL") &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "$URL/api/health" >/dev/null 2>&1; then break; fi
  kill -0 "${pids[-1]}" 2>/dev/null || die "the local host stopped; see the messages above."
  sleep 0.5
done
curl -fsS "$URL/api/health" >/dev/null || die "the local host did not become healthy at $URL/api/health."

say "Creating the default surveys"
"${CLI[@]}" surveys seed --open >&2

if [ ! -s "$ROOT/.local/officer.key" ]; then
  "${CLI[@]}" keys issue --role officer --label "Local officer" >"$ROOT/.local/officer.key"
fi

cat <<MSG

  FeedbackCollector is running.

  Survey page for young people:     $URL/s/young-people?v=oak-youth   (also /s/children, /s/parents, /s/practitioners)
  In Urdu:                          $URL/s/children?lang=ur
  Printable poster with QR code:    $URL/s/young-people/poster?v=oak-youth
  Answer it (JSON):                 curl -H 'Content-Type: application/json' -d '{"answers":{"listened":4,"one-thing":"more youth clubs"}}' $URL/api/surveys/young-people/responses
  Health:                           $URL/api/health
  Officer key (for staff APIs):     $(cat "$ROOT/.local/officer.key")   (header X-Feedback-Key; kept in .local/officer.key)

  Press Ctrl-C to stop.
MSG
wait "${pids[-1]}"
