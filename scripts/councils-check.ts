// `npm run councils:check [dir]`: validate every council settings file (public/councils by
// default) against the shared schema and print what each council differs in from the statutory
// defaults. Exits 1 when any file is not valid, naming the file and the field.
import { resolve } from "node:path";
import { checkCouncils } from "../src/server/councils-check";

const dir = resolve(process.argv[2] ?? resolve(import.meta.dirname, "../public/councils"));
const result = checkCouncils(dir);
(result.ok ? process.stdout : process.stderr).write(`${result.lines.join("\n")}\n`);
process.exitCode = result.ok ? 0 : 1;
