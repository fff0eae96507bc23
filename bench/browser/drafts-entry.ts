// Bundled as an IIFE by bench/drafts.ts and evaluated in Chromium: the app's own repositories on
// real IndexedDB and real WebCrypto, timed in the page so nothing crosses the DevTools wire per call.
import { SpeakUpDatabase } from "../../src/app/lib/db";
import { draftRepository } from "../../src/app/lib/draft-repository";
import { pinRepository } from "../../src/app/lib/pin-repository";
import { lock } from "../../src/app/lib/pin-session";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function time(runs: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await run(-1);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

const paragraph = "They moved me to a new home and nobody asked me what I wanted. ".repeat(8);

export interface DraftBenchResult {
  saveMs: number;
  listMs: number;
  drafts: number;
}

export async function runDraftBench(withPin: boolean, draftCount = 200): Promise<DraftBenchResult> {
  const database = new SpeakUpDatabase(`bench-${crypto.randomUUID()}`);
  await database.open();
  lock();
  const drafts = draftRepository(database);
  const pins = pinRepository(database);
  try {
    if (withPin) await pins.enable("482715", false);
    const ids: string[] = [];
    for (let i = 0; i < draftCount; i++) {
      const draft = await drafts.create("example-borough");
      await drafts.saveAnswers(draft.id, { role: "young-person", whatHappened: `${paragraph} ${i}`, putRight: "Ask me first." }, "what-happened");
      ids.push(draft.id);
    }
    const target = ids[0] ?? "";
    // One keystroke's autosave: merge one changed field into the stored draft.
    const saveMs = await time(100, (i) => drafts.saveAnswers(target, { whatHappened: `${paragraph} change ${i}` }, "what-happened"));
    const listMs = await time(15, async () => {
      const listed = await drafts.list();
      if (listed.length !== draftCount) throw new Error(`listed ${listed.length} drafts, expected ${draftCount}`);
    });
    return { saveMs, listMs, drafts: draftCount };
  } finally {
    lock();
    await database.delete();
  }
}
