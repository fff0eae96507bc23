import { resolve } from "node:path";
import { StoreConfigError, type ComplaintStore } from "./complaint-store";
import { openPostgresStore } from "./postgres-store";
import { openSqliteStore } from "./sqlite-store";

export const DEFAULT_DATABASE_URL = "sqlite:./data/complaints.db";

/** Pick the adapter from DATABASE_URL: `sqlite:<file>` or `postgres://…` / `postgresql://…`. */
export async function openStore(databaseUrl: string = DEFAULT_DATABASE_URL): Promise<ComplaintStore> {
  const url = databaseUrl.trim();
  if (url.startsWith("sqlite:")) {
    const file = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (file === "") {
      throw new StoreConfigError(`DATABASE_URL "${databaseUrl}" has no file name. Use for example ${DEFAULT_DATABASE_URL}`);
    }
    return openSqliteStore(file === ":memory:" ? file : resolve(file));
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    try {
      new URL(url);
    } catch {
      throw new StoreConfigError(`DATABASE_URL is not a valid PostgreSQL address: "${databaseUrl}"`);
    }
    return openPostgresStore(url);
  }
  throw new StoreConfigError(
    `DATABASE_URL "${databaseUrl}" is not supported. Use sqlite:<file> (for example ${DEFAULT_DATABASE_URL}) ` +
      `or postgres://user:password@host:5432/database`,
  );
}
