// Just the delivery worker's section of `npm run bench`: `npx tsx bench/deliveries-only.mts`.
import { runDeliveriesBench } from "./deliveries";

for (const line of await runDeliveriesBench()) process.stdout.write(`${line}\n`);
