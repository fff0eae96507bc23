import { renderHook, waitFor } from "@testing-library/react";
import { expect, it } from "vitest";
import { draftRepository } from "../../lib/draft-repository";
import { useLiveAnswers } from "./use-live-answers";

// A question page that is given another draft must not take the first draft's answers into its form.
it("never gives one draft's answers for another's while the other's are read", async () => {
  const drafts = draftRepository();
  const first = await drafts.create("example-borough");
  await drafts.saveAnswers(first.id, { whatHappened: "the first draft's words" });
  const second = await drafts.create("example-borough");
  await drafts.saveAnswers(second.id, { whatHappened: "the second draft's words" });
  const { result, rerender } = renderHook(({ id }) => useLiveAnswers(id), { initialProps: { id: first.id } });
  await waitFor(() => expect(result.current?.whatHappened).toBe("the first draft's words"));
  rerender({ id: second.id });
  expect(result.current).toBeUndefined();
  await waitFor(() => expect(result.current?.whatHappened).toBe("the second draft's words"));
});
