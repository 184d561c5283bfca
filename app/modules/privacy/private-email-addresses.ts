import { PUBLIC_SECTOR_EMAIL_DOMAINS } from "./public-sector-email-domains";
import type { TextMatch } from "./text-match";

export type PrivateEmailOptions = {
  /** Domains of the user's own organisation, e.g. ["asker.kommune.no"]; subdomains count too. */
  organisationDomains?: readonly string[];
};

export type EmailMatch = TextMatch & { domain: string };

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,})(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/gu;

function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
}

function isAtOrUnder(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/**
 * E-mail addresses that are neither at the user's organisation nor at a known public body — most often
 * a private address (gmail.com, hotmail.com, outlook.com, online.no, icloud.com, yahoo.*) that may
 * belong to a patient, user or relative.
 */
export function findPrivateEmailAddresses(text: string, options: PrivateEmailOptions = {}): EmailMatch[] {
  const trusted = [...(options.organisationDomains ?? []), ...PUBLIC_SECTOR_EMAIL_DOMAINS]
    .map(normaliseDomain)
    .filter((domain) => domain.length > 0);
  const found: EmailMatch[] = [];
  for (const match of text.matchAll(EMAIL)) {
    const [address, rawDomain] = match;
    const domain = normaliseDomain(rawDomain);
    if (trusted.some((parent) => isAtOrUnder(domain, parent))) continue;
    found.push({
      start: match.index,
      end: match.index + address.length,
      masked: `${address.slice(0, 1)}***@${domain}`,
      domain,
    });
  }
  return found;
}
