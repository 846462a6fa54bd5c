#!/usr/bin/env bash
# Accepts the current public API of the shipped packages into PublicAPI.Unshipped.txt:
# adds what the build reports as undeclared (RS0016) and drops what no longer exists (RS0017).
# Review the diff of PublicAPI.*.txt before committing: it is the change to the public API.
set -euo pipefail
cd "$(dirname "$0")/.."
for proj in src/*/*.csproj; do
  dir=$(dirname "$proj")
  log=$(mktemp)
  dotnet build "$proj" --no-incremental -p:TreatWarningsAsErrors=false -clp:NoSummary >"$log" 2>&1 || true
  added=$(
          grep -E "RS0016" "$log" | grep -F "/$dir/" | sed -E "s/.*RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/" | sort -u || true)
  removed=$(grep -E "RS0017" "$log" | grep -F "/$dir/" | sed -E "s/.*RS0017: Symbol '(.*)' is part of the declared API.*/\1/" | sort -u || true)
  file="$dir/PublicAPI.Unshipped.txt"
  if [ -n "$removed" ]; then
    while IFS= read -r sym; do grep -vxF -- "$sym" "$file" > "$file.tmp" || true; mv "$file.tmp" "$file"; done <<< "$removed"
  fi
  if [ -n "$added" ]; then printf '%s\n' "$added" >> "$file"; fi
  { head -1 "$file"; tail -n +2 "$file" | grep -v '^$' | LC_ALL=C sort -u; } > "$file.tmp" && mv "$file.tmp" "$file"
  rm -f "$log"
  echo "$dir: +$(printf '%s' "$added" | grep -c . || true) -$(printf '%s' "$removed" | grep -c . || true)"
done
