import { renderHook, waitFor } from "@testing-library/react";
import { expect, it } from "vitest";
import { draftRepository } from "./draft-repository";
import { useLaterChangesDraft } from "./use-later-changes";

// Two sent complaints' kept drafts: the note on one complaint must never link to the other's.
it("never gives one complaint's kept draft for another's while the other's is looked up", async () => {
  const drafts = draftRepository();
  const first = await drafts.create("example-borough");
  const second = await drafts.create("example-borough");
  const { result, rerender } = renderHook(({ id }) => useLaterChangesDraft({ laterChangesDraftId: id }), {
    initialProps: { id: first.id },
  });
  await waitFor(() => expect(result.current).toBe(first.id));
  rerender({ id: second.id });
  // Drawn again at once with the other complaint: nothing yet, never the first one's draft.
  expect(result.current).toBeUndefined();
  await waitFor(() => expect(result.current).toBe(second.id));
});
