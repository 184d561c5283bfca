import { numberFormat } from "~/i18n/intl-formats";
import { sql } from "kysely";
import { withUser } from "~/db/client.server";
import type { CocreatorKind, CocreatorStatus, IdeaStatus, Locale } from "~/db/schema";
import type { CurrentUser } from "~/modules/auth/current-user.server";
import { listCocreators } from "~/modules/cocreators/list-cocreators.server";
import { describeRouting, type RoutingReason } from "~/modules/ideas/describe-routing.server";
import { readSimilarIdeas } from "~/modules/ideas/find-similar-ideas.server";
import { readIdea, type IdeaDetail } from "~/modules/ideas/get-idea.server";
import { CLOSED_STATUSES, EDITABLE_STATUSES } from "~/modules/ideas/idea-vocabulary";
import { loadIdeaStoryLinks } from "~/modules/stories/load-idea-story-links.server";
import { displayDate, type DisplayDate } from "./idea-dates";
import type { FirstAnswerDue } from "./due-date-notice";

export type IdeaPageData = {
  id: string;
  publicId: string;
  title: string;
  status: IdeaStatus;
  due: FirstAnswerDue | null;
  submittedAt: DisplayDate;
  problem: string;
  proposalHtml: string;
  stopDoing: string | null;
  beneficiaries: string[];
  needContexts: string[];
  expectedBenefits: string[];
  themeName: string;
  serviceAreaNames: string[];
  relevantForSeveral: boolean;
  visibility: IdeaDetail["visibility"];
  hideName: boolean;
  organisationName: string;
  routing: { networkName: string; reasons: RoutingReason[] };
  /** Null when the name is hidden from this reader. */
  submitter: { displayName: string; onBehalfOfName: string | null } | null;
  isMine: boolean;
  supportCount: number;
  supportedByMe: boolean;
  canSupport: boolean;
  canEdit: boolean;
  canWithdraw: boolean;
  withdrawnReason: string | null;
  attachments: { id: string; fileName: string; typeKey: string; size: string }[];
  events: { kind: string; date: DisplayDate; reason: string | null; name: string | null; idea: { publicId: string; title: string } | null }[];
  /** The next answer the submitter is owed after the first (null while received or closed). */
  nextDue: FirstAnswerDue | null;
  answers: {
    id: string;
    body: string;
    fromStatus: IdeaStatus;
    toStatus: IdeaStatus;
    onTime: boolean;
    date: DisplayDate;
    mergedInto: { publicId: string; title: string } | null;
  }[];
  supportByOrganisation: { organisationName: string; supporters: number }[];
  cocreators: {
    id: string;
    name: string;
    organisationName: string;
    kind: CocreatorKind;
    status: CocreatorStatus;
    message: string | null;
    isMe: boolean;
  }[];
  isCocreator: boolean;
  /** The submitter's account is gone ("tidligere ansatt"). */
  contactVacant: boolean;
  canTakeOver: boolean;
  canAskToCocreate: boolean;
  canInvite: boolean;
  canTriage: boolean;
  similar: { publicId: string; title: string; status: IdeaStatus; organisationName: string; supportCount: number }[];
  /** Published success stories about the idea that this reader may see. */
  stories: { slug: string; title: string; organisationName: string; published: DisplayDate | null }[];
  /** The story the idea was created from ("Vi vil prøve dette"), when the reader may see it. */
  inspiredBy: { slug: string; title: string } | null;
  /** In Ny praksis, and the reader submitted it, co-creates it or belongs to its network. */
  canWriteStory: boolean;
};

