import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadCouncils } from "../src/server/councils";
import { setupLink } from "../src/server/routes/staff-auth";
import { AccountError, createAccount, staffRoles, type StaffRole } from "../src/server/staff/accounts";
import { DEFAULT_DATABASE_URL, openStore } from "../src/server/storage/open-store";

/*
 * Staff accounts from the command line (README, "The council's staff area"):
 *   npm run staff -- add --council northmoor --email name@council.gov.uk --role manager
 * prints a one-time set-up link, valid 24 hours. Uses DATABASE_URL like the server, and
 * PUBLIC_URL (default http://localhost:$PORT) for the link.
 */

const USAGE = "Usage: npm run staff -- add --council <id> --email <email> --role manager|officer";

export async function runStaffCommand(argv: string[], env: NodeJS.ProcessEnv, out: (line: string) => void): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { council: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
  });
  if (positionals[0] !== "add" || positionals.length !== 1) {
    out(USAGE);
    return 2;
  }
  const councils = loadCouncils(resolve(import.meta.dirname, "../public/councils"));
  const { council, email, role } = values;
  if (council === undefined || !councils.has(council)) {
    out(`--council must be one of: ${[...councils.keys()].join(", ")}\n${USAGE}`);
    return 2;
  }
  if (email === undefined || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    out(`--email must be an email address\n${USAGE}`);
    return 2;
  }
  if (!staffRoles.includes(role as StaffRole)) {
    out(`--role must be manager or officer\n${USAGE}`);
    return 2;
  }
  const store = await openStore(env.DATABASE_URL || DEFAULT_DATABASE_URL);
  try {
    const made = await createAccount(store.sql, { councilId: council, email, role: role as StaffRole });
    const base = env.PUBLIC_URL || `http://localhost:${env.PORT || "8080"}`;
    out(`Account made for ${made.account.email} (${made.account.role}, ${council}).`);
    out(`Send them this set-up link. It works once, until ${made.setupExpiresAt}:`);
    out(setupLink(base, made.setupToken));
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      out(error.message);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  runStaffCommand(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
