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
dotnet test "$ROOT/FeedbackCollector.sln" -c Release --no-build --nologo --verbosity quiet "$@"
