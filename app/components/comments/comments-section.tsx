import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";
import type { CocreationData, CommentView } from "./cocreation-data.server";
import { CommentTextForm } from "./comment-text-form";

type Serialized<T> = T extends (infer U)[] ? Serialized<U>[] : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T;
type Data = Serialized<CocreationData>;
type Comment = Serialized<CommentView>;

function CommentText({ comment }: { comment: Comment }) {
  const { t } = useTranslation("cocreation");
  if (!comment.parts) return null;
  return (
    <p className="mt-1 whitespace-pre-line break-words">
      {comment.parts.map((part, index) =>
        part.kind === "mention" ? (
          <strong key={index} className="font-semibold text-brand-800" title={t("comments.mentionOf", { name: part.name })}>
            @{part.name}
          </strong>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function CommentItem({ comment, data, isReply }: { comment: Comment; data: Data; isReply: boolean }) {
  const { t } = useTranslation("cocreation");
  const action = `/ideer/${encodeURIComponent(data.publicId)}/kommentarer`;
  const author = comment.authorName ?? t("comments.formerUser");
  const canReply = !isReply && !data.closed && !comment.deleted;
  return (
    <li id={`comment-${comment.id}`} className="rounded-md border border-slate-300 p-3" data-testid="comment">
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">
          {comment.authorOrganisation ? t("comments.by", { name: author, organisation: comment.authorOrganisation }) : author}
        </span>{" "}
        <time dateTime={comment.createdAt.iso}>{comment.createdAt.text}</time>
        {comment.edited && !comment.deleted ? <> ({t("comments.edited")})</> : null}
      </p>
      {comment.deleted ? (
        <p className="mt-1 italic text-slate-700">{t("comments.deleted")}</p>
      ) : comment.hidden && !comment.parts ? (
        <p className="mt-1 italic text-slate-700">{t("comments.hiddenByNetwork")}</p>
      ) : (
        <>
          {comment.hidden ? (
            <p className="mt-1 text-sm font-medium text-danger-700">
              {comment.isMine
                ? t("comments.hiddenForYou", { reason: comment.hiddenReason ?? "" })
                : t("comments.hiddenForNetwork", { reason: comment.hiddenReason ?? "" })}
            </p>
          ) : null}
          <CommentText comment={comment} />
        </>
      )}
      <div className="mt-2 flex flex-wrap items-start gap-3">
        {canReply ? (
          <details className="w-full">
            <summary className="cursor-pointer font-semibold text-brand-700">{t("comments.reply")}</summary>
            <div className="mt-2">
              <CommentTextForm
                formId={`reply-${comment.id}`}
                action={action}
                hidden={{ intent: "add", parentId: comment.id }}
                fieldName="body"
                label={t("comments.replyLabel", { name: author })}
                submitLabel={t("comments.submitReply")}
                rows={3}
              />
            </div>
          </details>
        ) : null}
        {comment.isMine && !comment.deleted ? (
          <>
            <details className="w-full">
              <summary className="cursor-pointer font-semibold text-brand-700">{t("comments.edit")}</summary>
              <div className="mt-2">
                <CommentTextForm
                  formId={`edit-${comment.id}`}
                  action={action}
                  hidden={{ intent: "edit", commentId: comment.id }}
                  fieldName="body"
                  label={t("comments.editLabel")}
                  submitLabel={t("comments.save")}
                  defaultValue={comment.body ?? ""}
                  rows={3}
                />
              </div>
            </details>
            <Form method="post" action={action}>
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className={secondaryButtonClass} aria-label={t("comments.deleteLabel")}>
                {t("comments.delete")}
              </button>
            </Form>
          </>
        ) : null}
        {data.isCoordinator && !comment.deleted ? (
          comment.hidden ? (
            <Form method="post" action={action}>
              <input type="hidden" name="intent" value="unhide" />
              <input type="hidden" name="commentId" value={comment.id} />
              <button type="submit" className={secondaryButtonClass}>
                {t("comments.unhide")}
              </button>
            </Form>
          ) : (
            <details className="w-full">
              <summary className="cursor-pointer font-semibold text-brand-700">{t("comments.hide")}</summary>
              <div className="mt-2">
                <CommentTextForm
                  formId={`hide-${comment.id}`}
                  action={action}
                  hidden={{ intent: "hide", commentId: comment.id }}
                  fieldName="reason"
                  label={t("comments.hideLabel")}
                  hint={t("comments.hideHint")}
                  submitLabel={t("comments.hideSubmit")}
                  rows={2}
                />
              </div>
            </details>
          )
        ) : null}
      </div>
      {comment.replies.length > 0 ? (
        <ul className="mt-3 ml-4 space-y-3 border-l-2 border-slate-200 pl-4" aria-label={t("comments.replies", { name: author })}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} data={data} isReply />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function CommentsSection({ data }: { data: Data }) {
  const { t } = useTranslation("cocreation");
  return (
    <section id="comments" aria-labelledby="comments-heading" className="mt-8">
      <h2 id="comments-heading" className="text-2xl font-bold">
        {t("comments.heading")} <span className="text-lg font-normal text-slate-700">({t("comments.count", { count: data.commentCount })})</span>
      </h2>
      {data.comments.length === 0 ? <p className="mt-2">{t("comments.empty")}</p> : null}
      <ul className="mt-3 space-y-3">
        {data.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} data={data} isReply={false} />
        ))}
      </ul>
      <div className="mt-4">
        {data.closed ? (
          <p>{t("comments.closed")}</p>
        ) : (
          <CommentTextForm
            formId="comment-new"
            action={`/ideer/${encodeURIComponent(data.publicId)}/kommentarer`}
            hidden={{ intent: "add" }}
            fieldName="body"
            label={t("comments.label")}
            hint={t("comments.hint")}
            submitLabel={t("comments.submit")}
          />
        )}
      </div>
    </section>
  );
}
