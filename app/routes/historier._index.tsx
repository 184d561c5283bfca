import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { displayDate } from "~/components/idea/idea-dates";
import { pageTitle } from "~/components/page-title";
import { SearchPagination, type PageLink } from "~/components/search/search-pagination";
import { BenefitTotals } from "~/components/stories/benefit-totals";
import { StoryCard } from "~/components/stories/story-card";
import { StoryGalleryForm } from "~/components/stories/story-gallery-form";
import { getTranslator } from "~/i18n/i18n.server";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import { linkClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { benefitTotalsForDisplay } from "~/modules/stories/format-benefit-number";
import { loadStoryGallery } from "~/modules/stories/load-story-gallery.server";
import { dropUnknownStoryFilters, loadStoryGalleryOptions } from "~/modules/stories/load-story-gallery-options.server";
import { parseStorySearchParams, storySearchParamsFor, type StorySearchQuery } from "~/modules/stories/story-search-schema";

export const handle = readPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageTitle(data?.title),
  { tagName: "link", rel: "alternate", type: "application/atom+xml", title: data?.feedTitle ?? "", href: "/historier/feed.xml" },
];

function pageLinks(query: StorySearchQuery, page: number, pageCount: number): (PageLink | null)[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const links: (PageLink | null)[] = [];
  wanted.forEach((p, i) => {
    if (i > 0 && p - wanted[i - 1]! > 1) links.push(null);
    links.push({ page: p, href: `/historier${storySearchParamsFor(query, { page: p })}` });
  });
  return links;
}

export async function loader({ request }: LoaderFunctionArgs) {
  // Public stories are for everyone: signed-out visitors see those, partners see more (RLS decides).
  const user = await getCurrentUser(request);
  const viewer = user?.onboarded ? user : null;
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const parsed = parseStorySearchParams(new URL(request.url).searchParams);
  const options = await loadStoryGalleryOptions({ locale });
  const known = dropUnknownStoryFilters(parsed.query, options);
  const query = known.query;
  const { stories: result, totals, mine, queue } = await loadStoryGallery({ viewer, query, locale });
  const shown = { ...query, page: result.page };
  const activeFilters = [query.theme, query.serviceArea, query.organisation, query.region, query.benefitCategory].filter(Boolean).length;
  const organisationName = query.organisation ? options.organisations.find((o) => o.value === query.organisation)?.label ?? null : null;
  return {
    title: t("gallery.title", { ns: "stories" }),
    feedTitle: t("feed.title", { ns: "stories" }),
    signedIn: viewer !== null,
    query: shown,
    options,
    activeFilters,
    notices: [...new Set([...parsed.notices, ...known.notices])],
    total: result.total,
    hits: result.hits.map((hit) => ({ ...hit, published: hit.publishedAt ? displayDate(hit.publishedAt, locale) : null })),
    totals: benefitTotalsForDisplay(totals, locale),
    organisationName,
    mine: mine.map((s) => ({ slug: s.slug, title: s.title, status: s.status, reviewComment: s.reviewComment })),
    queueCount: queue.length,
    pagination: {
      page: result.page,
      pageCount: result.pageCount,
      previous: result.page > 1 ? `/historier${storySearchParamsFor(shown, { page: result.page - 1 })}` : null,
      next: result.page < result.pageCount ? `/historier${storySearchParamsFor(shown, { page: result.page + 1 })}` : null,
      pages: pageLinks(shown, result.page, result.pageCount),
    },
  };
}

export default function StoryGalleryPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("stories");
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("gallery.title")}</h1>
      <p className="mt-2 max-w-3xl text-lg">{t("gallery.intro")}</p>
      <p className="mt-4 flex flex-wrap gap-4">
        {data.signedIn ? (
          <Link to="/historier/ny" className={primaryButtonClass}>
            {t("gallery.write")}
          </Link>
        ) : null}
        {data.queueCount > 0 ? (
          <Link to="/historier/vurdering" className={linkClass}>
            {t("gallery.reviewQueue", { count: data.queueCount })}
          </Link>
        ) : null}
        <Link to="/historier/gevinster" className={linkClass}>
          {t("gallery.overviewLink")}
        </Link>
        <a href="/historier/feed.xml" className={linkClass}>
          {t("gallery.feed")}
        </a>
      </p>

      {data.mine.length > 0 ? (
        <section aria-labelledby="my-stories-heading" className="mt-8 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4">
          <h2 id="my-stories-heading" className="text-xl font-bold">
            {t("gallery.mine.title")}
          </h2>
          <ul className="mt-2 space-y-2">
            {data.mine.map((story) => (
              <li key={story.slug}>
                <Link to={`/historier/${story.slug}`} className={linkClass}>
                  {story.title}
                </Link>{" "}
                <span className="text-slate-800">({t(`status.${story.status}`)})</span>
                {story.status === "returned" && story.reviewComment ? (
                  <span className="block text-sm">{t("gallery.mine.returnedComment", { comment: story.reviewComment })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.notices.length > 0 ? (
        <div role="status" className="mt-6 rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
          <p className="font-semibold">{t("gallery.notice.heading")}</p>
          <ul className="mt-1 list-disc pl-5">
            {data.notices.map((notice) => (
              <li key={notice}>{t(notice)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <StoryGalleryForm key={JSON.stringify(data.query)} query={data.query} options={data.options} activeFilters={data.activeFilters} />

      <BenefitTotals
        categories={data.totals}
        headingId="benefit-totals-heading"
        heading={data.organisationName ? t("totals.titleFor", { organisation: data.organisationName }) : t("totals.title")}
        intro={t("totals.intro")}
      />

      <section aria-labelledby="story-results-heading" className="mt-8">
        <h2 id="story-results-heading" className="text-2xl font-bold" aria-live="polite" aria-atomic="true">
          {data.query.text ? t("gallery.results.countFor", { count: data.total, query: data.query.text }) : t("gallery.results.count", { count: data.total })}
        </h2>
        {data.total === 0 ? (
          <p className="mt-4 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-5">{data.signedIn ? t("gallery.results.none") : t("gallery.results.noneSignedOut")}</p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-labelledby="story-results-heading">
            {data.hits.map((story) => (
              <li key={story.slug}>
                <StoryCard story={story} />
              </li>
            ))}
          </ul>
        )}
        <SearchPagination pagination={data.pagination} />
      </section>
    </div>
  );
}
