#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, trust auth, database `test`) and Redis (127.0.0.1:6379)
# are running for the scale-out tests (apps/server/src/scaleout, packages/relay PostgreSQL and
# Redis tests): starts them when they are installed but stopped, installs Debian's packages when
# they are missing. Run as root by .ci/run; harmless when both already answer.
set -euo pipefail

apt_install() {
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null) || {
    echo "could not install $*" >&2
    exit 1
  }
}

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing Debian's PostgreSQL for the scale-out tests…"
  apt_install postgresql
  fresh_pg=1
fi
if ! pg_up; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  if [ "${fresh_pg:-0}" = 1 ]; then
    # Local test server only: trust connections from 127.0.0.1, as on the project's machines.
    sed -i '1i host all all 127.0.0.1/32 trust' "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  echo "Starting PostgreSQL $version…"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do pg_up && break; sleep 0.5; done
  pg_up || { echo "PostgreSQL did not start" >&2; exit 1; }
fi
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE test'
fi

redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing Debian's Redis for the scale-out tests…"
  apt_install redis-server
fi
if ! redis_up; then
  echo "Starting Redis…"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 40); do redis_up && break; sleep 0.25; done
  redis_up || { echo "Redis did not start" >&2; exit 1; }
fi
echo "PostgreSQL and Redis are up on 127.0.0.1."
