// `npm run bench`: prints performance figures. Benchmarks measure; tests check behaviour.
import { runDomainBench } from "./domain";

const sections: Array<[string, () => Promise<string[]>]> = [["Domain rules (run on every page render)", runDomainBench]];

for (const [title, run] of sections) {
  process.stdout.write(`\n${title}\n`);
  for (const line of await run()) process.stdout.write(`  ${line}\n`);
}
