import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { shouldHydrate } from "./components/hydration";
import { NonceProvider } from "./components/nonce";
import { getI18nInstance, getRequestLocale } from "./i18n/i18n.server";
import { applySecurityHeaders, nonceFrom } from "./utils/security-headers.server";

export { startServerServices, stopServerServices, webConcurrency } from "./server-startup.server";
export { securityLoadContext, securityMiddleware, trustProxySetting } from "./modules/security/security-middleware.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = nonceFrom(loadContext);
  const locale = await getRequestLocale(request);
  const i18n = await getI18nInstance(locale);

  const page = (
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>
  );

  // The loaders have all run by now and no page defers data, so there is nothing to stream: the
  // whole document is sent in one write with a Content-Length (React would otherwise hand the
  // socket a few dozen 2 KB chunks per page). A read page ships no scripts, so nothing in it can
  // suspend: it is rendered straight into a string, which skips the stream renderer's encoding of
  // every piece of markup into byte chunks (about 1.4 ms of a list view's ~12 ms in Node).
  const handles = remixContext.staticHandlerContext.matches.map((match) => remixContext.routeModules[match.route.id]?.handle);
  if (!shouldHydrate(handles)) {
    const body = Buffer.from(`<!DOCTYPE html>${renderToString(page)}`);
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    responseHeaders.set("Content-Length", String(body.byteLength));
    applySecurityHeaders(responseHeaders, nonce);
    return new Response(body, { headers: responseHeaders, status: responseStatusCode });
  }
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      onShellReady() {
        shellRendered = true;
      },
      onAllReady() {
        const chunks: Buffer[] = [];
        const sink = new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
        });
        sink.on("finish", () => {
          const body = Buffer.concat(chunks);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Content-Length", String(body.byteLength));
          applySecurityHeaders(responseHeaders, nonce);
          resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        });
        pipe(sink);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Logged for operators; the page shown to the user never contains it.
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error("[request error]", request.method, new URL(request.url).pathname, error);
}
