import type { IdeaStatus } from "~/db/schema";
import { IdeaStatusBadge } from "./idea-status-badge";

/** The top of a page about one idea: the page's heading, the idea's number and title, and its status when given. */
export function IdeaPageHeading({ heading, publicId, title, status }: { heading: string; publicId: string; title: string; status?: IdeaStatus }) {
  return (
    <>
      <h1 className="text-3xl font-bold">{heading}</h1>
      <p className="mt-2 text-lg break-words">
        <span className="font-semibold">{publicId}</span> {title}
      </p>
      {status ? (
        <p className="mt-2">
          <IdeaStatusBadge status={status} />
        </p>
      ) : null}
    </>
  );
}
