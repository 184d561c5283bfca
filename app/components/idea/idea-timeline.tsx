import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { IdeaPageData } from "./idea-page-data.server";

/** What has happened to the idea, oldest first. Unknown kinds (added by later features) get a neutral label. */
export function IdeaTimeline({ events }: { events: IdeaPageData["events"] }) {
  const { t } = useTranslation("my-ideas");
  if (events.length === 0) return <p>{t("timeline.empty")}</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-300 pl-4">
      {events.map((event, index) => (
        <li key={`${event.kind}-${index}`}>
          <p className="font-semibold">
            {event.kind === "merged_in" ? (
              event.idea ? (
                <>
                  <Link to={`/ideer/${encodeURIComponent(event.idea.publicId)}`}>{`${event.idea.publicId} ${event.idea.title}`}</Link>{" "}
                  {t("events.merged_in_suffix", { ns: "ideas" })}
                </>
              ) : (
                t("events.merged_in_hidden", { ns: "ideas" })
              )
            ) : (
              t(`events.${event.kind}`, { ns: "ideas", name: event.name ?? "", defaultValue: t("timeline.otherEvent") })
            )}
          </p>
          <p className="text-sm text-slate-700">
            <time dateTime={event.date.iso}>{event.date.text}</time>
          </p>
          {event.reason ? (
            <p className="mt-1">
              <span className="font-semibold">{t("timeline.reason")}</span> <span className="whitespace-pre-line">{event.reason}</span>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
