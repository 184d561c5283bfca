import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type PageLink = { page: number; href: string };
export type PaginationData = {
  page: number;
  pageCount: number;
  previous: string | null;
  next: string | null;
  /** Page numbers to show; null marks a gap. */
  pages: (PageLink | null)[];
};

const linkClass =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-slate-400 px-3 font-semibold text-brand-700 no-underline hover:bg-brand-50";

export function SearchPagination({ pagination }: { pagination: PaginationData }) {
  const { t } = useTranslation("search");
  if (pagination.pageCount <= 1) return null;
  return (
    <nav aria-label={t("pagination.label")} className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {pagination.previous ? (
          <li>
            <Link to={pagination.previous} className={linkClass} rel="prev">
              <span aria-hidden="true">← </span>
              {t("pagination.previous")}
            </Link>
          </li>
        ) : null}
        {pagination.pages.map((link, index) =>
          link ? (
            <li key={link.page}>
              {link.page === pagination.page ? (
                <Link to={link.href} aria-current="page" aria-label={t("pagination.page", { page: link.page })} className={`${linkClass} border-brand-700 bg-brand-700 text-white hover:bg-brand-800 hover:text-white`}>
                  {link.page}
                </Link>
              ) : (
                <Link to={link.href} aria-label={t("pagination.page", { page: link.page })} className={linkClass}>
                  {link.page}
                </Link>
              )}
            </li>
          ) : (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1">
              …
            </li>
          ),
        )}
        {pagination.next ? (
          <li>
            <Link to={pagination.next} className={linkClass} rel="next">
              {t("pagination.next")}
              <span aria-hidden="true"> →</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
