import path from "node:path";

/**
 * The arguments (after `node`) that serve the production build: plain `next start`, or with more
 * than one worker the cluster of scripts/cluster.mjs. Used by `npm start` and the tests' servers.
 */
export function serverCommand(root: string, port: string, workers: number): string[] {
  if (workers > 1) return [path.join(root, "scripts", "cluster.mjs")];
  return [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", port];
}
