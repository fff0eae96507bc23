import { useLiveQuery } from "dexie-react-hooks";

/**
 * A live query's answer for `key`, undefined until the answer for this very key arrives: Dexie's
 * hook gives the previous answer until the new one comes, which was another key's (another draft's
 * answers, another complaint's state). An answer of undefined is kept as undefined, not tagged, so
 * a query with nothing to find (a question page before its draft exists) draws nothing again.
 */
export function useLiveAnswer<Key, T>(key: Key, query: () => Promise<T | undefined>, deps: unknown[]): T | undefined {
  const answer = useLiveQuery(async () => {
    const value = await query();
    return value === undefined ? undefined : { key, value };
  }, [key, ...deps]);
  return answer !== undefined && answer.key === key ? answer.value : undefined;
}
