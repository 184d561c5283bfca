import { DOMParser } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitUserSession } from "~/modules/auth/session.server";
import * as feedRoute from "~/routes/historier.feed[.]xml";
import * as galleryPage from "~/routes/historier._index";
import * as storyPage from "~/routes/historier.$slug._index";
import * as reviewRoute from "~/routes/historier.$slug.vurder";
import * as newStoryPage from "~/routes/historier.ny";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { APP_URL, CookieJar, expectRedirect, routeArgs, settle, useTestEnv } from "./auth-helpers";
import { service } from "./stories-support";

let testDb: TestDatabase;
let ref: Awaited<ReturnType<typeof loadReference>>;
const PUBLIC_DEMO = "digitalt-tilsyn-om-natta-demo";
const PARTNERS_DEMO = "elektronisk-medisindispenser-demo";
const ASKER_ONLY_DEMO = "fallsensor-korttidsavdeling-demo";
const IN_REVIEW_DEMO = "videooppfolging-etter-utskrivning-demo";

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  await useTestEnv();
  ref = await loadReference(testDb.db);
});
afterAll(async () => {
  await testDb.close();
});

async function signIn(email: string) {
  const user = await demoUser(testDb.db, email);
  const jar = new CookieJar();
  jar.store(new Headers({ "Set-Cookie": await commitUserSession(new Request(APP_URL), user) }));
  return jar;
}
const anonymous = new CookieJar();
type Returned = { data: Record<string, unknown>; init: { status?: number } | null };

describe("/historier/feed.xml", () => {
  it("is a valid Atom feed of public stories only", async () => {
    const response = (await feedRoute.loader(routeArgs(anonymous.get("/historier/feed.xml")))) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const feed = doc.documentElement as unknown as Element;
    expect(feed.tagName).toBe("feed");
    expect(feed.getAttribute("xmlns")).toBe("http://www.w3.org/2005/Atom");
    const child = (parent: Element, name: string) => [...parent.children].filter((c) => c.tagName === name);
    for (const required of ["id", "title", "updated", "author"]) expect(child(feed, required), required).toHaveLength(1);
    expect(child(child(feed, "author")[0]!, "name")[0]!.textContent).toBe("HelseHub Idéhub");
    expect(child(feed, "link").find((l) => l.getAttribute("rel") === "self")!.getAttribute("href")).toBe(`${APP_URL}/historier/feed.xml`);
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
    expect(child(feed, "updated")[0]!.textContent).toMatch(rfc3339);
    const entries = child(feed, "entry");
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    for (const required of ["id", "title", "updated", "summary", "link"]) expect(child(entry, required), required).toHaveLength(1);
    expect(child(entry, "id")[0]!.textContent).toBe(`${APP_URL}/historier/${PUBLIC_DEMO}`);
    expect(child(entry, "updated")[0]!.textContent).toMatch(rfc3339);
    expect(child(entry, "link")[0]!.getAttribute("href")).toBe(`${APP_URL}/historier/${PUBLIC_DEMO}`);
    expect(xml).not.toContain(PARTNERS_DEMO);
    expect(xml).not.toContain(ASKER_ONLY_DEMO);
  });

  it("escapes markup in titles so the feed stays well-formed", async () => {
    await service((trx) => trx.updateTable("stories").set({ title: "Tilsyn <natt> & «dag»" }).where("slug", "=", PUBLIC_DEMO).execute());
    const xml = await ((await feedRoute.loader(routeArgs(anonymous.get("/historier/feed.xml")))) as Response).text();
    expect(xml).toContain("<title type=\"text\">Tilsyn &lt;natt&gt; &amp; «dag»</title>");
    await service((trx) => trx.updateTable("stories").set({ title: "Digitalt tilsyn om natta i hjemmetjenesten" }).where("slug", "=", PUBLIC_DEMO).execute());
  });
});

describe("/historier (gallery)", () => {
  type Gallery = Awaited<ReturnType<typeof galleryPage.loader>>;
  const open = async (jar: CookieJar, search = "") => (await galleryPage.loader(routeArgs(jar.get(`/historier${search}`)))) as Gallery;

  it("shows signed-out visitors the public stories and their benefit totals only", async () => {
    const page = await open(anonymous);
    expect(page.signedIn).toBe(false);
    expect(page.hits.map((h) => h.slug)).toEqual([PUBLIC_DEMO]);
    expect(page.totals.find((c) => c.category === "less_driving")!.totals).toEqual([
      { indicator: "Kjørte km per uke", unit: "km", baseline: "420", after: "260", change: "−160", stories: 1 },
    ]);
  });

  it("shows partners the stories shared with them, filtered by the URL, with totals over the same set", async () => {
    const jar = await signIn("ahmed.rahimi@drammen.example.no");
    const all = await open(jar);
    expect(all.hits.map((h) => h.slug).sort()).toEqual([PARTNERS_DEMO, PUBLIC_DEMO].sort());
    // The km rows of both stories add up; Asker's own-organisation story is not in Drammen's totals.
    expect(all.totals.find((c) => c.category === "less_driving")!.totals[0]).toMatchObject({ baseline: "800", after: "560", stories: 2 });
    const safety = await open(jar, "?gevinst=patient_safety");
    expect(safety.hits.map((h) => h.slug)).toEqual([PARTNERS_DEMO]);
    const kongsberg = await open(jar, "?organisasjon=responssenteret");
    expect(kongsberg.hits.map((h) => h.slug)).toEqual([PUBLIC_DEMO]);
    expect(kongsberg.organisationName).toBe("Responssenteret i Kongsbergregionen");
    const region = await open(jar, "?region=kongsbergregionen&q=tilsyn");
    expect(region.hits.map((h) => h.slug)).toEqual([PUBLIC_DEMO]);
    const bad = await open(jar, "?tema=finnes-ikke&gevinst=alt&side=x");
    expect(bad.notices.sort()).toEqual(["gallery.notice.badFilter", "gallery.notice.badPage"].sort());
    expect(bad.total).toBe(2);
  });
});

