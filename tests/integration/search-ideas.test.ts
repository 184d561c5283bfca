import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService } from "~/db/client.server";
import { searchIdeas } from "~/modules/search/search-ideas.server";
import { PAGE_SIZE } from "~/modules/search/search-query-schema";
import { demoUser } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { query, seedIdea } from "./search-support";

let testDb: TestDatabase;

const KARI = "kari.nordby@asker.example.no"; // Asker, no network
const HILDE = "hilde.strand@asker.example.no"; // Asker
const AHMED = "ahmed.rahimi@drammen.example.no"; // Drammen
const EMILY = "emily.carter@drammen.example.no"; // Drammen
const RAGNHILD = "ragnhild.kvisla@al.example.no"; // Ål (Hallingdal)
const MARIA = "maria.haugen@lier.example.no"; // Lier

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
});
afterAll(async () => {
  await testDb.close();
});

async function search(email: string, search: string) {
  return searchIdeas({ user: await demoUser(testDb.db, email), query: query(search) });
}
const titles = (result: Awaited<ReturnType<typeof search>>) => result.hits.map((h) => h.title);

describe("full-text search", () => {
  it("ranks a title match above a match in the body", async () => {
    await seedIdea(testDb.db, { submitter: AHMED, title: "Bedre rutiner for nattevakter", problem: "Vi trenger en rangeringsord-løsning i hele kommunen for alle." });
    await seedIdea(testDb.db, { submitter: AHMED, title: "Rangeringsord i hjemmetjenesten", problem: "Noe helt annet enn det tittelen sier om saken." });
    const result = await search(KARI, "q=rangeringsord");
    expect(result.mode).toBe("all_words");
    expect(result.sort).toBe("relevance");
    expect(titles(result)).toEqual(["Rangeringsord i hjemmetjenesten", "Bedre rutiner for nattevakter"]);
  });

  it("stems Norwegian words: 'medisindispensere' finds 'medisindispenser'", async () => {
    const result = await search(KARI, "q=medisindispensere");
    expect(titles(result)).toContain("Felles sjekkliste for oppstart av medisindispenser");
  });

  it("matches prefixes: 'velferdstek' finds velferdsteknologi", async () => {
    const result = await search(KARI, "q=velferdstek");
    expect(titles(result)).toContain("Simuleringstrening før vi tar i bruk ny velferdsteknologi");
  });

  it("requires every word first, and falls back to any word when that finds nothing", async () => {
    const all = await search(KARI, "q=sjekkliste+medisindispenser");
    expect(all.mode).toBe("all_words");
    expect(titles(all)).toEqual(["Felles sjekkliste for oppstart av medisindispenser"]);
    const any = await search(KARI, "q=medisindispenser+simuleringstrening");
    expect(any.mode).toBe("any_word");
    expect(titles(any)).toEqual(expect.arrayContaining(["Felles sjekkliste for oppstart av medisindispenser", "Simuleringstrening før vi tar i bruk ny velferdsteknologi"]));
  });

  it("corrects a misspelt word to the nearest word ideas contain: 'medisindispensr'", async () => {
    const result = await search(KARI, "q=medisindispensr");
    expect(result.mode).toBe("corrected");
    expect(result.correctedWords).toEqual(["medisindispenser"]);
    expect(titles(result)[0]).toBe("Felles sjekkliste for oppstart av medisindispenser");
    // Words that are right stay as typed; only the misspelt one changes.
    const two = await search(KARI, "q=sjekkliste+medisindispensr");
    expect(two.mode).toBe("corrected");
    expect(two.correctedWords).toEqual(["sjekkliste", "medisindispenser"]);
    expect(titles(two)).toEqual(["Felles sjekkliste for oppstart av medisindispenser"]);
    const right = await search(KARI, "q=medisindispenser");
    expect(right.correctedWords).toBeNull();
  });

  it("learns the words of new ideas, and falls back to similar titles for words it does not know", async () => {
    await seedIdea(testDb.db, { submitter: AHMED, title: "Nattlampesensor som varsler ved fall" });
    const learnt = await search(KARI, "q=nattlampesenor");
    expect(learnt.mode).toBe("corrected");
    expect(learnt.correctedWords).toEqual(["nattlampesensor"]);
    expect(titles(learnt)).toEqual(["Nattlampesensor som varsler ved fall"]);
    await asService("test: forget a word", (trx) => sql`delete from app_private.search_terms where term = 'nattlampesensor'`.execute(trx), testDb.db);
    const fallback = await search(KARI, "q=nattlampesenor");
    expect(fallback.mode).toBe("similar_title");
    expect(fallback.correctedWords).toBeNull();
    expect(titles(fallback)[0]).toBe("Nattlampesensor som varsler ved fall");
  });

  it("finds nothing sensible for gibberish, with zero counts", async () => {
    const result = await search(KARI, "q=qqxzzyq");
    expect(result.total).toBe(0);
    expect(result.hits).toEqual([]);
    expect(result.pageCount).toBe(1);
  });
});

