import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { BENEFIT_CATEGORIES } from "~/modules/ideas/idea-vocabulary";
import type { SearchOption } from "~/modules/search/load-search-options.server";
import type { StoryGalleryOptions } from "~/modules/stories/load-story-gallery-options.server";
import type { StorySearchQuery } from "~/modules/stories/story-search-schema";

const selectClass = `${inputClass} bg-white`;

function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string | null; options: SearchOption[] }) {
  const { t } = useTranslation("stories");
  const id = `story-filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{t("gallery.form.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: the URL is the search, so it works without JavaScript and can be shared. */
export function StoryGalleryForm({ query, options, activeFilters }: { query: StorySearchQuery; options: StoryGalleryOptions; activeFilters: number }) {
  const { t } = useTranslation("stories");
  const categories = BENEFIT_CATEGORIES.map((c) => ({ value: c, label: t(`benefits.${c}`, { ns: "ideas" }) }));
  return (
    <Form method="get" action="/historier" role="search" aria-label={t("gallery.form.label")} className="mt-6">
      <label htmlFor="story-q" className="block text-lg font-semibold">
        {t("gallery.form.query")}
      </label>
      <p id="story-q-hint" className="text-slate-700">
        {t("gallery.form.queryHint")}
      </p>
      <div className="mt-1 flex flex-wrap gap-2">
        <input id="story-q" type="search" name="q" defaultValue={query.text} maxLength={200} aria-describedby="story-q-hint" className={`${inputClass} mt-0 min-w-0 flex-1 basis-48`} />
        <button type="submit" className={primaryButtonClass}>
          {t("gallery.form.submit")}
        </button>
      </div>
      <details data-open-wide open={activeFilters > 0 || undefined} className="mt-4 rounded-lg border border-slate-300 p-4">
        <summary className="cursor-pointer font-semibold">
          {t("gallery.form.filters")}
          {activeFilters > 0 ? <span className="ml-2 font-normal">({t("gallery.form.filtersActive", { count: activeFilters })})</span> : null}
        </summary>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <FilterSelect name="tema" label={t("gallery.form.theme")} value={query.theme} options={options.themes} />
          <FilterSelect name="tjenesteomrade" label={t("gallery.form.serviceArea")} value={query.serviceArea} options={options.serviceAreas} />
          <FilterSelect name="organisasjon" label={t("gallery.form.organisation")} value={query.organisation} options={options.organisations} />
          <FilterSelect name="region" label={t("gallery.form.region")} value={query.region} options={options.regions} />
          <FilterSelect name="gevinst" label={t("gallery.form.benefitCategory")} value={query.benefitCategory} options={categories} />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <button type="submit" className={primaryButtonClass}>
            {t("gallery.form.apply")}
          </button>
          {activeFilters > 0 || query.text ? (
            <Link to="/historier" className="text-brand-700 underline">
              {t("gallery.form.clear")}
            </Link>
          ) : null}
        </div>
      </details>
    </Form>
  );
}
