import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { FlashMessage } from "~/components/idea/flash-message";
import { displayDate } from "~/components/idea/idea-dates";
import { pageTitle } from "~/components/page-title";
import { RichTextContent } from "~/components/rich-text-editor/rich-text-content";
import { BenefitTable } from "~/components/stories/benefit-table";
import { PrintButton } from "~/components/stories/print-button";
import { StoryReviewPanel } from "~/components/stories/story-review-panel";
import printStylesheet from "~/components/stories/story-print.css?url";
import { getTranslator } from "~/i18n/i18n.server";
import { getCurrentUser } from "~/modules/auth/current-user.server";
import { linkClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { benefitRowsForDisplay } from "~/modules/stories/format-benefit-number";
import { getStory } from "~/modules/stories/get-story.server";
import { getEnv } from "~/utils/env.server";

export const handle = readPageHandle;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStylesheet, media: "print" }];

const FLASHES = ["saved", "submitted", "withdrawn", "published", "returned", "unpublished"] as const;

/** Open Graph only for public stories: anything else must not be previewed outside the portal. */
export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return pageTitle(null);
  const tags = [...pageTitle(data.story.title), { name: "description", content: data.story.summary }];
  if (!data.og) return tags;
  return [
    ...tags,
    { property: "og:type", content: "article" },
    { property: "og:title", content: data.story.title },
    { property: "og:description", content: data.story.summary },
    { property: "og:url", content: data.og.url },
    { property: "og:site_name", content: "HelseHub Idéhub" },
    { property: "og:locale", content: data.og.locale },
    ...(data.og.image ? [{ property: "og:image", content: data.og.image }, { property: "og:image:alt", content: data.og.imageAlt ?? "" }] : []),
    { name: "twitter:card", content: data.og.image ? "summary_large_image" : "summary" },
    { tagName: "link", rel: "canonical", href: data.og.url },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const viewer = user?.onboarded ? user : null;
  const locale = await resolveLocale(request, user);
  const story = await getStory({ viewer, slug: params.slug ?? "", locale });
  if (!story) throw new Response(null, { status: 404 });
  const t = await getTranslator(locale);
  const flash = new URL(request.url).searchParams.get("melding");
  const base = getEnv().APP_URL.replace(/\/+$/, "");
  const url = `${base}/historier/${encodeURIComponent(story.slug)}`;
  const isPublic = story.status === "published" && story.visibility === "public";
  const firstImage = story.images[0] ?? null;
  return {
    signedIn: viewer !== null,
    flash: flash && (FLASHES as readonly string[]).includes(flash) ? `stories:flash.${flash}` : null,
    og: isPublic
      ? {
          url,
          locale: locale === "en" ? "en_GB" : locale === "nn" ? "nn_NO" : "nb_NO",
          image: firstImage ? `${url}/bilder/${firstImage.id}` : null,
          imageAlt: firstImage?.altText ?? null,
        }
      : null,
    story: {
      ...story,
      bodyJson: undefined,
      published: story.publishedAt ? displayDate(story.publishedAt, locale) : null,
      benefits: benefitRowsForDisplay(story.benefits, locale),
      contactEmail: viewer ? story.contactEmail : null,
      statusText: t(`status.${story.status}`, { ns: "stories" }),
    },
  };
}

function TextSection({ id, heading, text }: { id: string; heading: string; text: string | null }) {
  if (!text) return null;
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-2xl font-bold">
        {heading}
      </h2>
      <p className="mt-2 whitespace-pre-line">{text}</p>
    </section>
  );
}

