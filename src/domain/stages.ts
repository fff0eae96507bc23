/*
 * How many stages a complaint can have, defined once. The statutory procedure has three (regs
 * 14–20); a council's own (corporate) procedure has at most four local stages (docs/decisions/016:
 * the real councils' pages publish two or three). Every schema, query check and form that bounds a
 * stage number reads these.
 */

/** Stage 1 local resolution, Stage 2 investigation, Stage 3 review panel. */
export const STATUTORY_STAGES = 3;

/** The most stages a council's own procedure may have in its settings. */
export const MAX_LOCAL_STAGES = 4;

/** The highest stage number any complaint can reach, whichever procedure it follows. */
export const MAX_STAGE = Math.max(STATUTORY_STAGES, MAX_LOCAL_STAGES);
