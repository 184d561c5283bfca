import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { IdeaStatus } from "~/db/schema";
import type { DisplayDate } from "~/components/idea/idea-dates";
import { IdeaStatusBadge } from "~/components/idea/idea-status-badge";

export type SearchResultCardData = {
  publicId: string;
  title: string;
  status: IdeaStatus;
  organisationName: string;
  networkName: string;
  supportCount: number;
  due: { date: DisplayDate; overdue: boolean } | null;
};

/** One search hit as a card: number, title, status in words, where it is from, support and due date. */
export function SearchResultCard({ idea }: { idea: SearchResultCardData }) {
  const { t } = useTranslation("search");
  const headingId = `hit-${idea.publicId}`;
  const date = idea.due ? <time dateTime={idea.due.date.iso}>{idea.due.date.text}</time> : null;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-300 p-4">
      <p className="text-sm font-semibold text-slate-700">
        <span className="sr-only">{t("card.number")} </span>
        {idea.publicId}
      </p>
      <h3 id={headingId} className="mt-1 text-lg font-bold break-words">
        <Link to={`/ideer/${encodeURIComponent(idea.publicId)}`}>{idea.title}</Link>
      </h3>
      <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
        <IdeaStatusBadge status={idea.status} />
        <span className="text-slate-800">
          <span aria-hidden="true">♥ </span>
          {t("card.supporters", { count: idea.supportCount })}
        </span>
      </div>
      <dl className="mt-3 space-y-1 text-slate-800">
        <div>
          <dt className="inline font-semibold">{t("card.organisation")}</dt> <dd className="inline">{idea.organisationName}</dd>
        </div>
        <div>
          <dt className="inline font-semibold">{t("card.network")}</dt> <dd className="inline">{idea.networkName}</dd>
        </div>
      </dl>
      {idea.due ? (
        idea.due.overdue ? (
          <p className="mt-2 font-semibold text-danger-700">
            <span aria-hidden="true">⚠ </span>
            {t("card.overdue")} {t("card.wasDue")} {date}
          </p>
        ) : (
          <p className="mt-2">
            {t("card.answerBy")} {date}
          </p>
        )
      ) : null}
    </article>
  );
}
