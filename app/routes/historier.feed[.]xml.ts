import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslator, getRequestLocale } from "~/i18n/i18n.server";
import { buildAtomFeed } from "~/modules/stories/build-atom-feed";
import { listPublicStories } from "~/modules/stories/list-public-stories.server";
import { getEnv } from "~/utils/env.server";

/** Atom feed of public stories (never partners-only or organisation-only ones: read as anonymous). */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getRequestLocale(request);
  const t = await getTranslator(locale);
  const ns = { ns: "stories" };
  const stories = await listPublicStories({ limit: 50 });
  const xml = buildAtomFeed({
    baseUrl: getEnv().APP_URL,
    stories,
    texts: { title: t("feed.title", ns), subtitle: t("feed.subtitle", ns), author: t("feed.author", ns), lang: locale === "en" ? "en" : locale === "nn" ? "nn" : "nb" },
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=600" },
  });
}
