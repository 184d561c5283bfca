import { useTranslation } from "react-i18next";
import type { IdeaPageData } from "./idea-page-data.server";

export function IdeaAttachments({ publicId, attachments }: { publicId: string; attachments: IdeaPageData["attachments"] }) {
  const { t } = useTranslation("my-ideas");
  if (attachments.length === 0) return <p>{t("attachments.none")}</p>;
  return (
    <ul className="space-y-2">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={`/ideer/${encodeURIComponent(publicId)}/vedlegg/${a.id}`} download={a.fileName} className="font-semibold break-all">
            {a.fileName}
          </a>{" "}
          <span className="text-slate-700">
            ({t(`attachments.type.${a.typeKey}`)}, {a.size})
          </span>
        </li>
      ))}
    </ul>
  );
}
