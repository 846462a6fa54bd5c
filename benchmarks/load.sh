#!/usr/bin/env bash
# Load run of the reference host on 127.0.0.1 (docs/performance.md):
#   bash benchmarks/load.sh sqlite|postgres [harness options, e.g. --sustained-seconds 300 --photo-seconds 300]
# Builds the host and the harness in Release; for postgres, starts a throwaway PostgreSQL cluster (fsync and
# synchronous_commit on) from /usr/lib/postgresql/*/bin and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
shift || true
case "$provider" in sqlite|postgres) ;; *) echo "usage: $0 sqlite|postgres [options]" >&2; exit 2 ;; esac

dotnet build samples/ReferenceHost -c Release -v:q -clp:NoSummary >/dev/null
dotnet build benchmarks/FieldReports.Load -c Release -v:q -clp:NoSummary >/dev/null
host_dll=samples/ReferenceHost/bin/Release/net10.0/ReferenceHost.dll
harness=benchmarks/FieldReports.Load/bin/Release/net10.0/FieldReports.Load.dll

extra=()
if [ "$provider" = postgres ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "${bin:-}/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  dir=$(mktemp -d /tmp/fieldreports-load-pg-XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; as_pg=(runuser -u postgres --); fi
  "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=300" start >/dev/null
  trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null; rm -rf "$dir"' EXIT
  "${as_pg[@]}" psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE fieldreports" postgres
  # No Reset On Close as docs/storage.md recommends; the host's bare baselines use the same connection string.
  extra=(--connection "Host=127.0.0.1;Port=$port;Username=postgres;Database=fieldreports;Maximum Pool Size=100;No Reset On Close=true")
fi

dotnet "$harness" "$provider" --host "$host_dll" "${extra[@]}" "$@"
