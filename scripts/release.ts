/**
 * `npm run release`: the offline install archive dist/fazhi-portal-<version>-linux-x64.tar.gz and
 * its .sha256 (README "Install on an intranet"). RELEASE_VERSION overrides package.json's version.
 *
 *   fazhi-portal/
 *     bin/portal        POSIX sh: the bundled node on app/cli.mjs (scripts/release/portal.sh)
 *     node/bin/node     the Node.js runtime this was built with (process.execPath)
 *     app/              Next.js standalone output: .next (server + static), public, the traced
 *                       production node_modules (better-sqlite3 and argon2 native for linux-x64
 *                       glibc, Prisma's runtime with the SQLite and PostgreSQL query compilers),
 *                       server.mjs (+ render-gate.mjs, idle-trim.mjs) / cluster.mjs, cli.mjs (esbuild bundle of scripts/release/cli.ts),
 *                       prisma/migrations/{sqlite,postgresql}
 *     deploy/           systemd unit, nginx example, topology notes
 *     VERSION
 * The Next.js build is reused while the sources are unchanged (scripts/build-stamp.ts).
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { buildIfStale, distDir } from "./build-stamp";
import { DEFAULT_SERVER_NODE_FLAGS } from "./server-command";

const ROOT = process.cwd();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const VERSION = process.env.RELEASE_VERSION?.trim() || pkg.version;
const NAME = `fazhi-portal-${VERSION}-linux-x64`;
const OUT_DIR = path.join(ROOT, "dist");

/** Packages loaded at run time by file path or from a worker, which the build's tracing misses. */
const RUNTIME_PACKAGES = ["word-extractor", "pdfjs-dist"];
/** Native or runtime-loaded packages the CLI bundle leaves to app/node_modules. */
const CLI_EXTERNAL = ["better-sqlite3", "@node-rs/argon2", "pg-native"];
/** Prisma runtime files for engines and databases this app never uses (the app runs the query compiler on SQLite or PostgreSQL). */
const PRISMA_UNUSED = /^(query_engine_bg\.|query_compiler_bg\.(mysql|sqlserver|cockroachdb)\.)/;

function run(command: string, args: string[], cwd = ROOT): void {
  const result = spawnSync(command, args, { cwd, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status})`);
}

function checkPlatform(): void {
  const glibc = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header?.glibcVersionRuntime;
  if (process.platform !== "linux" || process.arch !== "x64" || !glibc) {
    throw new Error(`the release bundles this machine's Node.js and native modules: build it on linux-x64 with glibc (this is ${process.platform}-${process.arch}${glibc ? "" : ", no glibc"})`);
  }
  if (!/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(VERSION)) throw new Error(`invalid version: ${VERSION}`);
}

/** Copies a package and its production dependencies from node_modules when the traced output lacks them. */
function copyPackageClosure(name: string, destModules: string, seen = new Set<string>()): void {
  if (seen.has(name)) return;
  seen.add(name);
  const from = path.join(ROOT, "node_modules", name);
  if (!fs.existsSync(from)) return; // optional dependency not installed
  const to = path.join(destModules, name);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, dereference: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(from, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(manifest.dependencies ?? {})) copyPackageClosure(dep, destModules, seen);
}

async function bundleCli(appDir: string): Promise<void> {
  await build({
    entryPoints: [path.join(ROOT, "scripts", "release", "cli.ts")],
    outfile: path.join(appDir, "cli.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: CLI_EXTERNAL,
    alias: { "server-only": path.join(ROOT, "scripts", "release", "empty.ts") },
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: 'import { createRequire as __portalRequire } from "node:module"; const require = __portalRequire(import.meta.url);' },
    logLevel: "warning",
    legalComments: "none",
  });
}

async function main() {
  checkPlatform();
  buildIfStale(ROOT);
  const dist = distDir(ROOT);
  const stage = path.join(OUT_DIR, `stage-${VERSION}`);
  const home = path.join(stage, "fazhi-portal");
  const app = path.join(home, "app");
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(home, { recursive: true });

  console.log(`assembling ${NAME}…`);
  fs.cpSync(path.join(dist, "standalone"), app, { recursive: true, dereference: true });
  fs.rmSync(path.join(app, "server.js"), { force: true }); // scripts/server.mjs serves instead (client address, login shedding)
  const appDist = path.join(app, path.relative(ROOT, dist));
  fs.cpSync(path.join(dist, "static"), path.join(appDist, "static"), { recursive: true });
  if (fs.existsSync(path.join(ROOT, "public"))) fs.cpSync(path.join(ROOT, "public"), path.join(app, "public"), { recursive: true });
  for (const file of ["server.mjs", "render-gate.mjs", "idle-trim.mjs", "cluster.mjs"]) fs.copyFileSync(path.join(ROOT, "scripts", file), path.join(app, file));
  for (const kind of ["sqlite", "postgresql"]) {
    fs.cpSync(path.join(ROOT, "prisma", "migrations", kind), path.join(app, "prisma", "migrations", kind), { recursive: true });
  }
  const modules = path.join(app, "node_modules");
  for (const name of RUNTIME_PACKAGES) copyPackageClosure(name, modules);
  const prismaRuntime = path.join(modules, "@prisma", "client", "runtime");
  for (const file of fs.readdirSync(prismaRuntime)) if (PRISMA_UNUSED.test(file)) fs.rmSync(path.join(prismaRuntime, file));
  await bundleCli(app);

  fs.mkdirSync(path.join(home, "node", "bin"), { recursive: true });
  fs.copyFileSync(process.execPath, path.join(home, "node", "bin", "node"));
  fs.chmodSync(path.join(home, "node", "bin", "node"), 0o755);
  fs.mkdirSync(path.join(home, "bin"));
  const launcher = fs.readFileSync(path.join(ROOT, "scripts", "release", "portal.sh"), "utf8").replace("__SERVER_NODE_FLAGS__", DEFAULT_SERVER_NODE_FLAGS.join(" "));
  fs.writeFileSync(path.join(home, "bin", "portal"), launcher);
  fs.chmodSync(path.join(home, "bin", "portal"), 0o755);
  if (fs.existsSync(path.join(ROOT, "deploy"))) fs.cpSync(path.join(ROOT, "deploy"), path.join(home, "deploy"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "README.md"), path.join(home, "README.md"));
  fs.writeFileSync(path.join(home, "VERSION"), `${VERSION}\n`);

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const archive = path.join(OUT_DIR, `${NAME}.tar.gz`);
  fs.rmSync(archive, { force: true });
  run("tar", ["-C", stage, "--owner=0", "--group=0", "-czf", archive, "fazhi-portal"]);
  fs.rmSync(stage, { recursive: true, force: true });
  const digest = crypto.createHash("sha256").update(fs.readFileSync(archive)).digest("hex");
  fs.writeFileSync(`${archive}.sha256`, `${digest}  ${path.basename(archive)}\n`);
  console.log(`${path.relative(ROOT, archive)} (${Math.round(fs.statSync(archive).size / 1e6)} MB), sha256 ${digest}`);
}

main().catch((error: Error) => {
  console.error(`release failed: ${error.message}`);
  process.exit(1);
});
