/** Starts the portal for the end-to-end tests on a fresh demo database (DATABASE_URL, set by playwright.config.ts). */
import fs from "node:fs";
import { sqliteFilePath } from "../lib/config";

const file = sqliteFilePath();
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
void import("./start");
