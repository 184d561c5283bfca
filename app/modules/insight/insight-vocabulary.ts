/** The breakdowns on /innsikt, in the order they are shown. */
export const BREAKDOWN_DIMENSIONS = ["organisation", "unit", "service_area", "theme"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
