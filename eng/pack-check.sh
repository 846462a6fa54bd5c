#!/usr/bin/env bash
# Packs the three packages into a local folder feed and builds a fresh project that consumes them from it,
# as a vendor would: proves the packages carry their dependencies, README and XML documentation.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work" "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/fieldreports.*/*"${suffix:-none}"' EXIT
feed="$work/feed"
# A version of its own for every run, so that no package cached by an earlier run is used instead of this one.
suffix="check.$(date +%Y%m%d%H%M%S).$$"
dotnet pack FieldReports.sln -c Release -o "$feed" -clp:NoSummary -v:q -p:VersionSuffix="$suffix" >/dev/null
count=$(ls "$feed"/*.nupkg | grep -vc '\.snupkg$')
for id in FieldReports.Core FieldReports.AspNetCore FieldReports.Storage.EF; do
  pkg=$(ls "$feed"/$id.0*.nupkg)
  listing=$(python3 -c "import sys, zipfile; print(\"\\n\".join(' ' + n for n in zipfile.ZipFile(sys.argv[1]).namelist()))" "$pkg")
  grep -q ' README.md$' <<< "$listing" || { echo "$id: README.md missing from the package"; exit 1; }
  grep -q "lib/net10.0/$id.xml" <<< "$listing" || { echo "$id: XML documentation missing from the package"; exit 1; }
done
echo "packed $count packages, each with README.md and XML docs"
version=$(ls "$feed"/FieldReports.Core.0*.nupkg | sed -E 's/.*FieldReports\.Core\.(.*)\.nupkg/\1/')
mkdir -p "$work/consumer"
cp "$root/eng/consumer/Consumer.csproj" "$root/eng/consumer/Program.cs" "$work/consumer/"
cat > "$work/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="FieldReports.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
# The consumer lives outside the repository: none of its build rules apply.
(cd "$work/consumer" && dotnet run -p:FieldReportsVersion="$version")
