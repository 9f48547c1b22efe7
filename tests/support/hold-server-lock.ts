/**
 * Stands in for a running portal server in tests: holds the server lock of the database given as
 * argument exactly as instrumentation.ts does in the server, prints "held" and waits for SIGTERM.
 * By default it handles SIGTERM itself and exits cleanly (like `next start`); with
 * `--no-signal-handler` it has no handler of its own (like the plain node:http server), so the
 * signal would kill it outright.
 */
import { holdServerLock } from "../../lib/server-lock";

holdServerLock(process.argv[2]);
if (!process.argv.includes("--no-signal-handler")) process.on("SIGTERM", () => process.exit(0));
setInterval(() => undefined, 1 << 30);
process.stdout.write("held\n");
