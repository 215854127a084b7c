#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests against a real Azurite that the tests start and stop themselves.
source "$(dirname "$0")/lib.sh"

install_azurite
restore_dotnet

say "Building (Release)"
dotnet build "$ROOT/FeedbackCollector.sln" -c Release --no-restore -nologo --verbosity quiet

say "Testing"
dotnet test "$ROOT/FeedbackCollector.sln" -c Release --no-build --nologo --verbosity quiet "$@"
