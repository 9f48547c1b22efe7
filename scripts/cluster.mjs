/**
 * The production server on several cores: WEB_CONCURRENCY workers (node:cluster), each a Next.js
 * request handler on the same port; the primary only hands out connections and restarts a worker
 * that dies. Started by scripts/start.ts when WEB_CONCURRENCY > 1. Workers share nothing in memory:
 * sessions are JWTs and everything else (lockouts, attachments, the dashboard memo's stamp) lives
 * in the database, exactly as with several instances behind a load balancer (README).
 */
import cluster from "node:cluster";

const port = Number(process.env.PORT || 3000);
const workers = Math.max(1, Math.min(16, Number(process.env.WEB_CONCURRENCY) || 1));

if (cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i += 1) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`工作进程 ${worker.process.pid} 已退出（${signal ?? code}），正在重新启动…`);
    cluster.fork();
  });
  const stop = (signal) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  console.log(`已启动 ${workers} 个工作进程，端口 ${port}`);
} else {
  const { startServer } = await import("./server.mjs");
  await startServer(port);
}
