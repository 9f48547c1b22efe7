/**
 * One "instance" of tests/integration/outbox-processes.test.ts, in its own process on the same
 * SQLite file: `claim` delivers what is due with a sender that only records the recipients,
 * `plan` plans the reminders; prints a JSON line of what it did.
 */
import { createPrismaClient } from "../../lib/db";
import { deliverDue, type ClaimedMessage } from "../../lib/outbound/outbox";
import { planReminders } from "../../lib/outbound/planner";
import { loadOutboundConfig } from "../../lib/outbound/settings";

async function main() {
  const [file, mode, nowIso] = process.argv.slice(2);
  const db = createPrismaClient(`file:${file}`);
  const now = new Date(nowIso);
  try {
    if (mode === "claim") {
      const sent: string[] = [];
      const record = async (m: ClaimedMessage) => {
        sent.push(m.recipient);
        await new Promise((r) => setTimeout(r, 2));
      };
      // Several rounds, so the processes overlap however they are scheduled.
      for (let i = 0; i < 5; i += 1) await deliverDue(db, now, { EMAIL: record }, 20);
      console.log(JSON.stringify({ sent }));
    } else {
      const result = await planReminders(db, now, await loadOutboundConfig(db));
      console.log(JSON.stringify(result));
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
