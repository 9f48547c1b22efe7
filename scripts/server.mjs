/**
 * The production HTTP server of one process: Next.js's request handler behind node:http, so the
 * socket's remote address can be passed on. The header lib/security/client-address.ts reads is
 * first deleted from the incoming request (a client cannot set it) and then set from the socket.
 * Used by `npm start` (scripts/server-command.ts) and by each worker of scripts/cluster.mjs.
 */
import http from "node:http";
import { createRequire } from "node:module";

export const CLIENT_ADDRESS_HEADER = "x-portal-peer";

export async function startServer(port) {
  process.env.NODE_ENV = "production";
  const require = createRequire(import.meta.url);
  const next = require("next");
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => {
    delete request.headers[CLIENT_ADDRESS_HEADER];
    request.headers[CLIENT_ADDRESS_HEADER] = (request.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
    return handle(request, response);
  });
  server.listen(port);
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT || 3000);
  await startServer(port);
  console.log(`已在端口 ${port} 启动`);
}
