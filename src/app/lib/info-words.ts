import info from "../../../locales/en-GB/info.json";

/** The help pages' words (What happens after I complain, Words you might not know), loaded with those pages. */
export const infoWords = { info } as const;
