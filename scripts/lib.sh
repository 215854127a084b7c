# Shared by run.sh and test.sh: checks and installs what the collector needs on a fresh machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_DIR="$ROOT/tools/azurite"

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

restore_dotnet() {
  need_dotnet
  say "Restoring .NET packages"
  dotnet restore "$ROOT/FeedbackCollector.sln" --verbosity quiet
}
