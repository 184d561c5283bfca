import type { PublicStory } from "./list-public-stories.server";

const escapeXml = (text: string) =>
  text
    // Characters XML 1.0 does not allow at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

export type AtomFeedTexts = { title: string; subtitle: string; author: string; lang: string };

/** An Atom 1.0 feed (RFC 4287) of public stories: feed id/title/updated/author/self link, entries with id/title/updated/link/summary. */
export function buildAtomFeed(options: { baseUrl: string; stories: PublicStory[]; texts: AtomFeedTexts }): string {
  const base = options.baseUrl.replace(/\/+$/, "");
  const { texts, stories } = options;
  const feedUpdated = stories.reduce((latest, s) => (s.updatedAt > latest ? s.updatedAt : latest), new Date(0));
  const updated = (stories.length > 0 ? feedUpdated : new Date()).toISOString();
  const entries = stories.map((story) => {
    const url = `${base}/historier/${encodeURIComponent(story.slug)}`;
    return [
      "  <entry>",
      `    <id>${escapeXml(url)}</id>`,
      `    <title type="text">${escapeXml(story.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <published>${story.publishedAt.toISOString()}</published>`,
      `    <updated>${story.updatedAt.toISOString()}</updated>`,
      `    <author><name>${escapeXml(story.organisationName)}</name></author>`,
      `    <summary type="text">${escapeXml(story.summary)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(texts.lang)}">`,
    `  <id>${escapeXml(`${base}/historier`)}</id>`,
    `  <title type="text">${escapeXml(texts.title)}</title>`,
    `  <subtitle type="text">${escapeXml(texts.subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(texts.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/historier/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/historier`)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
