/**
 * A council's id (`northmoor`): lower-case letters, numbers and dashes. One rule for the council
 * settings files, the complaint's `councilId` and the council chosen on a device. In a module of
 * its own, so checking a stored choice does not build the whole settings schema (issue 9).
 */
export const COUNCIL_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
