#!/usr/bin/env bash
# CTest fixture: (re)creates the template databases that database tests clone.
#   subdesk_template       migrated, empty
#   subdesk_template_demo  migrated, with a small deterministic demo data set
set -euo pipefail
cli=$1
[[ -n "${SUBDESK_TEST_PG:-}" ]] || { echo "SUBDESK_TEST_PG not set: skipped"; exit 77; }
base=${SUBDESK_TEST_TEMPLATE:-subdesk_template}
psql_admin() { psql "$SUBDESK_TEST_PG dbname=postgres" -v ON_ERROR_STOP=1 -q "$@"; }
for db in "$base" "${base}_demo"; do
  psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  psql_admin -c "CREATE DATABASE $db"
  "$cli" --db "$SUBDESK_TEST_PG dbname=$db" db migrate
done
"$cli" --db "$SUBDESK_TEST_PG dbname=${base}_demo" db demo --subscribers 500 --seed 7
echo "templates $base and ${base}_demo ready"
