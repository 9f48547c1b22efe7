import path from "node:path";

/**
 * A larger young generation for the server process. Rendering a page allocates many short-lived
 * objects; with V8's default 16 MB semi-space a busy server spends a noticeable share of its time
 * in scavenges. Measured here with 10 connections on the demo dashboard (three 15 s runs each):
 * 16 MB 88 requests/s, 32 MB 90, 64 MB 97. RSS after the runs varied more between runs (450–750 MB)
 * than between settings. NODE_OPTIONS set by the operator still applies on top.
 */
export const DEFAULT_SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];

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
