import path from "node:path";

/**
 * V8 limits for the server process (README "Memory"). The young generation was raised to 64 MB
 * semi-spaces for ~10% more dashboard renders per second on an idle machine; it cost ~130 MB of RSS
 * under load. Measured with `npm run bench` (40,000 entries, 10 connections, one process, same
 * machine and load, 2026-12-04): semi-space 64 MB: rss_mb 394, idle_rss_mb 288; 16 MB: 351 / 262;
 * 16 MB + old space capped at 256 MB: 269 / 251; 16 + 384 MB: 266 / 249, with throughput within
 * the runs' noise. 384 MB leaves room for the largest exports and imports. Measured again on Node.js
 * 24 with the dashboard and ledger built as remembered markup (three runs each): 16 MB: rss_mb 316-325,
 * idle_rss_mb 263-269, dashboard 56-59 pages/s; 32 MB: 354-358 / 292-298, 42-65 pages/s. NODE_OPTIONS set by the
 * operator still applies; PORTAL_NODE_FLAGS replaces these.
 */
export const DEFAULT_SERVER_NODE_FLAGS = ["--max-semi-space-size=16", "--max-old-space-size=384"];

/** PORTAL_NODE_FLAGS (space-separated) replaces the defaults, e.g. to trade speed for memory (README "Memory"). */
export const SERVER_NODE_FLAGS = process.env.PORTAL_NODE_FLAGS?.trim() ? process.env.PORTAL_NODE_FLAGS.trim().split(/\s+/) : DEFAULT_SERVER_NODE_FLAGS;

/**
 * The arguments (after `node`) that serve the production build: scripts/server.mjs, or with more
 * than one worker the cluster of scripts/cluster.mjs (workers inherit the flags). Used by
 * `npm start` and the tests' servers.
 */
export function serverCommand(root: string, port: string, workers: number): string[] {
  if (workers > 1) return [...SERVER_NODE_FLAGS, path.join(root, "scripts", "cluster.mjs")];
  // scripts/server.mjs rather than `next start`: it passes the socket's address on (lib/security/client-address.ts).
  void port;
  return [...SERVER_NODE_FLAGS, path.join(root, "scripts", "server.mjs")];
}
