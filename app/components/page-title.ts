import type { MetaDescriptor } from "@remix-run/node";

export const PRODUCT_NAME = "HelseHub Idéhub";

/** `<title>` for a page: "Page – HelseHub Idéhub", or the product name alone. */
export function pageTitle(title?: string | null): MetaDescriptor[] {
  return [{ title: title ? `${title} – ${PRODUCT_NAME}` : PRODUCT_NAME }];
}
