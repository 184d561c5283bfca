/*
 * E-mail domains of Norwegian public bodies that HelseHub staff write to in their work. An address at
 * one of these (or a subdomain, e.g. asker.kommune.no) is not a private address.
 * The user's own organisation domains are passed in separately.
 */
export const PUBLIC_SECTOR_EMAIL_DOMAINS: readonly string[] = [
  "kommune.no",
  "fylkeskommune.no",
  "dep.no",
  "regjeringen.no",
  "statsforvalteren.no",
  "nav.no",
  "helsedir.no",
  "helsedirektoratet.no",
  "ehelse.no",
  "fhi.no",
  "nhn.no",
  "helsenorge.no",
  "helsetilsynet.no",
  "digdir.no",
  "ks.no",
  "usn.no",
  "vestreviken.no",
  "helse-sorost.no",
  "sthf.no",
  "ahus.no",
  "oslo-universitetssykehus.no",
  "sykehuset-innlandet.no",
  "sykehuset-telemark.no",
  "sihf.no",
];
