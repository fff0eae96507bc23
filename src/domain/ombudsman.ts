/**
 * The Local Government and Social Care Ombudsman: the free, independent step after the council's
 * last stage (domain.md §4). Its advice line is the same for every council.
 */
export const OMBUDSMAN_PHONE = "0300 061 0614";
