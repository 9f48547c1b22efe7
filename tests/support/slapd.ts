/**
 * A real OpenLDAP server (Debian's slapd) for the LDAP login tests: a temporary directory with a
 * slapd.conf (mdb backend, suffix dc=example,dc=org), users loaded offline with slapadd and
 * passwords hashed by slappasswd, listening on a free port of 127.0.0.1. No root needed.
 *
 * The server also allows unauthenticated binds (a DN with an empty password), as Active Directory
 * does, so a client that passed an empty password on would be let in: the portal must refuse it.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export { freePort };

export const SLAPD = "/usr/sbin/slapd";
export const slapdAvailable = fs.existsSync(SLAPD) && fs.existsSync("/usr/sbin/slapadd") && fs.existsSync("/usr/sbin/slappasswd");

export const BASE_DN = "dc=example,dc=org";
export const PEOPLE_DN = `ou=people,${BASE_DN}`;
export const READER_DN = `cn=portal-reader,${BASE_DN}`;
export const READER_PASSWORD = "Reader-Secret-1";

export interface DirectoryUser {
  uid: string;
  password: string;
  cn?: string;
}

export interface Slapd {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

function hash(password: string): string {
  return execFileSync("/usr/sbin/slappasswd", ["-s", password], { encoding: "utf8" }).trim();
}

function modulePath(): string {
  for (const dir of ["/usr/lib/ldap", "/usr/lib/x86_64-linux-gnu/ldap", "/usr/lib/aarch64-linux-gnu/ldap", "/usr/lib/openldap"]) {
    if (fs.existsSync(path.join(dir, "back_mdb.so")) || fs.existsSync(path.join(dir, "back_mdb.la"))) return dir;
  }
  return "";
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`slapd exited (${child.exitCode}): ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`slapd did not listen on ${port}: ${output()}`);
}

export async function startSlapd(users: DirectoryUser[]): Promise<Slapd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-slapd-"));
  const dbDir = path.join(dir, "db");
  fs.mkdirSync(dbDir);
  const modules = modulePath();
  const conf = [
    "include /etc/ldap/schema/core.schema",
    "include /etc/ldap/schema/cosine.schema",
    "include /etc/ldap/schema/inetorgperson.schema",
    modules ? `modulepath ${modules}` : "",
    modules ? "moduleload back_mdb" : "",
    `pidfile ${path.join(dir, "slapd.pid")}`,
    `argsfile ${path.join(dir, "slapd.args")}`,
    // Like Active Directory: a bind with a DN and no password succeeds as anonymous.
    "allow bind_anon_dn",
    "database mdb",
    `suffix "${BASE_DN}"`,
    `rootdn "cn=admin,${BASE_DN}"`,
    `rootpw ${hash("Admin-Secret-1")}`,
    `directory ${dbDir}`,
    "maxsize 10485760",
    // Passwords only for binding; entries readable by bound users only (the service account), not anonymously.
    "access to attrs=userPassword by anonymous auth by self write by * none",
    "access to * by users read by * none",
    "",
  ].join("\n");
  const confFile = path.join(dir, "slapd.conf");
  fs.writeFileSync(confFile, conf);

  const entries = [
    `dn: ${BASE_DN}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n`,
    `dn: ${PEOPLE_DN}\nobjectClass: organizationalUnit\nou: people\n`,
    `dn: ${READER_DN}\nobjectClass: person\nobjectClass: simpleSecurityObject\ncn: portal-reader\nsn: reader\nuserPassword: ${hash(READER_PASSWORD)}\n`,
    ...users.map(
      (user) =>
        `dn: uid=${user.uid},${PEOPLE_DN}\nobjectClass: inetOrgPerson\nuid: ${user.uid}\ncn: ${user.cn ?? user.uid}\nsn: ${user.uid}\nuserPassword: ${hash(user.password)}\n`,
    ),
  ];
  const ldif = path.join(dir, "data.ldif");
  fs.writeFileSync(ldif, entries.join("\n"));
  execFileSync("/usr/sbin/slapadd", ["-f", confFile, "-l", ldif], { stdio: "pipe" });

  const port = await freePort();
  let output = "";
  // -d 0: stay in the foreground (so the child is slapd itself and stop() ends it), no debug output.
  const child = spawn(SLAPD, ["-f", confFile, "-h", `ldap://127.0.0.1:${port}/`, "-d", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (output += String(chunk)));
  try {
    await waitForPort(port, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `ldap://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