describe("/historier/:slug", () => {
  type StoryData = Awaited<ReturnType<typeof storyPage.loader>>;
  it("gives a public story Open Graph tags, and hides a partners-only story from visitors with a 404", async () => {
    const data = (await storyPage.loader(routeArgs(anonymous.get(`/historier/${PUBLIC_DEMO}`), { slug: PUBLIC_DEMO }))) as StoryData;
    expect(data.story.contactEmail).toBeNull();
    const meta = storyPage.meta({ data } as unknown as Parameters<typeof storyPage.meta>[0]) as Record<string, string>[];
    const og = (property: string) => meta.find((m) => m.property === property)?.content;
    expect(og("og:title")).toBe("Digitalt tilsyn om natta i hjemmetjenesten");
    expect(og("og:url")).toBe(`${APP_URL}/historier/${PUBLIC_DEMO}`);
    expect(og("og:type")).toBe("article");
    expect(og("og:description")).toContain("420 til 260 km");
    const hidden = await settle(storyPage.loader(routeArgs(anonymous.get(`/historier/${PARTNERS_DEMO}`), { slug: PARTNERS_DEMO })));
    expect((hidden as Response).status).toBe(404);
    const jar = await signIn("ahmed.rahimi@drammen.example.no");
    const partners = (await storyPage.loader(routeArgs(jar.get(`/historier/${PARTNERS_DEMO}`), { slug: PARTNERS_DEMO }))) as StoryData;
    expect(partners.og).toBeNull();
    expect(storyPage.meta({ data: partners } as unknown as Parameters<typeof storyPage.meta>[0]).some((m) => "property" in m)).toBe(false);
  });
});

describe("posting forms", () => {
  it("refuses a publish request from someone who may not publish, and changes nothing", async () => {
    const jar = await signIn("eirik.sandvik@lier.example.no"); // the author of the story under review
    const result = (await reviewRoute.action(routeArgs(jar.post(`/historier/${IN_REVIEW_DEMO}/vurder`, { intent: "publish" }), { slug: IN_REVIEW_DEMO }))) as unknown as Returned;
    expect(result.init?.status).toBe(403);
    expect(result.data).toMatchObject({ feedback: { formErrors: ["errors.story_not_reviewer"] } });
    const row = await service((trx) => trx.selectFrom("stories").select("status").where("slug", "=", IN_REVIEW_DEMO).executeTakeFirstOrThrow());
    expect(row.status).toBe("ready_for_review");
    const coordinator = await signIn("anne.lise.brekke@lier.example.no");
    const missing = (await reviewRoute.action(routeArgs(coordinator.post(`/historier/${IN_REVIEW_DEMO}/vurder`, { intent: "return", comment: "" }), { slug: IN_REVIEW_DEMO }))) as unknown as Returned;
    expect(missing.init?.status).toBe(400);
    expect(missing.data).toMatchObject({ feedback: { fieldErrors: { comment: ["status.errors.commentRequired"] } } });
    const published = expectRedirect(await settle(reviewRoute.action(routeArgs(coordinator.post(`/historier/${IN_REVIEW_DEMO}/vurder`, { intent: "publish" }), { slug: IN_REVIEW_DEMO }))));
    expect(published.headers.get("Location")).toBe(`/historier/${IN_REVIEW_DEMO}?melding=published`);
  });

  it("returns every message with the text as typed when the story form is wrong, and saves nothing", async () => {
    const jar = await signIn("kari.nordby@asker.example.no");
    const before = await service((trx) => trx.selectFrom("stories").select("id").execute());
    const form = {
      intent: "submit",
      title: "Min historie om dispensere",
      summary: "For kort",
      bodyText: "Vi gjorde mye bra arbeid i tre måneder med dispensere.",
      whatChanged: "Besøkene endret seg mye.",
      themeId: ref.theme("mestringsteknologi"),
      serviceAreaIds: ref.serviceArea("hjemmetjenester"),
      visibility: "partners",
      contactEmail: "kari.nordby@asker.example.no",
      "benefits[0].indicator": "Avvik i medisinhåndtering",
      "benefits[0].unit": "count",
      "benefits[0].baseline": "atten",
      "benefits[0].after": "-4",
      "benefits[0].category": "patient_safety",
    };
    const result = (await newStoryPage.action(routeArgs(jar.post("/historier/ny", form)))) as unknown as Returned;
    expect(result.init?.status).toBe(400);
    const data = result.data as { result: { error: Record<string, string[]> }; values: { title: string; benefits: { baseline: string }[] }; body: string };
    expect(data.result.error).toMatchObject({
      summary: ["form.errors.summaryTooShort"],
      "benefits[0].baseline": ["form.errors.valueNotNumber"],
      "benefits[0].after": ["form.errors.valueNegative"],
    });
    expect(data.values.title).toBe("Min historie om dispensere");
    expect(data.values.benefits[0]!.baseline).toBe("atten");
    expect(data.body).toBe("Vi gjorde mye bra arbeid i tre måneder med dispensere.");
    expect((await service((trx) => trx.selectFrom("stories").select("id").execute())).length).toBe(before.length);
  });
});
