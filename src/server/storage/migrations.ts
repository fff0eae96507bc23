import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One SQL migration file: `NNN-name.sql`, applied in order, each once. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Read the migrations for one dialect from `migrations/<dialect>/`. */
export function loadMigrations(dialect: "sqlite" | "postgres"): Migration[] {
  const dir = fileURLToPath(new URL(`./migrations/${dialect}/`, import.meta.url));
  return readdirSync(dir)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.replace(/\.sql$/, ""),
      sql: readFileSync(`${dir}${file}`, "utf8"),
    }));
}
