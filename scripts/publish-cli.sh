#!/usr/bin/env bash
# Publishes the command line as one native executable (Native AOT, linux-x64): artifacts/feedback (+ Taxonomy/).
#   scripts/publish-cli.sh [OUTDIR]        (default: artifacts)
# No JIT at run time, so `analyze` starts and runs without compiling the analyzer's ~390 KB of source-generated regex
# IL first (docs/analyzer.md, "Speed and memory": "Native AOT"). The native binary runs `analyze` and `evaluate`; the
# storage commands (keys, surveys, digest...) need the JIT build (`dotnet run --project src/FeedbackCollector.Cli`)
# and say so. Needs a C toolchain for the final link: clang (any of clang, clang-18...clang-14) or gcc, and zlib's
# development files; installed with apt-get when missing and this is root.
source "$(dirname "$0")/lib.sh"

OUT="${1:-$ROOT/artifacts}"
need_dotnet

# The ILCompiler links with clang by default; it takes another compiler driver by name.
linker=""
for c in clang clang-19 clang-18 clang-17 clang-16 clang-15 clang-14 gcc; do
  if command -v "$c" >/dev/null 2>&1; then linker="$c"; break; fi
done
zlib_ok() { [ -e /usr/lib/x86_64-linux-gnu/libz.so ] || [ -e /usr/lib64/libz.so ] || [ -e /usr/lib/libz.so ]; }
if [ -z "$linker" ] || ! zlib_ok; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing the native toolchain (clang, zlib1g-dev) with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null
    [ -n "$linker" ] || linker=clang
  else
    die "Native AOT needs clang (or gcc) and zlib's development files: sudo apt-get install -y clang zlib1g-dev"
  fi
fi

say "Publishing the native command line to $OUT (linker: $linker; takes a few minutes)"
start=$(date +%s)
dotnet publish "$ROOT/src/FeedbackCollector.Cli" -c Release -r linux-x64 -nologo -v quiet \
  -p:FeedbackNative=true -p:CppCompilerAndLinker="$linker" -o "$OUT"
# The documentation files and the managed symbols are by-products of the projects' build, not used by the binary.
rm -f "$OUT"/*.xml "$OUT"/*.pdb
say "Done in $(( $(date +%s) - start )) s: $OUT/feedback ($(du -h "$OUT/feedback" | cut -f1))"