export default function StoryPage() {
  const { story, flash, signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation("stories");
  const path = `/historier/${encodeURIComponent(story.slug)}`;
  return (
    <article className="max-w-3xl break-words">
      <FlashMessage messageKey={flash} />
      <p className="text-sm" data-print="hide">
        <Link to="/historier" className={linkClass}>
          {t("story.back")}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold sm:text-4xl">{story.title}</h1>
      <p className="mt-2 text-slate-700">
        {story.organisationName}
        {story.published ? (
          <>
            {" · "}
            <time dateTime={story.published.iso}>{t("story.publishedOn", { date: story.published.text })}</time>
          </>
        ) : null}
        {" · "}
        {t(`visibility.${story.visibility}`)}
      </p>
      {story.status !== "published" ? (
        <p className="mt-3 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 font-medium text-amber-950" data-testid="story-status">
          {t("story.statusNotice", { status: story.statusText })}
        </p>
      ) : null}
      {story.status === "returned" && story.reviewComment && (story.isAuthor || story.canReview) ? (
        <div className="mt-3 rounded-md border border-slate-400 p-3">
          <p className="font-semibold">{t("story.reviewComment")}</p>
          <p className="whitespace-pre-line">{story.reviewComment}</p>
        </div>
      ) : null}
      {story.status === "unpublished" && story.unpublishedReason && (story.isAuthor || story.canReview) ? (
        <div className="mt-3 rounded-md border border-slate-400 p-3">
          <p className="font-semibold">{t("story.unpublishedReason")}</p>
          <p className="whitespace-pre-line">{story.unpublishedReason}</p>
        </div>
      ) : null}

      <p className="mt-6 text-xl leading-relaxed">{story.summary}</p>

      <div className="mt-4 flex flex-wrap gap-3" data-print="hide">
        {story.canTry ? (
          <Link to={`${path}/prov`} className={primaryButtonClass}>
            {t("story.tryThis")}
          </Link>
        ) : null}
        {story.ownTrial ? (
          <p className="rounded-md bg-green-50 p-2 text-green-900">
            {story.ownTrial.ideaPublicId ? (
              <>
                {t("story.ownTrialWithIdea")}{" "}
                <Link to={`/ideer/${story.ownTrial.ideaPublicId}`} className={linkClass}>
                  {story.ownTrial.ideaPublicId}
                </Link>
              </>
            ) : (
              t("story.ownTrial")
            )}
          </p>
        ) : null}
        {story.canEdit ? (
          <Link to={`${path}/rediger`} className={secondaryButtonClass}>
            {t("story.edit")}
          </Link>
        ) : null}
        <PrintButton />
        {!signedIn && story.status === "published" ? <p className="text-slate-700">{t("story.signInToTry")}</p> : null}
      </div>

      {story.images.length > 0 ? (
        <div className="mt-6 grid gap-4 sm:grid-cols-2">
          {story.images.map((image) => (
            <figure key={image.id}>
              <img src={`${path}/bilder/${image.id}`} alt={image.altText} className="w-full rounded-md" loading="lazy" />
            </figure>
          ))}
        </div>
      ) : null}

      <section aria-labelledby="story-benefits" className="mt-8">
        <h2 id="story-benefits" className="text-2xl font-bold">
          {t("story.benefits")}
        </h2>
        {story.benefits.length > 0 ? <BenefitTable rows={story.benefits} /> : <p className="mt-2">{t("story.noBenefits")}</p>}
      </section>

      <TextSection id="story-changed" heading={t("story.whatChanged")} text={story.whatChanged} />
      <TextSection id="story-stopped" heading={t("story.stoppedDoing")} text={story.stoppedDoing} />

      <section aria-labelledby="story-body" className="mt-8">
        <h2 id="story-body" className="text-2xl font-bold">
          {t("story.body")}
        </h2>
        <RichTextContent html={story.bodyHtml} className="mt-2" />
      </section>

      <TextSection id="story-unplanned" heading={t("story.unplannedBenefits")} text={story.unplannedBenefits} />
      <TextSection id="story-success" heading={t("story.successFactors")} text={story.successFactors} />
      <TextSection id="story-costs" heading={t("story.costs")} text={story.costs} />

      <section aria-labelledby="story-facts" className="mt-8 rounded-lg border border-slate-300 p-4">
        <h2 id="story-facts" className="text-2xl font-bold">
          {t("story.facts")}
        </h2>
        <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("story.organisations")}</dt>
          <dd>{story.organisations.map((o) => o.name).join(", ")}</dd>
          <dt className="font-semibold">{t("story.theme")}</dt>
          <dd>{story.themeName}</dd>
          <dt className="font-semibold">{t("story.serviceAreas")}</dt>
          <dd>{story.serviceAreaNames.join(", ")}</dd>
          <dt className="font-semibold">{t("story.contact")}</dt>
          <dd>
            {story.contactName ?? t("story.contactLeft")}
            {story.contactEmail ? (
              <>
                {" · "}
                <a href={`mailto:${story.contactEmail}`} className={linkClass}>
                  {story.contactEmail}
                </a>
              </>
            ) : null}
          </dd>
          {story.idea ? (
            <>
              <dt className="font-semibold">{t("story.aboutIdea")}</dt>
              <dd>
                <Link to={`/ideer/${story.idea.publicId}`} className={linkClass}>
                  {story.idea.publicId} {story.idea.title}
                </Link>
              </dd>
            </>
          ) : null}
          {story.credits.length > 0 ? (
            <>
              <dt className="font-semibold">{t("story.credits")}</dt>
              <dd>{story.credits.map((c) => t(`story.creditRole.${c.role}`, { name: c.name })).join(", ")}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("story.network")}</dt>
          <dd>{story.networkName}</dd>
        </dl>
      </section>

      <section aria-labelledby="story-trials" className="mt-8">
        <h2 id="story-trials" className="text-2xl font-bold">
          {t("story.trials")}
        </h2>
        {story.trials.length === 0 ? (
          <p className="mt-2">{t("story.noTrials")}</p>
        ) : (
          <ul className="mt-2 list-disc pl-5" data-testid="story-trials">
            {story.trials.map((trial) => (
              <li key={trial.organisationId}>{trial.organisationName}</li>
            ))}
          </ul>
        )}
      </section>

      {story.isAuthor || story.canReview ? <StoryReviewPanel story={story} /> : null}

    </article>
  );
}
