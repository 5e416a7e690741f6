# Project-local PostgreSQL clusters for the demo (.local/pg) and the tests (a temporary
# directory). Sourced by scripts/run-demo and scripts/test.
#
# As root the cluster belongs to the postgres system user (initdb refuses root); as an
# ordinary user it is theirs. Either way the superuser is called postgres, it has a
# random password kept in DIR/superuser.pass (mode 600), and every login, staff's
# included, authenticates with SCRAM-SHA-256 on the Unix socket in DIR/run and on
# 127.0.0.1:PORT.

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_init DIR PORT: creates the cluster unless it exists.
pg_init() {
  local dir=$1 port=$2
  [[ -f $dir/data/PG_VERSION ]] && return 0
  mkdir -p "$dir/data" "$dir/run"
  chmod 700 "$dir/data"
  if [[ ! -s $dir/superuser.pass ]]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/superuser.pass")
  fi
  local pwfile
  pwfile=$(mktemp)
  cp "$dir/superuser.pass" "$pwfile"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir/data" "$dir/run" "$pwfile"
  fi
  pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
    --locale-provider=icu --icu-locale=uk-UA >"$dir/initdb.log" 2>&1 || {
      rm -f "$pwfile"; echo "initdb failed, see $dir/initdb.log" >&2; return 1; }
  rm -f "$pwfile"
  pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
# subdesk project-local cluster
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/run'
password_encryption = 'scram-sha-256'
max_connections = 200
shared_buffers = 256MB
fsync = ${PG_FSYNC:-on}
logging_collector = off
log_min_messages = warning
timezone = 'Europe/Kyiv'
CONF
  # TLS, as a real server offers it: a self-signed certificate made for this cluster. The
  # database subdesk_tls_only accepts only encrypted TCP connections (tests of the login
  # window's "the server demands TLS").
  pg_as_owner openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
    -keyout "$dir/data/server.key" -out "$dir/data/server.crt" >/dev/null 2>&1
  pg_as_owner chmod 600 "$dir/data/server.key"
  pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
CONF
  pg_as_owner sh -c "{ echo 'hostnossl subdesk_tls_only all 127.0.0.1/32 reject'; cat '$dir/data/pg_hba.conf'; } > '$dir/data/pg_hba.new' && mv '$dir/data/pg_hba.new' '$dir/data/pg_hba.conf'"
}

pg_running() { [[ -f $1/data/postmaster.pid ]] && pg_as_owner "$PG_BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

pg_start() {
  local dir=$1
  pg_running "$dir" && return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 start >/dev/null || {
    echo "PostgreSQL did not start; see $dir/data/server.log" >&2
    tail -n 20 "$dir/data/server.log" >&2 || true
    return 1
  }
}

pg_stop() {
  local dir=$1
  pg_running "$dir" || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

# pg_conninfo DIR PORT: the superuser's libpq connection string (no dbname).
pg_conninfo() {
  echo "host=$1/run port=$2 user=postgres password=$(cat "$1/superuser.pass")"
}

# A free TCP port on 127.0.0.1 from a range, for throwaway clusters.
pg_free_port() {
  local port
  for port in $(shuf -i 55000-59999 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}
