import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { displayDate } from "~/components/idea/idea-dates";
import { pageTitle } from "~/components/page-title";
import { SearchForm } from "~/components/search/search-form";
import { SearchPagination, type PageLink } from "~/components/search/search-pagination";
import { SearchResultCard } from "~/components/search/search-result-card";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { linkClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { dropUnknownFilters, loadSearchOptions } from "~/modules/search/load-search-options.server";
import { searchIdeas } from "~/modules/search/search-ideas.server";
import { limitSearch, tooManyRequests } from "~/modules/security/shared-rate-limiter.server";
import { searchParamsFor, SORTS, type SearchQuery, type SortParam } from "~/modules/search/search-query-params";
import { parseSearchParams } from "~/modules/search/search-query-schema";

export const handle = readPageHandle;

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

const sortParam = Object.fromEntries(Object.entries(SORTS).map(([param, sort]) => [sort, param])) as Record<(typeof SORTS)[SortParam], SortParam>;

/** Page numbers around the current one, with the first and last always there. */
function pageLinks(query: SearchQuery, page: number, pageCount: number): (PageLink | null)[] {
  const wanted = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const links: (PageLink | null)[] = [];
  wanted.forEach((p, i) => {
    if (i > 0 && p - wanted[i - 1]! > 1) links.push(null);
    links.push({ page: p, href: `/ideer${searchParamsFor(query, { page: p })}` });
  });
  return links;
}

function countFilters(query: SearchQuery) {
  return (
    query.statuses.length +
    [query.network, query.organisation, query.region, query.serviceArea, query.theme].filter(Boolean).length +
    [query.overdue, query.supportedByMe, query.mine].filter(Boolean).length
  );
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { searchParams } = new URL(request.url);
  // The plain list (the menu's link) is the same first page for everyone and comes from counters;
  // any text, filter, sort or page is what a scraper or a costly search would send, and is counted.
  if (searchParams.size > 0) {
    const limit = await limitSearch(user.id);
    if (limit.limited) throw tooManyRequests(limit.retryAfterSeconds);
  }
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const parsed = parseSearchParams(searchParams);
  const options = await loadSearchOptions({ locale });
  const known = dropUnknownFilters(parsed.query, options);
  const query = known.query;
  const result = await searchIdeas({ user, query });
  const now = Date.now();
  const shown: SearchQuery = { ...query, page: result.page };
  return {
    title: t("page.title", { ns: "search" }),
    query: shown,
    sort: sortParam[result.sort],
    options,
    notices: [...new Set([...parsed.notices, ...known.notices])],
    activeFilters: countFilters(query),
    total: result.total,
    mode: result.mode,
    correctedWords: result.correctedWords,
    statusCounts: result.statusCounts,
    hits: result.hits.map((hit) => ({
      publicId: hit.publicId,
      title: hit.title,
      status: hit.status,
      organisationName: hit.organisationName,
      networkName: hit.networkName,
      supportCount: hit.supportCount,
      due: hit.answerDueAt ? { date: displayDate(hit.answerDueAt, locale), overdue: hit.answerDueAt.getTime() < now } : null,
    })),
    pagination: {
      page: result.page,
      pageCount: result.pageCount,
      previous: result.page > 1 ? `/ideer${searchParamsFor(shown, { page: result.page - 1 })}` : null,
      next: result.page < result.pageCount ? `/ideer${searchParamsFor(shown, { page: result.page + 1 })}` : null,
      pages: pageLinks(shown, result.page, result.pageCount),
    },
  };
}

export default function AllIdeasPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("search");
  const { query, total, pagination } = data;
  return (
    <div className="max-w-4xl">
      <h1 className="text-3xl font-bold">{t("page.title")}</h1>
      <p className="mt-2 text-lg">{t("page.intro")}</p>

      {data.notices.length > 0 ? (
        <div role="status" className="mt-6 rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
          <p className="font-semibold">{t("notice.heading")}</p>
          <ul className="mt-1 list-disc pl-5">
            {data.notices.map((notice) => (
              <li key={notice}>{t(notice)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <SearchForm
        key={JSON.stringify(query)}
        data={{ query, sort: data.sort, options: data.options, statusCounts: data.statusCounts, activeFilters: data.activeFilters }}
      />

      <section aria-labelledby="results-heading" className="mt-8">
        <h2 id="results-heading" className="text-2xl font-bold" aria-live="polite" aria-atomic="true">
          {query.text ? t("results.countFor", { count: total, query: query.text }) : t("results.count", { count: total })}
          {pagination.pageCount > 1 ? <span className="block text-base font-normal text-slate-700">{t("results.pageOf", { page: pagination.page, pages: pagination.pageCount })}</span> : null}
        </h2>
        {data.mode === "any_word" ? <p className="mt-2">{t("results.anyWord")}</p> : null}
        {data.mode === "corrected" && data.correctedWords ? (
          <p className="mt-2">{t("results.corrected", { typed: query.text, corrected: data.correctedWords.join(" ") })}</p>
        ) : null}
        {data.mode === "similar_title" && total > 0 ? <p className="mt-2">{t("results.similarTitle")}</p> : null}

        {total === 0 ? (
          <div className="mt-4 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-5">
            <h3 className="text-xl font-bold text-brand-900">{t("results.noneTitle")}</h3>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {query.text ? <li>{t("results.noneSpelling")}</li> : null}
              {data.activeFilters > 0 ? <li>{t("results.noneFilters")}</li> : null}
              <li>
                <Trans t={t} i18nKey="results.noneSubmit" components={[<Link key="new" to="/ideer/ny" className={linkClass} />]} />
              </li>
            </ul>
          </div>
        ) : (
          <ul className="mt-4 space-y-4" aria-labelledby="results-heading">
            {data.hits.map((idea) => (
              <li key={idea.publicId}>
                <SearchResultCard idea={idea} />
              </li>
            ))}
          </ul>
        )}
        <SearchPagination pagination={pagination} />
      </section>
    </div>
  );
}
