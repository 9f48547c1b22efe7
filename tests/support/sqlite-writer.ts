/**
 * One process of tests/integration/sqlite-processes.test.ts: runs N interactive transactions that
 * read before they write (the shape of every mutation in lib/), then prints how many committed.
 */
import { createPrismaClient } from "../../lib/db";

async function main() {
  const [file, tag, times] = process.argv.slice(2);
  const db = createPrismaClient(`file:${file}`);
  let committed = 0;
  for (let i = 0; i < Number(times); i += 1) {
    await db.$transaction(async (tx) => {
      const count = await tx.office.count();
      await tx.office.create({ data: { name: `并发-${tag}-${i}-${count}`, shortName: "并发" } });
    });
    committed += 1;
  }
  await db.$disconnect();
  console.log(committed);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