const attachmentTypeKeys: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
};
export const attachmentTypeKey = (contentType: string) => attachmentTypeKeys[contentType] ?? "other";
const intlLocale: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export function formatAttachmentSize(bytes: number, locale: Locale) {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "megabyte"] : [Math.max(bytes / 1024, 0.1), "kilobyte"];
  return numberFormat(intlLocale[locale], { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
}

function nameIn(locale: Locale, row: { name_nb: string; name_nn: string; name_en: string }) {
  return locale === "nn" ? row.name_nn : locale === "en" ? row.name_en : row.name_nb;
}

/** The first answer is still owed only while the idea waits in "received". */
export function firstAnswerDue(status: IdeaStatus, dueAt: Date, locale: Locale, now: Date = new Date()): FirstAnswerDue | null {
  if (status !== "received") return null;
  return { date: displayDate(dueAt, locale), overdue: dueAt.getTime() < now.getTime() };
}

/** Everything the idea page shows, as the user may see it; null when it does not exist for them. */
export async function loadIdeaPage(options: { user: CurrentUser; publicId: string; locale: Locale }): Promise<IdeaPageData | null> {
  const { user, locale } = options;
  // One transaction, one connection: each round trip costs the page more than these small reads.
  const read = await withUser(user, async (trx) => {
    const idea = await readIdea(trx, { user, publicId: options.publicId });
    if (!idea) return null;
    const routing = await describeRouting(trx, {
      networkId: idea.network.id,
      organisationId: idea.organisationId,
      explanation: idea.routingExplanation,
      locale,
    });
    const answers = await trx
      .selectFrom("idea_answers")
      .leftJoin("ideas as target", "target.id", "idea_answers.merged_into_id")
      .select([
        "idea_answers.id",
        "idea_answers.body",
        "idea_answers.from_status",
        "idea_answers.to_status",
        "idea_answers.on_time",
        "idea_answers.created_at",
        "target.public_id as target_public_id",
        "target.title as target_title",
      ])
      .where("idea_answers.idea_id", "=", idea.id)
      .orderBy("idea_answers.created_at")
      .execute();
    const support = await sql<{ organisation_name: string; supporters: number }>`select * from public.idea_support_summary(${idea.id})`.execute(trx);
    const cocreators = await listCocreators(trx, idea.id);
    // Ideas merged into this one, as far as this reader may see them (RLS).
    const mergedFromIds = idea.events.filter((e) => e.kind === "merged_in" && typeof e.data.fromIdeaId === "string").map((e) => e.data.fromIdeaId as string);
    const mergedFrom = mergedFromIds.length
      ? await trx.selectFrom("ideas").select(["id", "public_id", "title"]).where("id", "in", mergedFromIds).execute()
      : [];
    const storyLinks = await loadIdeaStoryLinks(trx, idea.id);
    const similar = (CLOSED_STATUSES as readonly string[]).includes(idea.status)
      ? []
      : (await readSimilarIdeas(trx, { title: idea.title, text: idea.problem, limit: 5 })).filter((s) => s.id !== idea.id).slice(0, 4);
    return { idea, more: { routing, answers, support: support.rows, cocreators, mergedFrom, storyLinks, similar } };
  });
  if (!read) return null;
  const { idea, more } = read;
  const { routing, similar } = more;
  const closed = (CLOSED_STATUSES as readonly string[]).includes(idea.status);
  const contactVacant = idea.submitter !== null && idea.submitter.id === null;
  const mine = more.cocreators.find((c) => c.profileId === user.id);
  const openForPeople = idea.status !== "merged" && idea.status !== "withdrawn";
  return {
    id: idea.id,
    publicId: idea.publicId,
    title: idea.title,
    status: idea.status,
    due: firstAnswerDue(idea.status, idea.firstAnswerDueAt, locale),
    submittedAt: displayDate(idea.submittedAt, locale),
    problem: idea.problem,
    proposalHtml: idea.proposalHtml,
    stopDoing: idea.stopDoing,
    beneficiaries: idea.beneficiaries,
    needContexts: idea.needContexts,
    expectedBenefits: idea.expectedBenefits,
    themeName: nameIn(locale, idea.theme),
    serviceAreaNames: idea.serviceAreas.map((a) => nameIn(locale, a)),
    relevantForSeveral: idea.relevantForSeveral,
    visibility: idea.visibility,
    hideName: idea.hideName,
    organisationName: idea.organisationName,
    routing,
    submitter: idea.submitter ? { displayName: idea.submitter.displayName, onBehalfOfName: idea.submitter.onBehalfOfName } : null,
    isMine: idea.isMine,
    supportCount: idea.supportCount,
    supportedByMe: idea.supportedByMe,
    canSupport: !idea.isMine && idea.status !== "merged" && idea.status !== "withdrawn",
    canEdit: (idea.isMine || idea.isCocreator) && (EDITABLE_STATUSES as readonly string[]).includes(idea.status),
    canWithdraw: idea.isMine && !closed,
    withdrawnReason: idea.withdrawnReason,
    attachments: idea.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      typeKey: attachmentTypeKey(a.contentType),
      size: formatAttachmentSize(a.sizeBytes, locale),
    })),
    events: idea.events.map((e) => {
      const from = e.kind === "merged_in" ? more.mergedFrom.find((m) => m.id === e.data.fromIdeaId) : undefined;
      return {
        kind: e.kind,
        date: displayDate(e.createdAt, locale, true),
        reason: e.kind === "withdrawn" && typeof e.data.reason === "string" ? e.data.reason : null,
        name: typeof e.data.name === "string" && e.data.name ? e.data.name : null,
        idea: from ? { publicId: from.public_id, title: from.title } : null,
      };
    }),
    nextDue:
      idea.status !== "received" && idea.nextDueAt
        ? { date: displayDate(idea.nextDueAt, locale), overdue: idea.nextDueAt.getTime() < Date.now() }
        : null,
    answers: more.answers.map((a) => ({
      id: a.id,
      body: a.body,
      fromStatus: a.from_status,
      toStatus: a.to_status,
      onTime: a.on_time,
      date: displayDate(a.created_at, locale, true),
      mergedInto: a.target_public_id && a.target_title ? { publicId: a.target_public_id, title: a.target_title } : null,
    })),
    supportByOrganisation: more.support.map((r) => ({ organisationName: r.organisation_name, supporters: Number(r.supporters) })),
    cocreators: more.cocreators.map((c) => ({
      id: c.id,
      name: c.name,
      organisationName: c.organisationName,
      kind: c.kind,
      status: c.status,
      message: c.message,
      isMe: c.profileId === user.id,
    })),
    isCocreator: idea.isCocreator,
    contactVacant,
    canTakeOver: contactVacant && openForPeople && idea.organisationId === user.organisationId,
    canAskToCocreate: !idea.isMine && !mine && !closed && !contactVacant,
    canInvite: idea.isMine && !closed,
    canTriage: user.platformRole === "admin" || user.networks.some((n) => n.id === idea.network.id),
    similar: similar.map((s) => ({ publicId: s.publicId, title: s.title, status: s.status, organisationName: s.organisationName, supportCount: s.supportCount })),
    stories: more.storyLinks.stories.map((s) => ({
      slug: s.slug,
      title: s.title,
      organisationName: s.organisationName,
      published: s.publishedAt ? displayDate(s.publishedAt, locale) : null,
    })),
    inspiredBy: more.storyLinks.inspiredBy,
    canWriteStory: idea.status === "new_practice" && (idea.isMine || idea.isCocreator || user.networks.some((n) => n.id === idea.network.id)),
  };
}
