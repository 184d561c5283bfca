import crypto from "node:crypto";

/** Signs in a demo profile with the demo form (demo mode) and returns its session cookie. */
export async function signInDemoProfile(base: string, profileId: string) {
  const response = await fetch(`${base}/logg-inn?index`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "demo", profileId, redirectTo: "/" }).toString(),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error(`demo sign-in gave no cookie (status ${response.status})`);
  return cookie;
}

export type BurstForm = { key: string; person: number; body: string };
export type BurstResult = { key: string; status: number | null; location: string | null; error?: string };

export const receiptPath = /^\/ideer\/(IDE-\d{4}-\d{4,})\/kvittering$/;

/** `count` complete idea forms, each with its own idempotency key, spread over `people` submitters. */
export function ideaForms(count: number, people: number, ids: { theme: string; area: string }): BurstForm[] {
  return Array.from({ length: count }, (_, i) => {
    const key = crypto.randomUUID();
    const fields: [string, string][] = [
      ["intent", "submit"],
      ["idempotencyKey", key],
      ["title", `Digitalt tilsyn om natten, forslag nr. ${i + 1}`],
      ["problem", "Nattevakten kjører langt for å se til brukere som sover, og vekker dem ofte."],
      ["proposalText", "Vi prøver kamera med bevegelsessensor hos fem brukere i tre måneder."],
      ["beneficiaries", "users_and_relatives"],
      ["serviceAreaIds", ids.area],
      ["themeId", ids.theme],
      ["visibility", "partners"],
      ["privacyConfirmed", "on"],
    ];
    return { key, person: i % people, body: new URLSearchParams(fields).toString() };
  });
}

export async function postIdea(base: string, form: BurstForm, cookie: string): Promise<BurstResult> {
  try {
    const response = await fetch(`${base}/ideer/ny`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: base, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: form.body,
    });
    await response.arrayBuffer();
    return { key: form.key, status: response.status, location: response.headers.get("location") };
  } catch (error) {
    return { key: form.key, status: null, location: null, error: (error as Error).message };
  }
}

/** Sends every form at once and calls `onAnswer` with the number of answers so far after each one. */
export async function burst(base: string, forms: BurstForm[], cookies: string[], onAnswer: (answered: number) => void) {
  let answered = 0;
  const started = performance.now();
  const results = await Promise.all(
    forms.map((form) =>
      postIdea(base, form, cookies[form.person]!).then((result) => {
        answered += 1;
        onAnswer(answered);
        return result;
      }),
    ),
  );
  const confirmed = results.filter((r) => (r.status === 303 || r.status === 302) && receiptPath.test(r.location ?? ""));
  return {
    ms: performance.now() - started,
    confirmed,
    otherAnswers: results.filter((r) => r.status !== null && !confirmed.includes(r)),
    lost: results.filter((r) => r.status === null),
  };
}

/** Sends the same forms again, 50 at a time (a browser retry, or the user pressing the button again). */
export async function resend(base: string, forms: BurstForm[], cookies: string[]) {
  const retried: BurstResult[] = [];
  for (let i = 0; i < forms.length; i += 50) {
    retried.push(...(await Promise.all(forms.slice(i, i + 50).map((form) => postIdea(base, form, cookies[form.person]!)))));
  }
  return retried;
}
