# Sourced by the bench scripts: a throw-away PostgreSQL cluster of Debian's binaries on 127.0.0.1:15432,
# data in /tmp, fsync and synchronous_commit on (durability is what is measured). stop_private_pg ends it.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA_BENCH=/tmp/ratelink-bench-pg
export PGHOST=127.0.0.1 PGPORT=15432 PGUSER=postgres
if [ -f "$PGDATA_BENCH/postmaster.pid" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_BENCH" -m fast stop >/dev/null 2>&1 || true
fi
rm -rf "$PGDATA_BENCH"
mkdir -p "$PGDATA_BENCH"
chown postgres "$PGDATA_BENCH"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_BENCH" -U postgres --auth=trust -E UTF8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_BENCH" -l "$PGDATA_BENCH/log" -w \
  -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=256MB" start >/dev/null
stop_private_pg() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_BENCH" -m fast stop >/dev/null 2>&1 || true
}
