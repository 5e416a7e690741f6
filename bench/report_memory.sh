#!/usr/bin/env bash
# Peak memory of a 1,000,000-row report export (issue 8): fills a database with a small
# demo data set plus ROWS payments (default 1,000,000) in one period, then runs
# `subdesk-cli report payments` to CSV, XLSX and PDF under /usr/bin/time -v and prints
# each one's rows, wall time and maximum resident set size (target < 100 MB). Then runs
# bench_report_export (CSV export vs COPY TO STDOUT) on the same rows.
#   bench/report_memory.sh "host=... user=postgres password=..." build [ROWS] [formats]
set -euo pipefail
server=$1 build=$2 rows=${3:-1000000} formats=${4:-"csv xlsx pdf"}
cli=$build/src/subdesk-cli
db=subdesk_bench_reports
psql "$server dbname=postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
"$cli" --db "$server dbname=$db" db migrate >/dev/null
"$cli" --db "$server dbname=$db" db demo --subscribers 1000 --seed 8 >/dev/null
echo "adding $rows payments in October 2026..."
psql "$server dbname=$db" -v ON_ERROR_STOP=1 -q <<SQL
SET session_replication_role = replica;  -- bulk load: no per-row ledger or audit triggers
WITH accounts AS (SELECT array_agg(id) AS ids FROM account),
     l AS (
  INSERT INTO ledger(account_id, amount, kind, idempotency_key, created_at)
  SELECT ids[(1 + i % cardinality(ids))::int], 1000 + (i * 7919) % 500000, 'payment', 'bench:' || i,
         timestamptz '2026-10-01 00:00+03' + (i * interval '2.6 seconds')
  FROM accounts, generate_series(1::bigint, $rows) AS i
  RETURNING id, account_id, amount, created_at, idempotency_key)
INSERT INTO payment(account_id, amount, method, receipt_no, office_id, ledger_id, idempotency_key, created_at)
SELECT account_id, amount, (ARRAY['cash', 'bank', 'pos'])[1 + id % 3],
       CASE WHEN id % 3 = 0 THEN 'R-' || id END, NULL, id, idempotency_key, created_at FROM l;
ANALYZE;
SQL
for f in $formats; do
  out=/tmp/bench_report.$f
  if ! /usr/bin/time -v "$cli" --db "$server dbname=$db" report payments --from 2026-10-01 --to 2026-10-31 \
    --format "$f" --out "$out" 2> /tmp/bench_report.time; then
    printf '%-5s failed: %s\n' "$f" "$(grep -v '^\s' /tmp/bench_report.time | grep -v 'Command exited' | head -1)"
    continue
  fi
  printf '%-5s %s, %s, peak RSS %s kB, file %s bytes\n' "$f" \
    "$(grep -o '[0-9]* rows' /tmp/bench_report.time)" \
    "$(grep 'Elapsed (wall clock)' /tmp/bench_report.time | sed 's/.*: //') wall" \
    "$(grep 'Maximum resident set size' /tmp/bench_report.time | sed 's/.*: //')" "$(stat -c %s "$out")"
done
"$build/bench/bench_report_export" "$server dbname=$db" 2026-10-01 2026-10-31
psql "$server dbname=postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
