import { http, HttpResponse } from "msw";

export const RESEND_API = "https://api.resend.com";

export type SentResendEmail = {
  id: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: { from: string; to: string | string[]; subject: string; html?: string; text?: string; tags?: { name: string; value: string }[] };
};

/** A stand-in for Resend's POST /emails: records what was sent, answers like Resend. */
export function createResendMock() {
  const sent: SentResendEmail[] = [];
  const byIdempotencyKey = new Map<string, string>();
  const batchesByIdempotencyKey = new Map<string, string[]>();
  const batches: { idempotencyKey: string | null; ids: string[] }[] = [];
  const handlers = [
    http.post(`${RESEND_API}/emails`, async ({ request }) => {
      const authorization = request.headers.get("authorization");
      if (!authorization?.startsWith("Bearer re_")) {
        return HttpResponse.json({ statusCode: 401, name: "missing_api_key", message: "Missing API key" }, { status: 401 });
      }
      const body = (await request.json()) as SentResendEmail["body"];
      if (!body.to || !body.subject || !body.from) {
        return HttpResponse.json({ statusCode: 422, name: "validation_error", message: "Missing `to`, `from` or `subject`" }, { status: 422 });
      }
      const idempotencyKey = request.headers.get("idempotency-key");
      const earlier = idempotencyKey ? byIdempotencyKey.get(idempotencyKey) : undefined;
      if (earlier) return HttpResponse.json({ id: earlier });
      const id = crypto.randomUUID();
      if (idempotencyKey) byIdempotencyKey.set(idempotencyKey, id);
      sent.push({ id, idempotencyKey, authorization, body });
      return HttpResponse.json({ id });
    }),
    // POST /emails/batch: up to 100 mails, all or none; the idempotency key covers the whole batch.
    http.post(`${RESEND_API}/emails/batch`, async ({ request }) => {
      const authorization = request.headers.get("authorization");
      if (!authorization?.startsWith("Bearer re_")) {
        return HttpResponse.json({ statusCode: 401, name: "missing_api_key", message: "Missing API key" }, { status: 401 });
      }
      const bodies = (await request.json()) as SentResendEmail["body"][];
      if (!Array.isArray(bodies) || bodies.length === 0 || bodies.length > 100 || bodies.some((b) => !b.to || !b.subject || !b.from)) {
        return HttpResponse.json({ statusCode: 422, name: "validation_error", message: "Invalid batch" }, { status: 422 });
      }
      const idempotencyKey = request.headers.get("idempotency-key");
      const earlier = idempotencyKey ? batchesByIdempotencyKey.get(idempotencyKey) : undefined;
      if (earlier) return HttpResponse.json({ data: earlier.map((id) => ({ id })) });
      const ids = bodies.map((body) => {
        const id = crypto.randomUUID();
        sent.push({ id, idempotencyKey: null, authorization, body });
        return id;
      });
      if (idempotencyKey) batchesByIdempotencyKey.set(idempotencyKey, ids);
      batches.push({ idempotencyKey, ids });
      return HttpResponse.json({ data: ids.map((id) => ({ id })) });
    }),
  ];
  return { handlers, sent, batches };
}

export const resendRateLimited = http.post(`${RESEND_API}/emails`, () =>
  HttpResponse.json(
    { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests. You can only make 2 requests per second." },
    { status: 429, headers: { "retry-after": "1" } },
  ),
);

export const resendServerError = http.post(`${RESEND_API}/emails`, () =>
  HttpResponse.json({ statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." }, { status: 500 }),
);
