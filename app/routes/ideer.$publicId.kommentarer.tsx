import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentTextForm } from "~/components/comments/comment-text-form";
import { FormMessages } from "~/components/comments/form-messages";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { addComment } from "~/modules/comments/add-comment.server";
import { CommentActionSchema } from "~/modules/comments/comment-schema";
import { deleteComment } from "~/modules/comments/delete-comment.server";
import { describeCocreationError } from "~/modules/comments/describe-cocreation-error.server";
import { editComment } from "~/modules/comments/edit-comment.server";
import { findIdeaRef } from "~/modules/comments/find-idea-ref.server";
import { hideComment, unhideComment } from "~/modules/comments/hide-comment.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { isAppError } from "~/utils/app-error";

type ActionData = {
  title: string;
  publicId: string;
  intent: string;
  parentId: string | null;
  commentId: string | null;
  result: SubmissionResult<string[]>;
};

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => pageTitle(loaderData?.title);

/** Not a redirect: loaders also run after a refused post, and this page must then show the form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getTranslator(await resolveLocale(request, user));
  return { title: t("comments.heading", { ns: "cocreation" }), publicId: params.publicId ?? "" };
}

/**
 * Add, edit, delete, hide and unhide comments: plain form posts that redirect back to the comment on
 * the idea page. A refused post answers with this page: the message and the form with the text kept.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const idea = await findIdeaRef({ user, publicId: params.publicId ?? "" });
  if (!idea) throw new Response(null, { status: 404 });
  const ideaPath = `/ideer/${encodeURIComponent(idea.publicId)}`;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CommentActionSchema });
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const echo = {
    title: t("comments.errorTitle", { ns: "cocreation" }),
    publicId: idea.publicId,
    intent: String(formData.get("intent") ?? ""),
    parentId: typeof formData.get("parentId") === "string" ? String(formData.get("parentId")) : null,
    commentId: typeof formData.get("commentId") === "string" ? String(formData.get("commentId")) : null,
  };
  if (submission.status !== "success") {
    return data<ActionData>({ ...echo, result: submission.reply() }, { status: 400 });
  }
  const value = submission.value;
  let anchor = "comments";
  try {
    if (value.intent === "add") {
      const added = await addComment({ user, ideaId: idea.id, body: value.body, parentId: value.parentId ?? null });
      anchor = `comment-${added.commentId}`;
    } else if (value.intent === "edit") {
      await editComment({ user, commentId: value.commentId, body: value.body });
      anchor = `comment-${value.commentId}`;
    } else if (value.intent === "delete") {
      await deleteComment({ user, commentId: value.commentId });
      anchor = `comment-${value.commentId}`;
    } else if (value.intent === "hide") {
      await hideComment({ user, commentId: value.commentId, reason: value.reason });
      anchor = `comment-${value.commentId}`;
    } else {
      await unhideComment({ user, commentId: value.commentId });
      anchor = `comment-${value.commentId}`;
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { message, status } = await describeCocreationError(error, locale);
    return data<ActionData>({ ...echo, result: submission.reply({ formErrors: [message] }) }, { status });
  }
  throw redirect(`${ideaPath}#${anchor}`, { status: 303 });
}

function allMessages(result: SubmissionResult<string[]>): string[] {
  const messages = Object.values(result.error ?? {}).flatMap((list) => list ?? []);
  return [...new Set(messages)];
}

export default function CommentRefusedPage() {
  const actionData = useActionData<typeof action>();
  const loaderData = useLoaderData<typeof loader>();
  const { t } = useTranslation("cocreation");
  if (!actionData) {
    return (
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold">{loaderData.title}</h1>
        <p className="mt-6">
          <Link to={`/ideer/${encodeURIComponent(loaderData.publicId)}#comments`}>{t("comments.backToIdea")}</Link>
        </p>
      </div>
    );
  }
  const { publicId, intent, parentId, commentId, result } = actionData;
  const postTo = `/ideer/${encodeURIComponent(publicId)}/kommentarer`;
  const ideaPath = `/ideer/${encodeURIComponent(publicId)}`;
  const initial = (result.initialValue ?? {}) as Record<string, unknown>;
  const typed = (name: string) => (typeof initial[name] === "string" ? (initial[name] as string) : "");
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{t("comments.errorTitle")}</h1>
      <div className="mt-6">
        {intent === "add" ? (
          <CommentTextForm
            formId={parentId ? `reply-${parentId}` : "comment-new"}
            action={postTo}
            hidden={parentId ? { intent: "add", parentId } : { intent: "add" }}
            fieldName="body"
            label={parentId ? t("comments.reply") : t("comments.label")}
            hint={t("comments.hint")}
            submitLabel={parentId ? t("comments.submitReply") : t("comments.submit")}
            defaultValue={typed("body")}
            lastResult={result}
          />
        ) : intent === "edit" && commentId ? (
          <CommentTextForm
            formId={`edit-${commentId}`}
            action={postTo}
            hidden={{ intent: "edit", commentId }}
            fieldName="body"
            label={t("comments.editLabel")}
            submitLabel={t("comments.save")}
            defaultValue={typed("body")}
            lastResult={result}
          />
        ) : intent === "hide" && commentId ? (
          <CommentTextForm
            formId={`hide-${commentId}`}
            action={postTo}
            hidden={{ intent: "hide", commentId }}
            fieldName="reason"
            label={t("comments.hideLabel")}
            hint={t("comments.hideHint")}
            submitLabel={t("comments.hideSubmit")}
            defaultValue={typed("reason")}
            lastResult={result}
          />
        ) : (
          <FormMessages id="comment-errors" errors={allMessages(result)} />
        )}
      </div>
      <p className="mt-6">
        <Link to={`${ideaPath}#comments`}>{t("comments.backToIdea")}</Link>
      </p>
    </div>
  );
}
