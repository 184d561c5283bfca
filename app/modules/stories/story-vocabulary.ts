import type { StoryBenefitUnit, StoryStatus, StoryVisibility } from "~/db/schema";

/** Fixed code lists for stories; labels live in app/locales/<lng>/stories.json. */
export const STORY_STATUSES = ["draft", "ready_for_review", "returned", "published", "unpublished"] as const satisfies readonly StoryStatus[];
export const STORY_VISIBILITIES = ["partners", "organisation", "public"] as const satisfies readonly StoryVisibility[];
export const BENEFIT_UNITS = ["km", "hours", "minutes", "count", "percent", "nok", "points"] as const satisfies readonly StoryBenefitUnit[];
/** Money and score points can go below zero; distances, time, counts and percentages cannot. */
export const UNITS_ALLOWING_NEGATIVE: readonly StoryBenefitUnit[] = ["nok", "points"];

/** The author may still change the story (a published story must be unpublished first). */
export const EDITABLE_STORY_STATUSES: readonly StoryStatus[] = ["draft", "ready_for_review", "returned", "unpublished"];

export const STORY_TITLE_MIN = 5;
export const STORY_TITLE_MAX = 140;
export const STORY_SUMMARY_MIN = 20;
export const STORY_SUMMARY_MAX = 600;
export const STORY_CHANGED_MIN = 10;
export const STORY_CHANGED_MAX = 4000;
export const STORY_OPTIONAL_TEXT_MAX = 2000;
export const MAX_BENEFIT_ROWS = 20;
/** Empty rows offered in the form without JavaScript. */
export const EMPTY_BENEFIT_ROWS = 2;
export const MAX_BENEFIT_VALUE = 999_999_999_999;

export const STORY_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const MAX_STORY_IMAGES = 6;
export const MAX_STORY_IMAGE_BYTES = 5 * 1024 * 1024;
/** New image slots in the form (each with its own alt text). */
export const NEW_IMAGE_SLOTS = 2;
