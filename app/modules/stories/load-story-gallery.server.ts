import type { Locale } from "~/db/schema";
import { readMyStories } from "./read-my-stories.server";
import { readReviewQueue } from "./list-review-queue.server";
import { readStoryPage } from "./read-story-page.server";
import type { StorySearchQuery } from "./story-search-schema";
import { asViewer, type StoryViewer } from "./story-viewer";
import { readBenefitTotals } from "./summarise-benefits.server";

/**
 * What the gallery shows, read in one transaction as the viewer: the page of stories, the benefit
 * totals for the same search, and for someone signed in their own unpublished stories and how many
 * wait for their review. (Four transactions before: four pool connections per view, each with its
 * own begin, claims and commit.)
 */
export async function loadStoryGallery(options: { viewer: StoryViewer; query: StorySearchQuery; locale: Locale }) {
  const { viewer, query, locale } = options;
  return asViewer(viewer, async (trx) => {
    const stories = await readStoryPage(trx, { query, locale });
    const totals = await readBenefitTotals(trx, query);
    const mine = viewer ? await readMyStories(trx, viewer.id) : [];
    const queue = viewer ? await readReviewQueue(trx, viewer) : [];
    return { stories, totals, mine, queue };
  });
}