describe("hostile search strings", () => {
  const hostile = [
    "&",
    "|",
    "!",
    ":*",
    "'",
    '"',
    "\\",
    "(",
    ")",
    "<->",
    "medisin & | ! dispenser",
    "sensor:* & !'",
    "'; drop table public.ideas; --",
    "a <-> b <2> c",
    "(((((",
    "\\\\' \" \\x00",
    "ÆØÅ æøå 💥 ​",
    "x".repeat(5000),
    "ord ".repeat(500),
    "velferds-teknologi!!!",
    "%_%",
    "*:*",
  ];
  it.each(hostile)("never throws for %j", async (text) => {
    const params = new URLSearchParams({ q: text });
    const result = await search(KARI, params.toString());
    expect(result.total).toBeGreaterThanOrEqual(0);
    expect(result.hits.length).toBeLessThanOrEqual(PAGE_SIZE);
  });

  it("treats syntax characters as separators: 'sjekkliste&medisindispenser' matches both words", async () => {
    const result = await search(KARI, new URLSearchParams({ q: "sjekkliste&!medisindispenser:*" }).toString());
    expect(titles(result)).toEqual(["Felles sjekkliste for oppstart av medisindispenser"]);
  });
});

describe("filters", () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const a = await seedIdea(testDb.db, { submitter: KARI, title: "Filterprøve Asker hjemme", theme: "mestringsteknologi", areas: ["hjemmetjenester"], supporters: [HILDE] });
    const b = await seedIdea(testDb.db, { submitter: AHMED, title: "Filterprøve Drammen sykehjem", theme: "e-helse-fagsystem", areas: ["sykehjem"], status: "piloting" });
    const c = await seedIdea(testDb.db, { submitter: RAGNHILD, title: "Filterprøve Ål forsinket", areas: ["rehabilitering"], daysAgo: 30 });
    const d = await seedIdea(testDb.db, { submitter: MARIA, title: "Filterprøve Lier trukket", status: "withdrawn" });
    const e = await seedIdea(testDb.db, { submitter: AHMED, title: "Filterprøve Drammen slått sammen", status: "merged" });
    ids = { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id };
  });
  const found = async (email: string, params: string) => (await search(email, `q=filterprøve&${params}`)).hits.map((h) => h.id);

  it("leaves merged and withdrawn ideas out unless the status filter asks for them", async () => {
    expect(new Set(await found(KARI, ""))).toEqual(new Set([ids.a, ids.b, ids.c]));
    expect(new Set(await found(KARI, "status=withdrawn&status=merged"))).toEqual(new Set([ids.d, ids.e]));
  });

  it("filters by several statuses", async () => {
    expect(new Set(await found(KARI, "status=piloting&status=received"))).toEqual(new Set([ids.a, ids.b, ids.c]));
    expect(await found(KARI, "status=piloting")).toEqual([ids.b]);
  });

  it("filters by network, organisation, region, service area and theme", async () => {
    expect(await found(KARI, "nettverk=digi-drammen")).toEqual([ids.b]);
    expect(await found(KARI, "organisasjon=asker")).toEqual([ids.a]);
    expect(await found(KARI, "region=hallingdal")).toEqual([ids.c]);
    expect(await found(KARI, "tjenesteomrade=sykehjem")).toEqual([ids.b]);
    expect(await found(KARI, "tema=e-helse-fagsystem")).toEqual([ids.b]);
    expect(await found(KARI, "organisasjon=asker&tema=e-helse-fagsystem")).toEqual([]);
  });

  it("filters overdue ideas (next answer past due)", async () => {
    expect(await found(KARI, "forsinket=1")).toEqual([ids.c]);
  });

  it("filters ideas I support and ideas I submitted", async () => {
    expect(await found(HILDE, "stottet=1")).toEqual([ids.a]);
    expect(await found(KARI, "stottet=1")).toEqual([]);
    expect(await found(KARI, "mine=1")).toEqual([ids.a]);
    expect(await found(AHMED, "mine=1")).toEqual([ids.b]);
  });

  it("counts ideas per status with the other filters applied", async () => {
    const result = await search(KARI, "q=filterprøve");
    expect(result.total).toBe(3);
    expect(result.statusCounts).toMatchObject({ received: 2, piloting: 1, withdrawn: 1, merged: 1, new_practice: 0 });
  });
});

