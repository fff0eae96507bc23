/**
 * Where the questions live, without the step table itself (steps.ts holds zod schemas): the start
 * page links to the first question and must not download the whole wizard to do it.
 * steps.test.ts checks that the table's first step is this one.
 */
export const FIRST_STEP_ID = "who";

export function stepPath(id: string): string {
  return `/complaint/${id}`;
}
