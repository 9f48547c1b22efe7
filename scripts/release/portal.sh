#!/bin/sh
# fazhi-portal/bin/portal: runs the bundled Node.js (node/bin/node) on the bundled CLI (app/cli.mjs).
# Needs no Node.js, npm or registry on the machine. Commands: bin/portal help.
set -eu
case "$0" in
  */*) BIN_DIR=${0%/*} ;;
  *) BIN_DIR=. ;;
esac
HOME_DIR=$(CDPATH= cd -- "$BIN_DIR/.." && pwd)
export PORTAL_HOME="$HOME_DIR"
export PORTAL_CWD="$(pwd)"
if [ -z "${DATA_DIR:-}" ]; then
  DATA_DIR="$HOME_DIR/data"
  export PORTAL_DATA_DIR_DEFAULT=1
fi
case "$DATA_DIR" in
  /*) ;;
  *) DATA_DIR="$PORTAL_CWD/$DATA_DIR" ;;
esac
export DATA_DIR
export NODE_ENV=production
NODE="$HOME_DIR/node/bin/node"
cd "$HOME_DIR/app"
case "${1:-}" in
  start | upgrade) ;;
  *) exec "$NODE" "$HOME_DIR/app/cli.mjs" "$@" ;;
esac

# start / upgrade: the CLI prepares (migrations, first-start notes; upgrade: backup + migrations)
# and stops on failure; then this shell is replaced by the server, so the service manager's signals
# reach it directly and no second Node.js process stays resident.
"$NODE" "$HOME_DIR/app/cli.mjs" "$@"
for arg in "$@"; do
  [ "$arg" = "--no-start" ] && exit 0
done
if [ -z "${NEXTAUTH_SECRET:-}" ]; then
  NEXTAUTH_SECRET=${AUTH_SECRET:-$(cat "$DATA_DIR/auth-secret")}
fi
PORT=${PORT:-3000}
NEXTAUTH_URL=${NEXTAUTH_URL:-http://localhost:$PORT}
DATABASE_URL=${DATABASE_URL:-file:$DATA_DIR/portal.db}
[ "${SEED_DEMO:-}" = 1 ] || SEED_DEMO=0
export NEXTAUTH_SECRET PORT NEXTAUTH_URL DATABASE_URL SEED_DEMO
SERVER=server.mjs
[ "${WEB_CONCURRENCY:-1}" -gt 1 ] 2>/dev/null && SERVER=cluster.mjs
# Node flags: scripts/server-command.ts (SERVER_NODE_FLAGS) and README "Memory".
# PORTAL_NODE_FLAGS replaces them (unquoted on purpose: several flags).
exec "$NODE" ${PORTAL_NODE_FLAGS:-__SERVER_NODE_FLAGS__} "$HOME_DIR/app/$SERVER"
