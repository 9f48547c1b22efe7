/**
 * LibreOffice as the tests' document factory: renders a .docx to PDF (as Word/WPS export a released
 * document) or to Word 97 .doc, and a workbook to Excel 97 .xls. Each call uses its own profile directory, so calls may run in parallel.
 * LibreOffice is required (.ci/run installs it): without it the tests fail with this message.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const SOFFICE_CANDIDATES = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"];

export function sofficePath(): string {
  const found = SOFFICE_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error("LibreOffice (soffice) is required for these tests: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk");
  return found;
}

export async function convertWithSoffice(input: Uint8Array, inputExt: string, to: "pdf" | "doc" | "xls"): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), "soffice-"));
  try {
    const source = path.join(dir, `input.${inputExt}`);
    writeFileSync(source, input);
    const filter = to === "doc" ? "doc:MS Word 97" : to === "xls" ? "xls:MS Excel 97" : "pdf";
    await new Promise<void>((resolve, reject) => {
      execFile(
        sofficePath(),
        ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "profile")}`, "--convert-to", filter, "--outdir", dir, source],
        { timeout: 120_000 },
        (error, _stdout, stderr) => (error ? reject(new Error(`soffice failed: ${stderr || error.message}`)) : resolve()),
      );
    });
    const output = path.join(dir, `input.${to}`);
    if (!existsSync(output)) throw new Error(`soffice produced no ${to} file`);
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
