import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every source a code comment cites must be in the repository (issue 11): a section of the domain
 * brief ("docs/domain.md §3", "§5 \"Urgent danger\"", "docs/domain.md, Decisions") must be a heading
 * there, and a seed page id (S000–S004) must be an entry in docs/sources.md, named in the same file.
 * The `sources` of the council settings files are held to the same rule.
 * Comments are read with the TypeScript parser, so strings and JSX text are not mistaken for them.
 */
const root = resolve(import.meta.dirname, "../..");
const SCANNED = ["src", "scripts", "test"];
const SOURCE_FILE = /\.(?:ts|tsx|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return entry.isFile() && SOURCE_FILE.test(entry.name) ? [path] : [];
  });
}

/** The text of every comment in `text`, each once. */
function commentsIn(fileName: string, text: string): string[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : fileName.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const comments = new Map<number, string>();
  const keep = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) comments.set(range.pos, text.slice(range.pos, range.end));
  };
  const visit = (node: ts.Node) => {
    keep(ts.getLeadingCommentRanges(text, node.getFullStart()));
    keep(ts.getTrailingCommentRanges(text, node.getEnd()));
    for (const child of node.getChildren(file)) visit(child);
  };
  visit(file);
  return [...comments.values()];
}

interface Brief {
  /** "3" → its heading and the headings under it. */
  numbered: Map<string, string[]>;
  /** Every heading, numbered or not. */
  all: string[];
}

function readBrief(markdown: string): Brief {
  const numbered = new Map<string, string[]>();
  const all: string[] = [];
  let current: string[] | undefined;
  for (const line of markdown.split("\n")) {
    const heading = /^(#{2,4}) (.+)$/.exec(line);
    if (!heading) continue;
    const [, level = "", title = ""] = heading;
    all.push(title);
    if (level === "##") {
      const number = /^(\d+)\. /.exec(title)?.[1];
      current = number === undefined ? undefined : [title];
      if (number !== undefined) numbered.set(number, current ?? []);
    } else {
      current?.push(title);
    }
  }
  return { numbered, all };
}

const hasHeading = (headings: readonly string[], name: string) => headings.some((h) => h.toLowerCase().includes(name.toLowerCase()));

/** What is wrong with the citations in one file's comments; empty when every one resolves. */
function citationProblems(comments: readonly string[], brief: Brief, sourceIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const text = comments.join("\n");
  for (const match of text.matchAll(/(\S*)domain\.md/g)) {
    if (!match[1]?.endsWith("docs/")) problems.push(`cites "${match[0]}": the brief is docs/domain.md`);
  }
  for (const match of text.matchAll(/docs\/domain\.md/g)) {
    // The citation runs to the end of its bracket or line: "docs/domain.md §3, §4)", "§1–2", "§3 and §8".
    const tail = /^[^)\n]*/.exec(text.slice(match.index + match[0].length))?.[0] ?? "";
    for (const [, from = "", to] of tail.matchAll(/§\s*(\d+)(?:\s*[–-]\s*§?\s*(\d+))?/g)) {
      const last = to === undefined ? Number(from) : Number(to);
      for (let n = Number(from); n <= last; n++) {
        if (!brief.numbered.has(String(n))) problems.push(`docs/domain.md has no §${n} (cited as "docs/domain.md${tail}")`);
      }
    }
    for (const [, number = "", name = ""] of tail.matchAll(/§(\d+)\s+"([^"]+)"/g)) {
      const section = brief.numbered.get(number);
      if (section && !hasHeading(section, name)) problems.push(`docs/domain.md §${number} has no heading "${name}"`);
    }
    const named = /^,?\s*"?(Decisions)\b|^,?\s*"([^"]+)"/.exec(tail);
    const name = named?.[1] ?? named?.[2];
    if (name !== undefined && !hasHeading(brief.all, name)) problems.push(`docs/domain.md has no heading "${name}"`);
  }
  const cited = new Set([...text.matchAll(/\bS(\d{3})\b/g)].map((m) => `S${m[1]}`));
  if (cited.size > 0 && !text.includes("docs/sources.md")) problems.push(`cites ${[...cited].join(", ")} without naming docs/sources.md`);
  for (const id of cited) if (!sourceIds.has(id)) problems.push(`docs/sources.md has no ${id}`);
  return problems;
}

const brief = readBrief(readFileSync(join(root, "docs/domain.md"), "utf8"));
const sourceIds = new Set([...readFileSync(join(root, "docs/sources.md"), "utf8").matchAll(/^## (S\d{3})$/gm)].map((m) => m[1] ?? ""));
const files = SCANNED.flatMap((dir) => sourceFiles(join(root, dir))).map((path) => ({
  path: relative(root, path),
  comments: commentsIn(path, readFileSync(path, "utf8")),
}));

describe("citations in comments", () => {
  it("finds the brief's sections, the five sources and the code's citations", () => {
    expect([...brief.numbered.keys()]).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect([...sourceIds]).toEqual(["S000", "S001", "S002", "S003", "S004"]);
    const citing = files.filter((f) => f.comments.some((c) => c.includes("docs/domain.md")));
    expect(citing.length).toBeGreaterThan(15);
  });

  it.each(files.filter((f) => f.comments.some((c) => /domain\.md|\bS\d{3}\b/.test(c))).map((f) => [f.path, f.comments] as const))(
    "%s: every citation resolves inside the repository",
    (_path, comments) => {
      expect(citationProblems(comments, brief, sourceIds)).toEqual([]);
    },
  );

  // The council settings files give a source for each value (decision 016); those citing the brief
  // or a seed page must resolve too.
  const councilFiles = readdirSync(join(root, "public/councils")).filter((name) => name.endsWith(".json"));
  it.each(councilFiles)("public/councils/%s: every source it cites resolves inside the repository", (name) => {
    const sources = Object.values(
      (JSON.parse(readFileSync(join(root, "public/councils", name), "utf8")) as { sources?: Record<string, { source: string; note?: string }> }).sources ?? {},
    );
    expect(
      citationProblems(
        sources.flatMap((s) => [s.source, s.note ?? ""]),
        brief,
        sourceIds,
      ),
    ).toEqual([]);
  });

  it.each([
    ["a section the brief does not have", "/** The rule (docs/domain.md §12). */", "docs/domain.md has no §12"],
    ["a range running past the last section", "// See docs/domain.md §8–§10.", "docs/domain.md has no §10"],
    ["a heading missing from its section", '// docs/domain.md §5 "Bus times"', 'docs/domain.md §5 has no heading "Bus times"'],
    ["the old path outside docs/", "// (domain.md §3)", "the brief is docs/domain.md"],
    ["a seed page without docs/sources.md", "// Norfolk's list (S000).", "cites S000 without naming docs/sources.md"],
    ["a seed page that is not listed", "// A sixth page (S005, docs/sources.md).", "docs/sources.md has no S005"],
  ])("refuses %s", (_what, source, problem) => {
    expect(citationProblems(commentsIn("example.ts", source), brief, sourceIds)).toContainEqual(expect.stringContaining(problem));
  });

  it("reads comments, not strings or JSX text", () => {
    const source = 'const s = "domain.md §99";\nconst el = <p>S009 domain.md</p>;\n// docs/domain.md §3 "Variation table"\n';
    expect(commentsIn("example.tsx", source)).toEqual(['// docs/domain.md §3 "Variation table"']);
  });
});
