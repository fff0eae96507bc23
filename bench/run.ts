// `npm run bench`: prints performance figures. Benchmarks measure; tests check behaviour.
import { runDeliveriesBench } from "./deliveries";
import { runDomainBench } from "./domain";
import { runDraftsBench } from "./drafts";
import { runFirstContactBench } from "./first-contact";
import { runServerBench } from "./server";
import { runStaffBench } from "./staff";
import { runStaffReportsBench } from "./staff-reports";
import { runSyncBench } from "./sync";

const sections: Array<[string, () => Promise<string[]>]> = [
  ["Domain rules (run on every page render)", runDomainBench],
  ["Drafts in Chromium (real IndexedDB and WebCrypto)", runDraftsBench],
  ["Sending: the outbox in Chromium and the server on SQLite", runSyncBench],
  ["The server under load: durability, slow clients, time limits", runServerBench],
  ["First contact on a cheap phone", runFirstContactBench],
  ["The staff inbox: 10,000 complaints, 3 councils, SQLite and PostgreSQL", runStaffBench],
  ["Exports and the annual report: 10,000 complaints, SQLite and PostgreSQL", runStaffReportsBench],
  ["Notifications: the delivery worker to a local webhook receiver", () => runDeliveriesBench()],
];

for (const [title, run] of sections) {
  process.stdout.write(`\n${title}\n`);
  for (const line of await run()) process.stdout.write(`  ${line}\n`);
}
