/**
 * The production build, rebuilt only when the sources changed since the last one: a hash of the
 * sources is kept beside the build (`<dist>/portal-source-hash`). Used by `npm start` and
 * `npm run release` (which needs the standalone output of the same build).
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCE_PATHS = ["app", "components", "lib", "prisma", "public", "next.config.ts", "postcss.config.mjs", "package.json", "tsconfig.json", "proxy.ts", "instrumentation.ts"];

export function distDir(root: string): string {
  return path.join(root, process.env.NEXT_DIST_DIR || ".next");
}

function hashSources(root: string): string {
  const hash = crypto.createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    } else if (!/\.test\.ts$/.test(p)) {
      hash.update(path.relative(root, p));
      hash.update(fs.readFileSync(p));
    }
  };
  for (const p of SOURCE_PATHS) visit(path.join(root, p));
  return hash.digest("hex");
}

export function buildIfStale(root: string): void {
  const dist = distDir(root);
  const stamp = path.join(dist, "portal-source-hash");
  const current = hashSources(root);
  const complete = fs.existsSync(path.join(dist, "BUILD_ID")) && fs.existsSync(path.join(dist, "standalone")) && fs.existsSync(stamp);
  if (complete && fs.readFileSync(stamp, "utf8") === current) return;
  console.log("正在构建生产版本（首次启动或代码已更新），约需一两分钟…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit", env: process.env, cwd: root });
  if (result.status !== 0) {
    console.error("构建失败，请查看上方输出。");
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stamp, current);
}
