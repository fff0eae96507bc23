// `npm run councils:check [dir…]`: validate every council settings file against the shared schema
// and print what each council differs in from the statutory defaults. With no folder named it
// checks both: the real councils the app ships (public/councils) and the made-up ones the tests use
// (test/fixtures/councils; decision 021). Exits 1 when any file is not valid, naming the file and
// the field.
import { resolve } from "node:path";
import { checkCouncils } from "../src/server/councils-check";

const dirs =
  process.argv.length > 2 ? process.argv.slice(2) : ["public/councils", "test/fixtures/councils"].map((dir) => resolve(import.meta.dirname, "..", dir));
let ok = true;
for (const [i, dir] of dirs.entries()) {
  const result = checkCouncils(resolve(dir));
  ok &&= result.ok;
  (result.ok ? process.stdout : process.stderr).write(`${i > 0 ? "\n" : ""}${resolve(dir)}\n${result.lines.join("\n")}\n`);
}
process.exitCode = ok ? 0 : 1;
