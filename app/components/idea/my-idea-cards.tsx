import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { IdeaStatus } from "~/db/schema";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";
import { DueDateNotice, type FirstAnswerDue } from "./due-date-notice";
import type { DisplayDate } from "./idea-dates";
import { IdeaStatusBadge } from "./idea-status-badge";

export type MyIdeaCardData = {
  publicId: string;
  title: string;
  status: IdeaStatus;
  networkName: string;
  submittedAt: DisplayDate;
  due: FirstAnswerDue | null;
  onBehalfOfName: string | null;
};

export type MyDraftCardData = { id: string; title: string; updatedAt: DisplayDate };

/** One submitted idea as a card (not a table row): reads well at 360 px. */
export function MyIdeaCard({ idea }: { idea: MyIdeaCardData }) {
  const { t } = useTranslation("my-ideas");
  const headingId = `idea-${idea.publicId}`;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-300 p-4">
      <p className="text-sm font-semibold text-slate-700">
        <span className="sr-only">{t("page.number")} </span>
        {idea.publicId}
      </p>
      <h3 id={headingId} className="mt-1 text-lg font-bold break-words">
        <Link to={`/ideer/${encodeURIComponent(idea.publicId)}`}>{idea.title}</Link>
      </h3>
      <p className="mt-2">
        <IdeaStatusBadge status={idea.status} />
      </p>
      <dl className="mt-3 space-y-1 text-slate-800">
        <div>
          <dt className="inline font-semibold">{t("list.network")}</dt> <dd className="inline">{idea.networkName}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">{t("list.submitted")}</dt>{" "}
          <dd className="inline">
            <time dateTime={idea.submittedAt.iso}>{idea.submittedAt.text}</time>
          </dd>
        </div>
        {idea.onBehalfOfName ? (
          <div>
            <dt className="inline font-semibold">{t("list.onBehalfOf")}</dt> <dd className="inline">{idea.onBehalfOfName}</dd>
          </div>
        ) : null}
      </dl>
      {idea.due ? <DueDateNotice due={idea.due} className="mt-2" /> : null}
    </article>
  );
}

export function MyDraftCard({ draft }: { draft: MyDraftCardData }) {
  const { t } = useTranslation("my-ideas");
  const headingId = `draft-${draft.id}`;
  const title = draft.title.trim() || t("drafts.untitled");
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-dashed border-slate-500 p-4">
      <h3 id={headingId} className="text-lg font-bold break-words">
        {title}
      </h3>
      <p className="mt-1 text-slate-700">
        {t("drafts.lastSaved")} <time dateTime={draft.updatedAt.iso}>{draft.updatedAt.text}</time>
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        <Link to={`/ideer/ny?kladd=${encodeURIComponent(draft.id)}`} className={`${secondaryButtonClass} no-underline`}>
          {t("drafts.continue")}
          <span className="sr-only">: {title}</span>
        </Link>
        <Link to={`/mine-forslag/kladd/${encodeURIComponent(draft.id)}/slett`} className="inline-flex items-center px-1 py-1.5 text-sm font-semibold text-danger-700 hover:text-danger-700">
          {t("drafts.delete")}
          <span className="sr-only">: {title}</span>
        </Link>
      </div>
    </article>
  );
}
