# Shared by run.sh and test.sh: checks and installs what the collector needs on a fresh machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_DIR="$ROOT/tools/azurite"
AXE_DIR="$ROOT/tools/axe"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

need_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is missing: install .NET 10 (see global.json) from https://dot.net and run this again."
}

need_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    || die "Node.js and npm are missing (Azurite, the local storage emulator, runs on Node): install Node.js 20 or newer."
}

# Azurite comes from the pinned lock file in tools/azurite, never from a global install.
install_azurite() {
  need_node
  if [ ! -x "$AZURITE_DIR/node_modules/.bin/azurite" ] || [ "$AZURITE_DIR/package-lock.json" -nt "$AZURITE_DIR/node_modules/.package-lock.json" ]; then
    say "Installing Azurite from tools/azurite/package-lock.json"
    (cd "$AZURITE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Starts Azurite for the local host: start_azurite LOGDIR one|split FIRSTPORT [extra azurite flags...]
# Blob, queue and table listen on FIRSTPORT, +1, +2 (127.0.0.1 only). "split" runs each service as its own node process
# (azurite-blob, azurite-queue, azurite-table; same data files as one process), so the table and queue work, which a
# single node process serves on one core, spreads over the machine's cores. Telemetry to Microsoft is off. Access logs go
# to LOGDIR/azurite-{all|blob|queue|table}.log. Sets AZURITE_PIDS; waits until every service answers.
# AZURITE_NODE_FLAGS, when set, are given to node itself (for instance --cpu-prof, which NODE_OPTIONS may not carry).
start_azurite() {
  local logdir=$1 mode=$2 blob=$3; shift 3
  local queue=$((blob+1)) table=$((blob+2)) bin="$AZURITE_DIR/node_modules/.bin"
  local common=(--skipApiVersionCheck --loose --disableTelemetry "$@")
  # Runs one Azurite entry point in place of this (background) subshell, so $! is node's own pid.
  run_azurite() {
    local entry=$1; shift
    if [ -n "${AZURITE_NODE_FLAGS:-}" ]; then
      local -a flags
      read -r -a flags <<<"$AZURITE_NODE_FLAGS"
      exec node "${flags[@]}" "$(readlink -f "$bin/$entry")" "$@"
    fi
    exec "$bin/$entry" "$@"
  }
  AZURITE_PIDS=()
  say "Starting Azurite ($mode) on 127.0.0.1:$blob-$table"
  if [ "$mode" = "split" ]; then
    run_azurite azurite-blob "${common[@]}" --blobHost 127.0.0.1 --blobPort "$blob" >"$logdir/azurite-blob.log" 2>&1 &
    AZURITE_PIDS+=($!)
    run_azurite azurite-queue "${common[@]}" --queueHost 127.0.0.1 --queuePort "$queue" >"$logdir/azurite-queue.log" 2>&1 &
    AZURITE_PIDS+=($!)
    run_azurite azurite-table "${common[@]}" --tableHost 127.0.0.1 --tablePort "$table" >"$logdir/azurite-table.log" 2>&1 &
    AZURITE_PIDS+=($!)
  else
    run_azurite azurite "${common[@]}" --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
      --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$logdir/azurite-all.log" 2>&1 &
    AZURITE_PIDS+=($!)
  fi
  local port
  for port in "$blob" "$queue" "$table"; do
    for _ in $(seq 1 120); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
      for p in "${AZURITE_PIDS[@]}"; do
        kill -0 "$p" 2>/dev/null || { cat "$logdir"/azurite-*.log >&2; die "Azurite stopped while starting (see above)."; }
      done
      sleep 0.25
    done
  done
}

# axe-core (the accessibility engine the browser tests inject) comes from the pinned lock file in tools/axe.
install_axe() {
  need_node
  if [ ! -f "$AXE_DIR/node_modules/axe-core/axe.min.js" ] || [ "$AXE_DIR/package-lock.json" -nt "$AXE_DIR/node_modules/.package-lock.json" ]; then
    say "Installing axe-core from tools/axe/package-lock.json"
    (cd "$AXE_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The browser tests drive Debian's Chromium (never a browser build downloaded by a test tool). Installed when missing
# and running as root; otherwise a loud message, and the browser tests report themselves skipped.
install_chromium() {
  if [ -n "${FEEDBACK_CHROMIUM:-}" ] && [ -x "$FEEDBACK_CHROMIUM" ]; then return; fi
  if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Chromium (Debian package) for the browser tests"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null; }; then
      printf '\033[1;31m*** Could not install chromium with apt-get: the browser tests will be SKIPPED. ***\033[0m\n' >&2
    fi
  else
    printf '\033[1;31m*** Chromium is missing and this is not root: run "sudo apt-get install -y chromium" or the browser tests will be SKIPPED. ***\033[0m\n' >&2
  fi
}

# Fonts for what the pages show (emoji faces, Urdu): only for screenshots a person looks at, so failing is not fatal.
install_page_fonts() {
  if fc-list 2>/dev/null | grep -qi "Noto Color Emoji" && fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic"; then return; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing emoji and Urdu fonts (Debian packages) for the browser tests' screenshots"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-color-emoji fonts-noto-core >/dev/null; } \
      || printf 'note: could not install fonts-noto-color-emoji and fonts-noto-core; screenshots will show boxes for emoji and Urdu.\n' >&2
  fi
}

restore_dotnet() {
  need_dotnet
  say "Restoring .NET packages"
  dotnet restore "$ROOT/FeedbackCollector.sln" --verbosity quiet
}
