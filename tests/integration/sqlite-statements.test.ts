import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, onPostgres, type TestDb } from "@/tests/support/test-db";

// lib/db.ts reuses the adapter's prepared statements: a statement seen again must run with the new
// arguments, in both read and write form, also after a failed run, inside and outside transactions.
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb({ seed: true });
});
afterAll(() => t?.cleanup());

describe.skipIf(onPostgres)("reused SQLite statements", () => {
  it("read with each call's own arguments", async () => {
    const users = await t.db.user.findMany({ orderBy: { id: "asc" }, take: 5 });
    for (const user of [...users, ...users.reverse()]) {
      expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).username).toBe(user.username);
    }
    expect(await t.db.user.findUnique({ where: { id: -5 } })).toBeNull();
  });

  it("write with each call's own arguments, and stay usable after a constraint failure", async () => {
    const names = ["语句一", "语句二", "语句三"];
    for (const name of names) await t.db.office.create({ data: { name, shortName: name } });
    await expect(t.db.office.create({ data: { name: "语句一", shortName: "重复" } })).rejects.toThrow();
    await t.db.office.create({ data: { name: "语句四", shortName: "语句四" } });
    const stored = await t.db.office.findMany({ where: { name: { startsWith: "语句" } }, orderBy: { id: "asc" } });
    expect(stored.map((o) => [o.name, o.shortName])).toEqual([...names, "语句四"].map((n) => [n, n]));
  });

  it("roll back and commit transactions that reuse the same statements", async () => {
    const count = () => t.db.office.count({ where: { name: { startsWith: "事务" } } });
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.office.create({ data: { name: "事务一", shortName: "事务一" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await count()).toBe(0);
    for (const name of ["事务一", "事务二"]) {
      await t.db.$transaction(async (tx) => {
        await tx.office.create({ data: { name, shortName: name } });
      });
    }
    expect(await count()).toBe(2);
  });
});
