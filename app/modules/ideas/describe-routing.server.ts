import type { Trx } from "~/db/client.server";
import type { Locale, RoutingExplanation } from "~/db/schema";

/** One sentence of "why it went there": a key in the `ideas` namespace and its values. */
export type RoutingReason = {
  key: "routing.fallback" | "routing.organisation" | "routing.groups" | "routing.theme" | "routing.serviceAreas" | "routing.several";
  values: Record<string, string>;
};

export type RoutingDescription = { networkName: string; reasons: RoutingReason[] };

type DescribeRoutingOptions = {
  networkId: string;
  /** The submitting organisation (a group rule names it, though the stored explanation does not). */
  organisationId: string;
  explanation: RoutingExplanation;
  locale: Locale;
};

const intlLocale: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

function nameIn(locale: Locale, row: { name_nb: string; name_nn: string; name_en: string }) {
  return locale === "nn" ? row.name_nn : locale === "en" ? row.name_en : row.name_nb;
}

function quote(locale: Locale, name: string) {
  return locale === "en" ? `“${name}”` : `«${name}»`;
}

function joinNames(locale: Locale, names: string[]) {
  return new Intl.ListFormat(intlLocale[locale], { type: "conjunction" }).format(names);
}

/**
 * The network an idea went to and why, in plain words for the submitter: shared by the web receipt
 * and the receipt e-mail. Translate each reason with `t(reason.key, { ns: "ideas", ...reason.values })`.
 * Reads only reference tables every signed-in user may read, so it works inside withUser and asService.
 */
export async function describeRouting(trx: Trx, { networkId, organisationId, explanation, locale }: DescribeRoutingOptions): Promise<RoutingDescription> {
  const network = await trx.selectFrom("networks").select("name").where("id", "=", networkId).executeTakeFirstOrThrow();
  const organisation = await trx
    .selectFrom("organisations")
    .select("name")
    .where("id", "=", explanation.organisationId ?? organisationId)
    .executeTakeFirst();
  const organisationName = organisation?.name ?? "";

  if (explanation.kind === "fallback") {
    return { networkName: network.name, reasons: [{ key: "routing.fallback", values: { organisation: organisationName } }] };
  }

  const reasons: RoutingReason[] = [];
  if (explanation.organisationId) {
    reasons.push({ key: "routing.organisation", values: { organisation: organisationName } });
  }
  if (explanation.groupIds?.length) {
    const groups = await trx.selectFrom("organisation_groups").select("name").where("id", "in", explanation.groupIds).orderBy("name").execute();
    if (groups.length > 0) {
      reasons.push({ key: "routing.groups", values: { organisation: organisationName, groups: joinNames(locale, groups.map((g) => g.name)) } });
    }
  }
  if (explanation.themeId) {
    const theme = await trx
      .selectFrom("themes")
      .select(["name_nb", "name_nn", "name_en"])
      .where("id", "=", explanation.themeId)
      .executeTakeFirst();
    if (theme) reasons.push({ key: "routing.theme", values: { theme: quote(locale, nameIn(locale, theme)) } });
  }
  if (explanation.serviceAreaIds?.length) {
    const areas = await trx
      .selectFrom("service_areas")
      .select(["name_nb", "name_nn", "name_en"])
      .where("id", "in", explanation.serviceAreaIds)
      .orderBy("sort_order")
      .execute();
    if (areas.length > 0) {
      const names = areas.map((a) => quote(locale, nameIn(locale, a)));
      reasons.push({ key: "routing.serviceAreas", values: { serviceAreas: joinNames(locale, names) } });
    }
  }
  if (explanation.several) reasons.push({ key: "routing.several", values: {} });
  return { networkName: network.name, reasons };
}
