/**
 * The load balancer of `npm run test:instances`: nginx with the proxy settings of
 * deploy/nginx-fazhi-portal.conf (its `location /` block and body limit, read from the file so the
 * test follows the example), plain HTTP on one local port, both instances in the upstream
 * (round-robin, no sticky sessions). One test-only change: a response header naming the instance that
 * served, to count them. (The example forwards `$http_host`, port included, which the Origin check needs
 * on this non-standard port.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const UPSTREAM_HEADER = "x-portal-upstream";

/** The `location / { … }` block and client_max_body_size of the deploy example. */
export function exampleProxySettings(root: string): { location: string; bodyLimit: string } {
  const text = fs.readFileSync(path.join(root, "deploy", "nginx-fazhi-portal.conf"), "utf8");
  const start = text.indexOf("location / {");
  if (start < 0) throw new Error("deploy/nginx-fazhi-portal.conf has no `location / {` block");
  let depth = 0;
  let end = start;
  for (let i = text.indexOf("{", start); i < text.length; i += 1) {
    if (text[i] === "{") depth += 1;
    else if (text[i] === "}" && --depth === 0) {
      end = i + 1;
      break;
    }
  }
  const location = text.slice(start, end);
  if (!location.includes("proxy_pass http://fazhi_portal;")) throw new Error("the example's location block no longer proxies to the fazhi_portal upstream");
  const bodyLimit = /client_max_body_size\s+[^;]+;/.exec(text)?.[0] ?? "";
  return { location, bodyLimit };
}

export function nginxConfig(root: string, work: string, listenPort: number, instancePorts: number[]): string {
  const { location, bodyLimit } = exampleProxySettings(root);
  const proxied = location
    .replace("proxy_pass http://fazhi_portal;", `proxy_pass http://fazhi_portal;\n        add_header ${UPSTREAM_HEADER} $upstream_addr always;`);
  return `pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
daemon off;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  upstream fazhi_portal {
${instancePorts.map((port) => `    server 127.0.0.1:${port};`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${listenPort};
    ${bodyLimit}
    ${proxied}
  }
}
`;
}

/** Starts nginx in the foreground (its master is the returned child) and waits for the port. */
export async function startNginx(root: string, work: string, listenPort: number, instancePorts: number[]): Promise<ChildProcess> {
  const binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
  if (!binary) throw new Error("nginx is not installed (apt-get install nginx-light)");
  fs.chmodSync(work, 0o755);
  for (const dir of ["body", "proxy"]) fs.mkdirSync(path.join(work, dir), { recursive: true, mode: 0o777 });
  const conf = path.join(work, "nginx.conf");
  fs.writeFileSync(conf, nginxConfig(root, work, listenPort, instancePorts));
  const child = spawn(binary, ["-p", work, "-c", conf], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`http://127.0.0.1:${listenPort}/login`);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill("SIGTERM");
  throw new Error(`nginx did not listen on ${listenPort}: ${stderr}`);
}