describe("sorting", () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const old = await seedIdea(testDb.db, { submitter: KARI, title: "Sorteringsprøve gammel", daysAgo: 10, supporters: [HILDE, AHMED] });
    const mid = await seedIdea(testDb.db, { submitter: KARI, title: "Sorteringsprøve midten", daysAgo: 5, status: "new_practice", supporters: [HILDE, AHMED, EMILY] });
    const fresh = await seedIdea(testDb.db, { submitter: KARI, title: "Sorteringsprøve ny", daysAgo: 1 });
    // Touched last: the most recently updated.
    await asService("test: touch", (trx) => sql`update public.ideas set stop_doing = 'Noe' where id = ${old.id}::uuid`.execute(trx), testDb.db);
    ids = { old: old.id, mid: mid.id, fresh: fresh.id };
  });
  const order = async (sort: string) => (await search(KARI, `q=sorteringsprøve&sorter=${sort}`)).hits.map((h) => h.id);

  it("sorts by newest, most supported, recently updated and answer due", async () => {
    expect(await order("nyeste")).toEqual([ids.fresh, ids.mid, ids.old]);
    expect(await order("mest-stottet")).toEqual([ids.mid, ids.old, ids.fresh]);
    expect((await order("oppdatert"))[0]).toBe(ids.old);
    // Open ideas by when their next answer is due, soonest first; closed ideas (no due date) last.
    expect(await order("svarfrist")).toEqual([ids.old, ids.fresh, ids.mid]);
  });

  it("defaults to newest without text and to relevance with text", async () => {
    expect((await search(KARI, "")).sort).toBe("newest");
    expect((await search(KARI, "q=sorteringsprøve")).sort).toBe("relevance");
    expect((await search(KARI, "q=sorteringsprøve&sorter=nyeste")).sort).toBe("newest");
  });

  it("returns support counts and due dates on the hits", async () => {
    const hits = (await search(KARI, "q=sorteringsprøve")).hits;
    expect(hits.find((h) => h.id === ids.mid)).toMatchObject({ supportCount: 3, answerDueAt: null, status: "new_practice" });
    expect(hits.find((h) => h.id === ids.old)!.answerDueAt).toBeInstanceOf(Date);
  });
});

describe("pagination", () => {
  beforeAll(async () => {
    for (let i = 0; i < PAGE_SIZE * 2 + 1; i++) {
      await seedIdea(testDb.db, { submitter: EMILY, title: `Sidebytteprøve nummer ${i}`, daysAgo: i });
    }
  });

  it("pages by 20 with a total and a page count, and clamps a page past the end to the last", async () => {
    const first = await search(KARI, "q=sidebytteprøve&sorter=nyeste");
    expect(first).toMatchObject({ total: 41, page: 1, pageCount: 3 });
    expect(first.hits).toHaveLength(20);
    const second = await search(KARI, "q=sidebytteprøve&sorter=nyeste&side=2");
    expect(second.hits).toHaveLength(20);
    expect(second.hits[0]!.title).toBe("Sidebytteprøve nummer 20");
    const last = await search(KARI, "q=sidebytteprøve&sorter=nyeste&side=3");
    expect(last.hits.map((h) => h.title)).toEqual(["Sidebytteprøve nummer 40"]);
    const beyond = await search(KARI, "q=sidebytteprøve&sorter=nyeste&side=99");
    expect(beyond).toMatchObject({ page: 3, pageCount: 3 });
    expect(beyond.hits).toHaveLength(1);
    const all = [first, second, last].flatMap((r) => r.hits.map((h) => h.id));
    expect(new Set(all).size).toBe(41);
    // Without text too: a page past the end of the list shows the last page's ideas.
    const list = await search(KARI, "sorter=nyeste");
    const listBeyond = await search(KARI, `sorter=nyeste&side=${list.pageCount + 5}`);
    expect(listBeyond).toMatchObject({ page: list.pageCount, pageCount: list.pageCount, total: list.total });
    expect(listBeyond.hits.length).toBe(list.total - (list.pageCount - 1) * 20);
  });
});

describe("row-level security", () => {
  it("hides an organisation-only idea of Drammen from an Asker user, in results and in counts", async () => {
    await seedIdea(testDb.db, { submitter: AHMED, title: "Hemmelighetsprøve kun for Drammen", visibility: "organisation" });
    await seedIdea(testDb.db, { submitter: AHMED, title: "Hemmelighetsprøve for alle partnere" });
    const asker = await search(KARI, "q=hemmelighetsprøve");
    expect(titles(asker)).toEqual(["Hemmelighetsprøve for alle partnere"]);
    expect(asker.total).toBe(1);
    expect(asker.statusCounts.received).toBe(1);
    const drammen = await search(EMILY, "q=hemmelighetsprøve");
    expect(drammen.total).toBe(2);
    // Not even as a typo fallback.
    const typo = await search(KARI, "q=hemmelighetsprove+kun+drammn");
    expect(titles(typo)).not.toContain("Hemmelighetsprøve kun for Drammen");
  });

  it("never corrects to a word that only ideas the user may not see contain", async () => {
    await seedIdea(testDb.db, { submitter: AHMED, title: "Skjultordprøve i Drammen", problem: "Kodeordet drammenshemmelighet står bare her.", visibility: "organisation" });
    const asker = await search(KARI, "q=drammenshemmelihet");
    expect(asker.total).toBe(0);
    expect(asker.correctedWords).toBeNull();
    expect(asker.mode).not.toBe("corrected");
    const drammen = await search(EMILY, "q=drammenshemmelihet");
    expect(drammen.mode).toBe("corrected");
    expect(drammen.correctedWords).toEqual(["drammenshemmelighet"]);
    expect(titles(drammen)).toEqual(["Skjultordprøve i Drammen"]);
  });
});
