import type { IdeaStatus, Locale } from "~/db/schema";
import type { CurrentUser } from "~/modules/auth/current-user.server";
import { describeIdeaRouting } from "~/modules/ideas/describe-idea-routing.server";
import { getIdea, type IdeaDetail } from "~/modules/ideas/get-idea.server";
import { CLOSED_STATUSES, EDITABLE_STATUSES } from "~/modules/ideas/idea-vocabulary";
import type { RoutingReason } from "~/modules/ideas/describe-routing.server";
import { displayDate, type DisplayDate } from "./idea-dates";
import type { FirstAnswerDue } from "./due-date-notice";

export type IdeaPageData = {
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
  events: { kind: string; date: DisplayDate; reason: string | null }[];
};

const attachmentTypeKeys: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpeg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
};
const intlLocale: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

function formatSize(bytes: number, locale: Locale) {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "megabyte"] : [Math.max(bytes / 1024, 0.1), "kilobyte"];
  return new Intl.NumberFormat(intlLocale[locale], { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
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
  const idea = await getIdea({ user, publicId: options.publicId });
  if (!idea) return null;
  const routing = (await describeIdeaRouting({ user, ideaId: idea.id, locale })) ?? { networkName: idea.network.name, reasons: [] };
  const closed = (CLOSED_STATUSES as readonly string[]).includes(idea.status);
  return {
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
    canEdit: idea.isMine && (EDITABLE_STATUSES as readonly string[]).includes(idea.status),
    canWithdraw: idea.isMine && !closed,
    withdrawnReason: idea.withdrawnReason,
    attachments: idea.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      typeKey: attachmentTypeKeys[a.contentType] ?? "other",
      size: formatSize(a.sizeBytes, locale),
    })),
    events: idea.events.map((e) => ({
      kind: e.kind,
      date: displayDate(e.createdAt, locale, true),
      reason: e.kind === "withdrawn" && typeof e.data.reason === "string" ? e.data.reason : null,
    })),
  };
}
