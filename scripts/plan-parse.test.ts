import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, LevelFormat, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";

const REPO = path.resolve(__dirname, "..");
const FIXTURE = path.resolve(__dirname, "../tests/fixtures/rule-of-law-plan-2025.txt");
const workDir = mkdtempSync(path.join(tmpdir(), "plan-parse-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function runCli(file: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npx", ["tsx", "scripts/plan-parse.ts", file, ...args], { cwd: REPO, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/plan-parse.ts", () => {
  it("prints the fixture's parse as JSON without normalizedText", () => {
    const stdout = execFileSync("npx", ["tsx", "scripts/plan-parse.ts", FIXTURE], { cwd: REPO, encoding: "utf8" });
    const plan = JSON.parse(stdout);
    expect(plan).toMatchObject({ title: "市政协办公室2025年机关法治建设工作要点", year: 2025, unitName: "市政协办公室", warnings: [] });
    expect(plan).not.toHaveProperty("normalizedText");
    expect(plan.sections.map((s: { points: unknown[] }) => s.points.length)).toEqual([4, 4, 4]);
    const targets = plan.sections.flatMap((s: { points: Array<{ targets: Array<{ subject: string; value: number; unit: string }> }> }) =>
      s.points.flatMap((p) => p.targets.map((t) => `${t.subject}>=${t.value}${t.unit}`)));
    expect(targets).toEqual(["专题学习>=4次", "专题培训班>=1期", "培训人数>=200人次"]);
  });

  it("runs as documented: npm run --silent plan:parse -- FILE", () => {
    const result = spawnSync("npm", ["run", "--silent", "plan:parse", "--", "tests/fixtures/rule-of-law-plan-2025.txt"], { cwd: REPO, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.year).toBe(2025);
    expect(plan.sections).toHaveLength(3);
    expect(plan.sections.map((s: { points: unknown[] }) => s.points.length)).toEqual([4, 4, 4]);
    const targets = plan.sections.flatMap((s: { points: Array<{ targets: Array<{ comparator: string; value: number; unit: string }> }> }) =>
      s.points.flatMap((p) => p.targets.map((t) => `${t.comparator}${t.value}${t.unit}`)));
    expect(targets).toEqual([">=4次", ">=1期", ">=200人次"]);
  });

  it("reads a .docx, and detects it by its zip signature even under another name", async () => {
    const doc = new Document({
      numbering: { config: [{ reference: "plan", levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", start: 1 },
        { level: 1, format: LevelFormat.DECIMAL, text: "%2.", start: 1 },
      ] }] },
      sections: [{ children: [
        new Paragraph({ text: "2025年工作要点" }),
        new Paragraph({ text: "强化法治思想引领", numbering: { reference: "plan", level: 0 } }),
        new Paragraph({ text: "深入学习。全年组织专题学习不少于4次。", numbering: { reference: "plan", level: 1 } }),
      ] }],
    });
    const buf = await Packer.toBuffer(doc);
    for (const name of ["plan.docx", "plan.bin"]) {
      const file = path.join(workDir, name);
      writeFileSync(file, buf);
      const { status, stdout } = runCli(file);
      expect(status).toBe(0);
      const plan = JSON.parse(stdout);
      expect(plan.sections[0]).toMatchObject({ number: "一", title: "强化法治思想引领" });
      expect(plan.sections[0].points[0].targets[0]).toMatchObject({ subject: "专题学习", value: 4 });
    }
  });

  it("reads a GB18030-encoded .txt", () => {
    const file = path.join(workDir, "gbk.txt");
    // "一、学习\n1.全年组织专题学习不少于4次。" in GB18030.
    const text = "一、学习\n1.全年组织专题学习不少于4次。";
    const bytes = Buffer.from(new TextEncoderGb18030().encode(text));
    writeFileSync(file, bytes);
    const { status, stdout } = runCli(file);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).sections[0].title).toBe("学习");
  });

  it("exits 1 with a Chinese message for a missing file", () => {
    const { status, stdout, stderr } = runCli(path.join(workDir, "missing.txt"));
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("找不到文件");
  });

  it("exits 1 with a Chinese message for a bad .docx", () => {
    const file = path.join(workDir, "bad.docx");
    writeFileSync(file, "这不是 Word 文档");
    const { status, stderr } = runCli(file);
    expect(status).toBe(1);
    expect(stderr).toContain("文件不是有效的 Word（.docx）文档");
  });

  it("exits 1 with usage when no file is given", () => {
    const result = spawnSync("npx", ["tsx", "scripts/plan-parse.ts"], { cwd: REPO, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("用法");
  });
});

/** Minimal GB18030 encoder for the few characters the test uses (Node has a decoder but no encoder). */
class TextEncoderGb18030 {
  private static readonly TABLE: Record<string, number[]> = {
    "一": [0xd2, 0xbb], "、": [0xa1, 0xa2], "学": [0xd1, 0xa7], "习": [0xcf, 0xb0], "全": [0xc8, 0xab], "年": [0xc4, 0xea],
    "组": [0xd7, 0xe9], "织": [0xd6, 0xaf], "专": [0xd7, 0xa8], "题": [0xcc, 0xe2], "不": [0xb2, 0xbb], "少": [0xc9, 0xd9],
    "于": [0xd3, 0xda], "次": [0xb4, 0xce], "。": [0xa1, 0xa3],
  };

  encode(text: string): Uint8Array {
    const bytes: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x80) bytes.push(code);
      else bytes.push(...(TextEncoderGb18030.TABLE[ch] ?? [0x3f]));
    }
    return new Uint8Array(bytes);
  }
}

describe("scripts/plan-parse.ts with task tables", () => {
  it("reads an Excel task table, and one with an unusual header only with --columns", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("分解表");
    sheet.addRow(["2025年法治建设任务分解表"]);
    sheet.addRow(["序号", "重点任务", "牵头单位", "完成时限"]);
    sheet.addRow([1, "深入学习习近平法治思想。全年组织专题学习不少于4次。", "综合科", "6月底前"]);
    const file = path.join(workDir, "table.xlsx");
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const read = runCli(file);
    expect(read.status).toBe(0);
    expect(JSON.parse(read.stdout).sections[0].points[0]).toMatchObject({ number: 1, title: "深入学习习近平法治思想", leadOffice: "综合科", deadline: "2025-06-30" });

    sheet.getRow(2).values = ["项", "名称", "部门", "日期"];
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const refused = runCli(file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("未能识别表格的表头，请用 --columns 指定各列（共 4 列）");
    const mapped = runCli(file, "--columns", "number,task,lead,deadline", "--header-row", "0");
    expect(mapped.status).toBe(0);
    expect(JSON.parse(mapped.stdout).sections[0].points[0]).toMatchObject({ leadOffice: "综合科", deadline: "2025-06-30" });
  });
});
