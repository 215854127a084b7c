#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against a real Azurite that the tests start and stop themselves, and
# browser tests in Debian's headless Chromium (installed here when missing). Screenshots go to TestResults/screenshots.
source "$(dirname "$0")/lib.sh"

install_azurite
install_axe
install_chromium
install_page_fonts
restore_dotnet

say "Building (Release)"
dotnet build "$ROOT/FeedbackCollector.sln" -c Release --no-restore -nologo --verbosity quiet

say "Testing"
log="$(mktemp)"
set +e
dotnet test "$ROOT/FeedbackCollector.sln" -c Release --no-build --nologo --verbosity quiet "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over every test assembly, in the plain form CI reads.
awk -F'[:,]' '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i ~ /^ *Passed *$/) p += $(i+1); if ($i ~ /Failed *$/) f += $(i+1) } }
  END { printf "%d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
