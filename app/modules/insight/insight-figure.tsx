import { numberFormat } from "~/i18n/intl-formats";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type ChartSeries = { label: string };
export type ChartRow = { label: string; values: (number | null)[] };

// Dark enough against white for graphics (WCAG 1.4.11) and told apart by order, legend and printed values, not by colour alone.
const SERIES_COLOURS = ["#0f6674", "#9a3412", "#4338ca"];
const WIDTH = 640;
const LABEL_WIDTH = 210;
const VALUE_SPACE = 56;
const BAR_HEIGHT = 14;

function shorten(text: string, max = 30) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function formatNumber(value: number | null, locale: string, digits = 1) {
  if (value === null) return "–";
  return numberFormat(locale === "en" ? "en-GB" : "nb-NO", { maximumFractionDigits: digits }).format(value);
}

/** A horizontal bar chart drawn on the server: an image with a title and a description; the table next to it carries the figures. */
export function BarChart(props: { id: string; title: string; description: string; series: ChartSeries[]; rows: ChartRow[]; locale: string; marker?: { value: number; label: string } }) {
  const { id, series, rows, locale, marker } = props;
  const groupHeight = series.length * BAR_HEIGHT + 10;
  const legendHeight = series.length > 1 || marker ? 24 : 0;
  const height = legendHeight + rows.length * groupHeight + 8;
  const max = Math.max(1, marker?.value ?? 0, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const scale = (WIDTH - LABEL_WIDTH - VALUE_SPACE) / max;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-3xl"
      data-testid={`${id}-chart`}
    >
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.description}</desc>
      {legendHeight ? (
        <g aria-hidden="true" fontSize="12">
          {series.length > 1
            ? series.map((s, i) => (
                <g key={s.label} transform={`translate(${LABEL_WIDTH + i * 150}, 4)`}>
                  <rect width="12" height="12" fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
                  <text x="16" y="11" fill="#0f172a">
                    {s.label}
                  </text>
                </g>
              ))
            : null}
          {marker ? (
            <g transform={`translate(${LABEL_WIDTH + series.length * 150 - (series.length > 1 ? 0 : 150)}, 4)`}>
              <line x1="0" x2="12" y1="6" y2="6" stroke="#0f172a" strokeWidth="2" strokeDasharray="4 2" />
              <text x="16" y="11" fill="#0f172a">
                {marker.label}
              </text>
            </g>
          ) : null}
        </g>
      ) : null}
      <g aria-hidden="true" fontSize="12">
        {rows.map((row, r) => {
          const y = legendHeight + r * groupHeight;
          return (
            <g key={`${row.label}-${r}`} transform={`translate(0, ${y})`}>
              <text x={LABEL_WIDTH - 8} y={groupHeight / 2 + 2} textAnchor="end" fill="#0f172a">
                {shorten(row.label)}
              </text>
              {row.values.map((value, i) => (
                <g key={i} transform={`translate(${LABEL_WIDTH}, ${5 + i * BAR_HEIGHT})`}>
                  <rect width={Math.max(value ? 1 : 0, (value ?? 0) * scale)} height={BAR_HEIGHT - 3} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
                  <text x={(value ?? 0) * scale + 4} y={BAR_HEIGHT - 4} fill="#0f172a">
                    {formatNumber(value, locale)}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
        {marker ? (
          <line
            x1={LABEL_WIDTH + marker.value * scale}
            x2={LABEL_WIDTH + marker.value * scale}
            y1={legendHeight}
            y2={height - 4}
            stroke="#0f172a"
            strokeWidth="2"
            strokeDasharray="4 2"
          />
        ) : null}
      </g>
      <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={legendHeight} y2={height - 4} stroke="#475569" aria-hidden="true" />
    </svg>
  );
}

/** The figures behind a chart as a table (the text alternative and the version for screen readers and printing). */
export function DataTable(props: { caption: string; columns: string[]; rows: (string | number | null)[][]; locale: string; testId?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 w-full border-collapse text-left text-sm" data-testid={props.testId}>
        <caption className="text-left font-semibold">{props.caption}</caption>
        <thead>
          <tr className="border-b border-gray-400">
            {props.columns.map((c, i) => (
              <th key={c} scope="col" className={`p-2 ${i > 0 ? "text-right" : ""}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, r) => (
            <tr key={r} className="border-b border-gray-200">
              {row.map((value, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="p-2 font-normal">
                    {value}
                  </th>
                ) : (
                  <td key={i} className="p-2 text-right tabular-nums">
                    {typeof value === "number" ? formatNumber(value, props.locale) : (value ?? "–")}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One section of the dashboard: heading, chart (when there is something to draw), the table and the CSV link. */
export function InsightSection(props: { id: string; heading: string; intro?: string; csvHref: string | null; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation("insight");
  return (
    <section aria-labelledby={`${props.id}-heading`} className="mt-10" data-testid={`section-${props.id}`}>
      <h2 id={`${props.id}-heading`} className="text-2xl font-semibold">
        {props.heading}
      </h2>
      {props.intro ? <p className="mt-1 max-w-3xl">{props.intro}</p> : null}
      {props.empty ? <p className="mt-3 italic">{t("dashboard.sectionEmpty")}</p> : <div className="mt-3 space-y-3">{props.children}</div>}
      {props.csvHref ? (
        <p className="mt-3">
          <a href={props.csvHref} download>
            {t("dashboard.downloadCsv", { what: props.heading })}
          </a>
        </p>
      ) : null}
    </section>
  );
}
