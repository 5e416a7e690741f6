#!/usr/bin/env bash
# Times `subdesk-cli db demo` on a throwaway PostgreSQL cluster (pg_virtualenv, default
# settings) and prints the wall time of each stage, the total, the row counts and the size
# of the database. The figures in bench/README.md come from this script.
#
#   bench/gen_demo.sh [SUBSCRIBERS] [SEED] [CLI]
#     SUBSCRIBERS  default 1000000
#     SEED         default 1
#     CLI          path to subdesk-cli, default build/src/subdesk-cli
set -euo pipefail
subscribers=${1:-1000000}
seed=${2:-1}
cli=$(realpath "${3:-build/src/subdesk-cli}")
[[ -x "$cli" ]] || { echo "no subdesk-cli at $cli (pass its path as the third argument)" >&2; exit 2; }
command -v pg_virtualenv > /dev/null || { echo "pg_virtualenv (postgresql-common) is needed" >&2; exit 2; }

progress=$(mktemp)
trap 'rm -f "$progress"' EXIT
export CLI=$cli SUBSCRIBERS=$subscribers SEED=$seed PROGRESS=$progress
# shellcheck disable=SC2016  # expanded inside the virtual environment
pg_virtualenv bash -c '
  set -euo pipefail
  "$CLI" --db "dbname=postgres" db migrate > /dev/null
  echo "PostgreSQL $(psql -d postgres -Atc "show server_version"), shared_buffers $(psql -d postgres -Atc "show shared_buffers"), max_wal_size $(psql -d postgres -Atc "show max_wal_size"), $(nproc) CPUs"
  start=$(date +%s.%N)
  # Stamp every progress line with the seconds since the start; the first and last stamp
  # of a stage bound its duration.
  "$CLI" --db "dbname=postgres" db demo --subscribers "$SUBSCRIBERS" --seed "$SEED" |
    while IFS= read -r line; do
      printf "%.1f\t%s\n" "$(echo "$(date +%s.%N) - $start" | bc)" "$line"
    done > "$PROGRESS"
  end=$(date +%s.%N)
  echo
  echo "stage                 seconds"
  awk -F"\t" "\$2 ~ /[0-9]+\/[0-9]+\$/ {
      stage = \$2; sub(/ [0-9]+\/[0-9]+\$/, \"\", stage)
      if (!(stage in first)) { first[stage] = prev; order[n++] = stage }
      last[stage] = \$1
    }
    { prev = \$1 }
    END { for (i = 0; i < n; i++) printf \"%-20s %8.1f\n\", order[i], last[order[i]] - first[order[i]] }" "$PROGRESS"
  echo
  grep -v "[0-9]/[0-9]" "$PROGRESS" | cut -f2
  printf "total wall time       %.1f s\n" "$(echo "$end - $start" | bc)"
  echo "database size         $(psql -d postgres -Atc "select pg_size_pretty(pg_database_size(current_database()))")"
'
