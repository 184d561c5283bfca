import { displayDate, type DisplayDate } from "~/components/idea/idea-dates";
import { withUser } from "~/db/client.server";
import type { Locale } from "~/db/schema";
import type { CurrentUser } from "~/modules/auth/current-user.server";
import { listComments } from "~/modules/comments/list-comments.server";
import { splitMentions, type TextPart } from "~/modules/comments/mentions";
import { listSameNeed } from "~/modules/same-need/list-same-need.server";

export type CommentView = {
  id: string;
  authorName: string | null;
  authorOrganisation: string | null;
  /** Plain text and mentions; null when deleted or hidden from this reader. */
  parts: TextPart[] | null;
  body: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  deleted: boolean;
  edited: boolean;
  createdAt: DisplayDate;
  isMine: boolean;
  replies: CommentView[];
};

export type CocreationData = {
  publicId: string;
  closed: boolean;
  following: boolean;
  isCoordinator: boolean;
  commentCount: number;
  comments: CommentView[];
  sameNeed: {
    rows: { id: string; organisationName: string; note: string | null; canWithdraw: boolean; isMine: boolean }[];
    myOrganisationName: string;
    ownOrganisation: boolean;
    alreadyRecorded: boolean;
  };
};

/** The co-creation sections of the idea page (comments, follow, same need), as the user may see them. */
export async function loadCocreation(options: { user: CurrentUser; publicId: string; locale: Locale }): Promise<CocreationData | null> {
  const { user, locale } = options;
  return withUser(user, async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .select(["id", "public_id", "status", "organisation_id", "network_id"])
      .where("public_id", "=", options.publicId)
      .executeTakeFirst();
    if (!idea) return null;
    const comments = await listComments(trx, idea.id);
    const sameNeed = await listSameNeed(trx, idea.id, user.id);
    const follow = await trx.selectFrom("idea_follows").select("idea_id").where("idea_id", "=", idea.id).where("profile_id", "=", user.id).executeTakeFirst();
    const views = new Map<string, CommentView>();
    const top: CommentView[] = [];
    for (const c of comments) {
      const view: CommentView = {
        id: c.id,
        authorName: c.authorName,
        authorOrganisation: c.authorOrganisation,
        parts: c.body === null ? null : splitMentions(c.body, c.mentionNames),
        body: c.body,
        hidden: c.hidden,
        hiddenReason: c.hiddenReason,
        deleted: c.deleted,
        edited: c.editedAt !== null,
        createdAt: displayDate(c.createdAt, locale, true),
        isMine: c.authorId === user.id,
        replies: [],
      };
      views.set(c.id, view);
      const parent = c.parentId ? views.get(c.parentId) : undefined;
      if (parent) parent.replies.push(view);
      else top.push(view);
    }
    return {
      publicId: idea.public_id,
      closed: idea.status === "merged" || idea.status === "withdrawn",
      following: follow !== undefined,
      isCoordinator: user.networks.some((n) => n.id === idea.network_id && n.role === "coordinator"),
      commentCount: comments.filter((c) => !c.deleted).length,
      comments: top,
      sameNeed: {
        rows: sameNeed.map((r) => ({
          id: r.id,
          organisationName: r.organisationName,
          note: r.note,
          canWithdraw: r.canWithdraw,
          isMine: r.organisationId === user.organisationId,
        })),
        myOrganisationName: user.organisationName,
        ownOrganisation: idea.organisation_id === user.organisationId,
        alreadyRecorded: sameNeed.some((r) => r.organisationId === user.organisationId),
      },
    };
  });
}
