import { useTranslation } from "react-i18next";
import type { IdeaPageData } from "./idea-page-data.server";

function TermList({ items }: { items: string[] }) {
  const { t } = useTranslation("my-ideas");
  if (items.length === 0) return <>{t("page.notGiven")}</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="list-disc pl-5">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Who benefits, where, expected benefits, theme and service areas — as translated labels. */
export function IdeaFacts({ idea }: { idea: IdeaPageData }) {
  const { t } = useTranslation("my-ideas");
  const rows: { term: string; value: React.ReactNode }[] = [
    { term: t("page.beneficiaries"), value: <TermList items={idea.beneficiaries.map((b) => t(`beneficiaries.${b}`, { ns: "ideas" }))} /> },
    { term: t("page.needContexts"), value: <TermList items={idea.needContexts.map((n) => t(`needContexts.${n}`, { ns: "ideas" }))} /> },
    { term: t("page.expectedBenefits"), value: <TermList items={idea.expectedBenefits.map((b) => t(`benefits.${b}`, { ns: "ideas" }))} /> },
    { term: t("page.theme"), value: idea.themeName },
    { term: t("page.serviceAreas"), value: <TermList items={idea.serviceAreaNames} /> },
    { term: t("page.relevantForSeveral"), value: idea.relevantForSeveral ? t("page.yes") : t("page.no") },
    { term: t("page.visibility"), value: t(`visibility.${idea.visibility}`, { ns: "ideas" }) },
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[minmax(10rem,14rem)_1fr]">
      {rows.map((row) => (
        <div key={row.term} className="contents">
          <dt className="font-semibold">{row.term}</dt>
          <dd className="mb-2 sm:mb-0">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
