import { http, HttpResponse } from "msw";

export const RESEND_API = "https://api.resend.com";

export type SentResendEmail = {
  id: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: { from: string; to: string | string[]; subject: string; html?: string; text?: string; tags?: { name: string; value: string }[] };
};

const lostAnswer = () =>
  HttpResponse.json({ statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." }, { status: 500 });
const keyReusedWithOtherContent = () =>
  HttpResponse.json(
    { statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key used with a different request payload." },
    { status: 409 },
  );

/**
 * A stand-in for Resend's POST /emails and /emails/batch: records what was sent and answers like
 * Resend, idempotency included (a repeat with the same key and content gets the first answer and
 * sends nothing; the same key with other content is a 409). `loseAnswers(n)`: the next n requests
 * are carried out but answered 500, as when the answer is lost on the way back.
 */
export function createResendMock() {
  const sent: SentResendEmail[] = [];
  const byIdempotencyKey = new Map<string, { id: string; content: string }>();
  const batchesByIdempotencyKey = new Map<string, { ids: string[]; content: string }>();
  const batches: { idempotencyKey: string | null; ids: string[] }[] = [];
  let answersToLose = 0;
  const answer = (body: object) => {
    if (answersToLose > 0) {
      answersToLose -= 1;
      return lostAnswer();
    }
    return HttpResponse.json(body);
  };
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
      const content = JSON.stringify(body);
      const earlier = idempotencyKey ? byIdempotencyKey.get(idempotencyKey) : undefined;
      if (earlier) return earlier.content === content ? answer({ id: earlier.id }) : keyReusedWithOtherContent();
      const id = crypto.randomUUID();
      if (idempotencyKey) byIdempotencyKey.set(idempotencyKey, { id, content });
      sent.push({ id, idempotencyKey, authorization, body });
      return answer({ id });
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
      const content = JSON.stringify(bodies);
      const earlier = idempotencyKey ? batchesByIdempotencyKey.get(idempotencyKey) : undefined;
      if (earlier) return earlier.content === content ? answer({ data: earlier.ids.map((id) => ({ id })) }) : keyReusedWithOtherContent();
      const ids = bodies.map((body) => {
        const id = crypto.randomUUID();
        sent.push({ id, idempotencyKey: null, authorization, body });
        return id;
      });
      if (idempotencyKey) batchesByIdempotencyKey.set(idempotencyKey, { ids, content });
      batches.push({ idempotencyKey, ids });
      return answer({ data: ids.map((id) => ({ id })) });
    }),
  ];
  return {
    handlers,
    sent,
    batches,
    loseAnswers(count: number) {
      answersToLose = count;
    },
    /** Forgets everything (between tests). */
    reset() {
      sent.length = 0;
      batches.length = 0;
      byIdempotencyKey.clear();
      batchesByIdempotencyKey.clear();
      answersToLose = 0;
    },
  };
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
