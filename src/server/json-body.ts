/**
 * Limits on request bodies. JSON.parse itself copes with deep nesting, but everything after it
 * (validation, logging, storage) walks the tree, so a body nested past any real complaint's depth
 * is refused before it reaches them.
 */
export const BODY_LIMIT_BYTES = 256 * 1024;
export const MAX_JSON_DEPTH = 16;

export class BodyError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "BodyError";
  }
}

/** Depth of a parsed JSON value, measured without recursion so a hostile body cannot overflow the stack. */
export function jsonDepthExceeds(value: unknown, max: number): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, depth } = item;
    if (node === null || typeof node !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}

/** Parse a JSON body, turning every failure into a 400 with a reason a client developer can act on. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw new BodyError(400, "empty-body", "The request body is empty. Send the complaint as JSON.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BodyError(400, "malformed-json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (jsonDepthExceeds(value, MAX_JSON_DEPTH)) {
    throw new BodyError(400, "too-deeply-nested", `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  }
  return value;
}
