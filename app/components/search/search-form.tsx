import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { IdeaStatus } from "~/db/schema";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "~/modules/auth/form-feedback";
import type { SearchOption, SearchOptions } from "~/modules/search/load-search-options.server";
import { IDEA_STATUSES, SORTS, type SearchQuery, type SortParam } from "~/modules/search/search-query-params";

export type SearchFormData = {
  query: SearchQuery;
  sort: SortParam;
  options: SearchOptions;
  statusCounts: Record<IdeaStatus, number>;
  activeFilters: number;
};

const selectClass = `${inputClass} bg-white`;

function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string | null; options: SearchOption[] }) {
  const { t } = useTranslation("search");
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{t("form.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-start gap-2 py-1">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="mt-1 size-5 shrink-0" />
      <span>{label}</span>
    </label>
  );
}

/**
 * A plain GET form: the URL is the search, so it works without JavaScript and can be shared.
 * On narrow screens the filters fold away in a <details>; wide screens open it (data-open-wide).
 */
export function SearchForm({ data }: { data: SearchFormData }) {
  const { t } = useTranslation("search");
  const { query, options } = data;
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current && window.matchMedia("(min-width: 48rem)").matches) details.current.open = true;
  }, []);

  return (
    <Form method="get" action="/ideer" role="search" aria-label={t("form.label")} className="mt-6">
      <label htmlFor="search-q" className="block text-lg font-semibold">
        {t("form.query")}
      </label>
      <p id="search-q-hint" className="text-slate-700">
        {t("form.queryHint")}
      </p>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={query.text}
          maxLength={200}
          aria-describedby="search-q-hint"
          className={`${inputClass} mt-0 min-w-0 flex-1 basis-48`}
        />
        <button type="submit" className={primaryButtonClass}>
          {t("form.submit")}
        </button>
      </div>

      <details ref={details} data-open-wide open={data.activeFilters > 0 || undefined} className="mt-4 rounded-lg border border-slate-300 p-4">
        <summary className="cursor-pointer font-semibold">
          {t("form.filters")}
          {data.activeFilters > 0 ? <span className="ml-2 font-normal">({t("form.filtersActive", { count: data.activeFilters })})</span> : null}
        </summary>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <fieldset aria-describedby="status-hint">
            <legend className="font-semibold">{t("form.status")}</legend>
            <p id="status-hint" className="text-sm text-slate-700">
              {t("form.statusHint")}
            </p>
            <div className="mt-1">
              {IDEA_STATUSES.map((status) => (
                <label key={status} className="flex items-start gap-2 py-1">
                  <input type="checkbox" name="status" value={status} defaultChecked={query.statuses.includes(status)} className="mt-1 size-5 shrink-0" />
                  <span>{t("form.statusOption", { status: t(`status.${status}`, { ns: "ideas" }), count: data.statusCounts[status] })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="space-y-4">
            <FilterSelect name="nettverk" label={t("form.network")} value={query.network} options={options.networks} />
            <FilterSelect name="organisasjon" label={t("form.organisation")} value={query.organisation} options={options.organisations} />
            <FilterSelect name="region" label={t("form.region")} value={query.region} options={options.regions} />
            <FilterSelect name="tjenesteomrade" label={t("form.serviceArea")} value={query.serviceArea} options={options.serviceAreas} />
            <FilterSelect name="tema" label={t("form.theme")} value={query.theme} options={options.themes} />
            <fieldset>
              <legend className="font-semibold">{t("form.more")}</legend>
              <Check name="forsinket" label={t("form.overdue")} checked={query.overdue} />
              <Check name="stottet" label={t("form.supportedByMe")} checked={query.supportedByMe} />
              <Check name="mine" label={t("form.mine")} checked={query.mine} />
            </fieldset>
          </div>
        </div>
        <div className="mt-6">
          <label htmlFor="search-sort" className="block font-semibold">
            {t("form.sort")}
          </label>
          <select id="search-sort" name="sorter" defaultValue={data.sort} className={`${selectClass} max-w-sm`}>
            {(Object.keys(SORTS) as SortParam[]).map((sort) => (
              <option key={sort} value={sort}>
                {t(`sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="mt-6 flex flex-wrap items-center gap-4">
          <button type="submit" className={primaryButtonClass}>
            {t("form.apply")}
          </button>
          <Link to="/ideer" className={`${secondaryButtonClass} no-underline`}>
            {t("form.reset")}
          </Link>
        </div>
      </details>
    </Form>
  );
}
