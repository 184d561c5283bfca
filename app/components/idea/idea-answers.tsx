import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { IdeaPageData } from "./idea-page-data.server";

/** The network's written answers to the submitter, oldest first, each saying whether it came on time. */
export function IdeaAnswers({ answers, extra }: { answers: IdeaPageData["answers"]; extra?: (answerId: string) => React.ReactNode }) {
  const { t } = useTranslation("cocreation");
  if (answers.length === 0) return <p>{t("answers.none")}</p>;
  return (
    <ol className="space-y-4" data-testid="answers">
      {answers.map((a) => (
        <li key={a.id} className="rounded-md border border-slate-300 p-3">
          <p className="font-semibold">
            {a.fromStatus === a.toStatus
              ? t("answers.sameStatus", { status: t(`status.${a.toStatus}`, { ns: "ideas" }) })
              : t("answers.statusChange", { from: t(`status.${a.fromStatus}`, { ns: "ideas" }), to: t(`status.${a.toStatus}`, { ns: "ideas" }) })}
          </p>
          <p className="text-sm text-slate-700">
            <time dateTime={a.date.iso}>{a.date.text}</time> ·{" "}
            {a.onTime ? (
              <span>{t("answers.onTime")}</span>
            ) : (
              <span className="font-semibold text-danger-700">
                <span aria-hidden="true">⚠ </span>
                {t("answers.late")}
              </span>
            )}
          </p>
          <p className="mt-2 whitespace-pre-line break-words">{a.body}</p>
          {a.mergedInto ? (
            <p className="mt-2">
              {t("answers.mergedInto")} <Link to={`/ideer/${encodeURIComponent(a.mergedInto.publicId)}`}>{`${a.mergedInto.publicId} ${a.mergedInto.title}`}</Link>
            </p>
          ) : null}
          {extra ? extra(a.id) : null}
        </li>
      ))}
    </ol>
  );
}

/** Supporters counted per organisation. */
export function SupportByOrganisation({ rows }: { rows: IdeaPageData["supportByOrganisation"] }) {
  const { t } = useTranslation("cocreation");
  if (rows.length === 0) return null;
  return (
    <>
      <h3 className="mt-4 text-lg font-semibold">{t("supporters.heading")}</h3>
      <ul className="mt-1 list-disc pl-6" data-testid="support-by-organisation">
        {rows.map((r) => (
          <li key={r.organisationName}>{t("supporters.row", { organisation: r.organisationName, count: r.supporters })}</li>
        ))}
      </ul>
    </>
  );
}

/** Open ideas that look like this one: a nudge to join forces instead of starting over. */
export function SimilarIdeas({ ideas }: { ideas: IdeaPageData["similar"] }) {
  const { t } = useTranslation("cocreation");
  if (ideas.length === 0) return <p>{t("similar.none")}</p>;
  return (
    <ul className="space-y-2" data-testid="similar-ideas">
      {ideas.map((s) => (
        <li key={s.publicId}>
          <Link to={`/ideer/${encodeURIComponent(s.publicId)}`}>{s.title}</Link>
          <span className="text-sm text-slate-700">
            {" "}
            · {s.organisationName} · {t(`status.${s.status}`, { ns: "ideas" })} · {t("similar.supporters", { count: s.supportCount })}
          </span>
        </li>
      ))}
    </ul>
  );
}
