import type Database from "better-sqlite3";
import type pg from "pg";

/*
 * One small way to run SQL on either store, so the staff tables (issue 12) are written once:
 * placeholders are `$1, $2…` (PostgreSQL's); on SQLite they become `?` in order. Timestamps come
 * back as ISO text from both. Values are never put into the SQL text.
 */

export type SqlValue = string | number | null;
export type SqlRow = Record<string, unknown>;

export interface Sql {
  readonly kind: "sqlite" | "postgres";
  all<T extends SqlRow>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Run a statement; how many rows it changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
  /** Run `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

function normalise(row: SqlRow): SqlRow {
  for (const [k, v] of Object.entries(row)) if (v instanceof Date) row[k] = v.toISOString();
  return row;
}

/** `$n` placeholders to SQLite's `?`, with the values in the order they appear. */
function toSqlite(text: string, params: readonly SqlValue[]): { text: string; values: SqlValue[] } {
  const values: SqlValue[] = [];
  const converted = text.replace(/\$(\d+)/g, (_m, n: string) => {
    values.push(params[Number(n) - 1] ?? null);
    return "?";
  });
  return { text: converted, values };
}

/** A tiny queue: on one SQLite connection, a transaction's statements must not interleave with others'. */
class Lock {
  private tail: Promise<void> = Promise.resolve();
  async hold<T>(work: () => Promise<T>): Promise<T> {
    const before = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await before;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

export function sqliteSql(db: Database.Database): Sql {
  const lock = new Lock();
  const cache = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let statement = cache.get(text);
    if (!statement) {
      statement = db.prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };
  const direct = (): Sql => ({
    kind: "sqlite",
    all: async <T extends SqlRow>(text: string, params: readonly SqlValue[] = []) => {
      const q = toSqlite(text, params);
      return prepare(q.text).all(...q.values) as T[];
    },
    run: async (text, params = []) => {
      const q = toSqlite(text, params);
      return prepare(q.text).run(...q.values).changes;
    },
    transaction: async (work) => work(direct()),
  });
  const inner = direct();
  return {
    kind: "sqlite",
    all: (text, params) => lock.hold(() => inner.all(text, params)),
    run: (text, params) => lock.hold(() => inner.run(text, params)),
    transaction: (work) =>
      lock.hold(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await work(inner);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      }),
  };
}

export function postgresSql(pool: pg.Pool): Sql {
  const on = (client: pg.Pool | pg.PoolClient): Sql => ({
    kind: "postgres",
    all: async <T extends SqlRow>(text: string, params: readonly SqlValue[] = []) =>
      (await client.query(text, [...params])).rows.map((r: SqlRow) => normalise(r)) as T[],
    run: async (text, params = []) => (await client.query(text, [...params])).rowCount ?? 0,
    transaction: async (work) => {
      if (client !== pool) return work(on(client));
      const tx = await pool.connect();
      try {
        await tx.query("BEGIN");
        const result = await work(on(tx));
        await tx.query("COMMIT");
        return result;
      } catch (error) {
        await tx.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        tx.release();
      }
    },
  });
  return on(pool);
}
