import { useLiveQuery } from "dexie-react-hooks";

/**
 * A live query's answer for `key`, undefined until the answer for this very key arrives: Dexie's
 * hook gives the previous answer until the new one comes, which was another key's (another draft's
 * answers, another complaint's state).
 */
export function useLiveAnswer<Key, T>(key: Key, query: () => Promise<T | undefined>, deps: unknown[]): T | undefined {
  const answer = useLiveQuery(async () => ({ key, value: await query() }), [key, ...deps]);
  return answer !== undefined && answer.key === key ? answer.value : undefined;
}
