import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asService, withUser, type Trx } from "~/db/client.server";
import { IdeaFormSchema } from "~/modules/ideas/idea-form-schema";
import { submitIdea } from "~/modules/ideas/submit-idea.server";
import { plainTextToRichTextState } from "~/modules/rich-text/plain-text";
import { demoUser, loadReference } from "../support/demo-data";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// One generated test: every table in schema public × every role × select/insert/update/delete,
// against a representative row that an employee of Asker (org A) owns. Each attempt runs in its
// own transaction that is rolled back, so no attempt changes what the next one sees.
//
// Cell notation: four characters for select, insert, update, delete; the letter (s, i, u, d)
// means allowed, "-" means denied.
//   allowed: the representative row is visible / the write affects exactly one row;
//   denied:  nothing visible / 0 rows affected / SQLSTATE 42501 (no privilege or RLS refused).
// Any other outcome (another error code) fails the test: the attempt itself is broken.
//
// The roles (demo data): colleague = another Asker employee; otherOrg = a Drammen employee; member and
// coordinator = of digi-asker, the network that owns the idea (both work in Asker, as in real life, so
// they may also do what any Asker employee may); partner = a partner viewer at USN; admin = platform admin
// employed at Drammen Helsepark.
// Cells worth knowing: the update attempts change content, so "-" for the coordinator on idea_comments
// (rewriting someone's words; hiding is a separate right) and on stories (a published story is frozen
// until unpublished) is the intended rule; story_trials is the Drammen story Asker tries, so Drammen
// and partners see it; a platform admin may record "same need" for their own organisation on any idea.

const ROLES = ["anonymous", "colleague", "otherOrg", "member", "coordinator", "partner", "admin"] as const;
type Role = (typeof ROLES)[number];
type Cell = string;

// prettier-ignore
const EXPECTED: Record<string, Record<Role, Cell>> = {
  // ---- reference data: everyone reads (signed-in for some), only platform admins write ----
  organisation_groups:        { anonymous: "s---", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "siud" },
  organisations:              { anonymous: "s---", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "siud" },
  organisation_group_members: { anonymous: "s---", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "siud" },
  organisation_domains:       { anonymous: "----", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "siud" },
  units:                      { anonymous: "----", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "siud" },
  themes:                     { anonymous: "s---", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "siud" },
  service_areas:              { anonymous: "s---", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "siud" },
  routing_rules:              { anonymous: "----", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "siud" },
  // ---- people and networks ----
  profiles:                   { anonymous: "----", colleague: "s---", otherOrg: "----", member: "s---", coordinator: "s---", partner: "----", admin: "siud" },
  networks:                   { anonymous: "s---", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s-u-", partner: "s---", admin: "siud" },
  network_members:            { anonymous: "----", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "siud", partner: "s---", admin: "siud" },
  // ---- the idea (visibility: organisation) and what hangs on it ----
  ideas:                      { anonymous: "----", colleague: "si--", otherOrg: "----", member: "siu-", coordinator: "siu-", partner: "----", admin: "s-ud" },
  idea_submitters:            { anonymous: "----", colleague: "s---", otherOrg: "----", member: "s---", coordinator: "s---", partner: "----", admin: "s---" },
  idea_number_counters:       { anonymous: "----", colleague: "----", otherOrg: "----", member: "----", coordinator: "----", partner: "----", admin: "----" },
  idea_drafts:                { anonymous: "----", colleague: "-i--", otherOrg: "-i--", member: "-i--", coordinator: "-i--", partner: "-i--", admin: "-i--" },
  idea_attachments:           { anonymous: "----", colleague: "s---", otherOrg: "----", member: "s---", coordinator: "s---", partner: "----", admin: "s---" },
  idea_events:                { anonymous: "----", colleague: "s---", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "s---" },
  outbox_messages:            { anonymous: "----", colleague: "----", otherOrg: "----", member: "----", coordinator: "----", partner: "----", admin: "----" },
  idea_supports:              { anonymous: "----", colleague: "si--", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "si--" },
  idea_answers:               { anonymous: "----", colleague: "s---", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "si--" },
  idea_internal_notes:        { anonymous: "----", colleague: "----", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "si--" },
  idea_evaluations:           { anonymous: "----", colleague: "----", otherOrg: "----", member: "siud", coordinator: "si--", partner: "----", admin: "s---" },
  reply_templates:            { anonymous: "----", colleague: "----", otherOrg: "----", member: "s---", coordinator: "siud", partner: "----", admin: "siud" },
  idea_transfers:             { anonymous: "----", colleague: "s---", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "si--" },
  idea_answer_feedback:       { anonymous: "----", colleague: "----", otherOrg: "----", member: "s---", coordinator: "s---", partner: "----", admin: "s---" },
  idea_contests:              { anonymous: "----", colleague: "----", otherOrg: "----", member: "s---", coordinator: "s---", partner: "----", admin: "s---" },
  idea_same_need:             { anonymous: "----", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "si--" },
  idea_follows:               { anonymous: "----", colleague: "-i--", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "-i--" },
  idea_comments:              { anonymous: "----", colleague: "si--", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "si--" },
  idea_comment_mentions:      { anonymous: "----", colleague: "si--", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "si--" },
  idea_cocreators:            { anonymous: "----", colleague: "-i--", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "si--" },
  // ---- notifications and SLA ----
  notifications:              { anonymous: "----", colleague: "----", otherOrg: "----", member: "----", coordinator: "----", partner: "----", admin: "----" },
  notification_preferences:   { anonymous: "----", colleague: "-i--", otherOrg: "-i--", member: "-i--", coordinator: "-i--", partner: "-i--", admin: "-i--" },
  sla_escalations:            { anonymous: "----", colleague: "----", otherOrg: "----", member: "s---", coordinator: "s---", partner: "----", admin: "s---" },
  // ---- success stories (visibility: organisation, published) ----
  stories:                    { anonymous: "----", colleague: "si--", otherOrg: "----", member: "si--", coordinator: "si--", partner: "----", admin: "s--d" },
  story_organisations:        { anonymous: "----", colleague: "s---", otherOrg: "----", member: "s---", coordinator: "s---", partner: "----", admin: "s---" },
  story_benefits:             { anonymous: "----", colleague: "s---", otherOrg: "----", member: "s---", coordinator: "s---", partner: "----", admin: "s---" },
  story_images:               { anonymous: "----", colleague: "s---", otherOrg: "----", member: "s---", coordinator: "s---", partner: "----", admin: "s---" },
  story_trials:               { anonymous: "----", colleague: "s---", otherOrg: "s---", member: "s---", coordinator: "s---", partner: "s---", admin: "s--d" },
  // ---- admin ----
  audit_log:                  { anonymous: "----", colleague: "----", otherOrg: "----", member: "----", coordinator: "s---", partner: "----", admin: "s---" },
  // ---- service-only tables ----
  login_tokens:               { anonymous: "----", colleague: "----", otherOrg: "----", member: "----", coordinator: "----", partner: "----", admin: "----" },
  rate_limits:                { anonymous: "----", colleague: "----", otherOrg: "----", member: "----", coordinator: "----", partner: "----", admin: "----" },
  mailbox_messages:           { anonymous: "----", colleague: "----", otherOrg: "----", member: "----", coordinator: "----", partner: "----", admin: "----" },
};

type Actor = { id: string; email: string; organisationId: string } | null;
type Json = Record<string, unknown>;
type TableSpec = {
  /** The representative row, created or found through the service path; returns its primary key values. */
  row: (trx: Trx) => Promise<Json>;
  /** The row this role tries to insert (may first do other work as the role in the same transaction). */
  insert: (trx: Trx, actor: Actor) => Promise<Json> | Json;
  /** The columns an update sets on the representative row. */
  update: Json;
  /** SQLSTATEs besides 42501 with which the table's own triggers refuse a caller (counted as denied). */
  refusals?: string[];
};

const unique = () => crypto.randomBytes(4).toString("hex");
const OP_LETTERS = ["s", "i", "u", "d"] as const;

let testDb: TestDatabase;
let actors: Record<Role, Actor>;
let owner: NonNullable<Actor>;
let ctx: {
  ideaId: string;
  partnerIdeaId: string;
  networkId: string;
  freshNetworkId: string;
  storyId: string;
  otherStoryId: string;
  commentId: string;
  ideaRow: Json;
  storyRow: Json;
  orgId: string;
  /** Rows the insert attempts refer to (made once: every attempt is rolled back). */
  spare: { groupId: string; authUserId: string; authUserEmail: string; profileId: string };
};

async function one<T extends Json>(trx: Trx, query: ReturnType<typeof sql<T>>) {
  const { rows } = await query.execute(trx);
  if (!rows[0]) throw new Error("the fixture query returned no row");
  return rows[0];
}

/** Inserts `values` into `table` (typed through the table's own row type) and returns the primary key. */
async function insertRow(trx: Trx, table: string, values: Json, pk: string[]) {
  const columns = Object.keys(values);
  const { rows } = await sql<Json>`
    insert into ${sql.table(`public.${table}`)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(columns.map((c) => sql.ref(c)))} from jsonb_populate_record(null::${sql.table(`public.${table}`)}, ${JSON.stringify(values)}::jsonb)
    returning ${sql.join(pk.map((c) => sql.ref(c)))}`.execute(trx);
  return rows[0]!;
}

const service = <T>(work: (trx: Trx) => Promise<T>) => asService("test: authorisation matrix fixtures", work);
const actorId = (actor: Actor) => actor?.id ?? owner.id; // anonymous callers pretend to be the owner

/** The answer Kari rated (set by the idea_answer_feedback fixture; some roles cannot read answers). */
let ratedAnswerId = "";

const SPECS: Record<string, TableSpec> = {
  organisation_groups: {
    row: (trx) => insertRow(trx, "organisation_groups", { slug: `matrise-${unique()}`, name: "Matrisesamarbeidet", kind: "partnership" }, ["id"]),
    insert: () => ({ slug: `ny-${unique()}`, name: "Nytt samarbeid", kind: "region" }),
    update: { name: "Omdøpt samarbeid" },
  },
  organisations: {
    row: (trx) => insertRow(trx, "organisations", { slug: `matrise-${unique()}`, name: "Matrise kommune", kind: "municipality" }, ["id"]),
    insert: () => ({ slug: `ny-${unique()}`, name: "Ny kommune", kind: "municipality" }),
    update: { name: "Omdøpt kommune" },
  },
  organisation_group_members: {
    row: async (trx) => {
      const group = await insertRow(trx, "organisation_groups", { slug: `g-${unique()}`, name: "Gruppe for matrisen", kind: "region" }, ["id"]);
      return insertRow(trx, "organisation_group_members", { group_id: group.id, organisation_id: ctx.orgId }, ["group_id", "organisation_id"]);
    },
    insert: () => ({ group_id: ctx.spare.groupId, organisation_id: ctx.orgId }),
    update: {},
  },
  organisation_domains: {
    row: (trx) => insertRow(trx, "organisation_domains", { domain: `m${unique()}.asker.example.no`, organisation_id: ctx.orgId }, ["domain"]),
    insert: () => ({ domain: `n${unique()}.asker.example.no`, organisation_id: ctx.orgId }),
    update: { organisation_id: "" }, // filled in beforeAll (another organisation)
  },
  units: {
    row: (trx) => insertRow(trx, "units", { organisation_id: ctx.orgId, name: `Hjemmetjenesten sone ${unique()}` }, ["id"]),
    insert: () => ({ organisation_id: ctx.orgId, name: `Ny virksomhet ${unique()}` }),
    update: { name: "Omdøpt virksomhet" },
  },
  themes: {
    row: (trx) => insertRow(trx, "themes", { slug: `tema-${unique()}`, name_nb: "Tema", name_nn: "Tema", name_en: "Theme" }, ["id"]),
    insert: () => ({ slug: `tema-${unique()}`, name_nb: "Nytt tema", name_nn: "Nytt tema", name_en: "New theme" }),
    update: { name_nb: "Omdøpt tema" },
  },
  service_areas: {
    row: (trx) => insertRow(trx, "service_areas", { slug: `omr-${unique()}`, name_nb: "Område", name_nn: "Område", name_en: "Area" }, ["id"]),
    insert: () => ({ slug: `omr-${unique()}`, name_nb: "Nytt område", name_nn: "Nytt område", name_en: "New area" }),
    update: { name_nb: "Omdøpt område" },
  },
  routing_rules: {
    row: (trx) =>
      insertRow(trx, "routing_rules", { position: 9000, name: "Matriseregel (inaktiv)", network_id: ctx.freshNetworkId, match_organisation_ids: [ctx.orgId], active: false }, ["id"]),
    insert: () => ({ position: 9001, name: "Ny regel (inaktiv)", network_id: ctx.freshNetworkId, match_organisation_ids: [ctx.orgId], active: false }),
    update: { name: "Omdøpt regel" },
  },
  profiles: {
    row: async (trx) => {
      const id = crypto.randomUUID();
      const email = `per.${unique()}@asker.example.no`;
      await trx.insertInto("auth.users").values({ id, email }).execute();
      return insertRow(trx, "profiles", { id, email, full_name: "Per Matrise", organisation_id: ctx.orgId, job_title: "Sykepleier", onboarded_at: new Date().toISOString() }, ["id"]);
    },
    // A profile for a signed-up auth user that has none yet.
    insert: () => ({ id: ctx.spare.authUserId, email: ctx.spare.authUserEmail, full_name: "Ny Ansatt", organisation_id: ctx.orgId }),
    update: { job_title: "Fagsykepleier" },
  },
  networks: {
    // A network without a history of ideas or stories (those cannot be deleted by anyone).
    row: async (trx) => {
      const network = await insertRow(trx, "networks", { slug: `tom-${unique()}`, name: "Tomt nettverk", kind: "municipal", owner_organisation_id: ctx.orgId }, ["id"]);
      await insertRow(trx, "network_members", { network_id: network.id, profile_id: actors.coordinator!.id, role: "coordinator" }, ["network_id"]);
      await insertRow(trx, "network_members", { network_id: network.id, profile_id: actors.member!.id, role: "member" }, ["network_id"]);
      return network;
    },
    insert: () => ({ slug: `nett-${unique()}`, name: "Nytt nettverk", kind: "municipal", owner_organisation_id: ctx.orgId }),
    update: { description: "Ny beskrivelse av nettverket." },
  },
  network_members: {
    row: async () => ({ network_id: ctx.freshNetworkId, profile_id: "" }), // filled in beforeAll (the member)
    // Adding a colleague who is not yet in the network.
    insert: () => ({ network_id: ctx.freshNetworkId, profile_id: ctx.spare.profileId, role: "member" }),
    update: { role: "member" },
  },
  ideas: {
    row: async () => ({ id: ctx.ideaId }),
    // Filing an idea on behalf of Asker (the representative idea's organisation).
    insert: () => ({ ...ctx.ideaRow, idempotency_key: crypto.randomUUID() }),
    update: { title: "Felles oppskrift for oppstart av medisindispensere" },
  },
  idea_submitters: {
    row: async () => ({ idea_id: ctx.ideaId }),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, submitter_id: actorId(actor), display_name: "Noen andre" }),
    update: { display_name: "Noen andre" },
  },
  idea_number_counters: {
    row: async (trx) => one(trx, sql<Json>`select year from public.idea_number_counters order by year desc limit 1`),
    insert: () => ({ year: 1999, last_value: 1 }),
    update: { last_value: 1 },
  },
  idea_drafts: {
    row: (trx) => insertRow(trx, "idea_drafts", { owner_id: owner.id, title: "Kladd om nattlige tilsyn", form_data: { title: "Kladd om nattlige tilsyn" } }, ["id"]),
    insert: (_trx, actor) => ({ owner_id: actorId(actor), title: "Min egen kladd", form_data: {} }),
    update: { title: "Endret kladd" },
  },
  idea_attachments: {
    row: (trx) =>
      insertRow(trx, "idea_attachments", { owner_id: owner.id, idea_id: ctx.ideaId, file_name: "rutine.pdf", content_type: "application/pdf", size_bytes: 1200, storage_key: `ideas/${ctx.ideaId}/${unique()}` }, ["id"]),
    insert: (_trx, actor) => ({ owner_id: actorId(actor), idea_id: ctx.ideaId, file_name: "mitt.pdf", content_type: "application/pdf", size_bytes: 10, storage_key: `ideas/${ctx.ideaId}/${unique()}` }),
    update: { file_name: "omdøpt.pdf" },
  },
  idea_events: {
    row: async (trx) => one(trx, sql<Json>`select id from public.idea_events where idea_id = ${ctx.ideaId} and kind = 'submitted'`),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, kind: "edited", actor_id: actorId(actor), data: {} }),
    update: { data: { rewritten: true } },
  },
  outbox_messages: {
    row: async (trx) => one(trx, sql<Json>`select id from public.outbox_messages where payload ->> 'ideaId' = ${ctx.ideaId} and kind = 'idea_receipt'`),
    insert: (_trx, actor) => ({ kind: "idea_receipt", recipient_email: "hvemsomhelst@example.no", payload: { ideaId: ctx.ideaId }, idempotency_key: `matrise:${actorId(actor)}:${unique()}` }),
    update: { status: "sent" },
  },
  idea_supports: {
    row: (trx) => insertRow(trx, "idea_supports", { idea_id: ctx.ideaId, profile_id: owner.id }, ["idea_id", "profile_id"]),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, profile_id: actorId(actor) }),
    update: { created_at: "2026-01-01T00:00:00Z" },
  },
  idea_answers: {
    row: async (trx) => one(trx, sql<Json>`select id from public.idea_answers where idea_id = ${ctx.ideaId} order by created_at limit 1`),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, author_id: actorId(actor), to_status: "insight", body: "Vi henter inn mer innsikt fra sonene før vi går videre." }),
    update: { body: "Omskrevet svar til innsenderen, som ikke skal kunne endres." },
  },
  idea_internal_notes: {
    row: async (trx) => one(trx, sql<Json>`select id from public.idea_internal_notes where idea_id = ${ctx.ideaId} limit 1`),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, author_id: actorId(actor), body: "Sjekk med IKT om dispenserne kan kobles til Gerica." }),
    update: { body: "Endret notat" },
  },
  idea_evaluations: {
    row: async () => ({ idea_id: ctx.ideaId, evaluator_id: actors.member!.id, criterion: "useful" }),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, evaluator_id: actorId(actor), criterion: "feasibility", score: 3 }),
    update: { score: 5 },
  },
  reply_templates: {
    row: (trx) => insertRow(trx, "reply_templates", { network_id: ctx.networkId, title: "Til vurdering", body: "Takk! Vi ser på forslaget i neste nettverksmøte.", to_status: "under_review" }, ["id"]),
    insert: () => ({ network_id: ctx.networkId, title: "Ny mal", body: "En ny svarmal med nok tekst til å bli godtatt." }),
    update: { title: "Omdøpt mal" },
  },
  idea_transfers: {
    row: async (trx) => one(trx, sql<Json>`select id from public.idea_transfers where idea_id = ${ctx.ideaId} limit 1`),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, from_network_id: ctx.networkId, to_network_id: ctx.freshNetworkId, reason: "Passer bedre i det nye nettverket.", transferred_by: actorId(actor) }),
    update: { reason: "Omskrevet begrunnelse for overføringen." },
  },
  idea_answer_feedback: {
    // Kari (the submitter, not one of the roles) rated the first answer; nobody else may rate it.
    row: async (trx) => {
      const answer = await one(trx, sql<Json>`select id from public.idea_answers where idea_id = ${ctx.ideaId} order by created_at limit 1`);
      ratedAnswerId = String(answer.id);
      return insertRow(trx, "idea_answer_feedback", { answer_id: answer.id, author_id: owner.id, clear: false, comment: "Hva betyr det?" }, ["id"]);
    },
    insert: () => ({ answer_id: ratedAnswerId, clear: true }),
    update: { clear: true },
  },
  idea_contests: {
    // The network declines the idea and Kari contests it, which reopens it (status under_review again).
    row: async (trx) => {
      await insertRow(trx, "idea_answers", { idea_id: ctx.ideaId, author_id: actors.coordinator!.id, to_status: "not_prioritised", body: "Vi prioriterer ikke dette nå." }, ["id"]);
      return insertRow(trx, "idea_contests", { idea_id: ctx.ideaId, author_id: owner.id, body: "Behovet er større enn dere tror." }, ["id"]);
    },
    insert: () => ({ idea_id: ctx.ideaId, body: "Jeg vil bestride avgjørelsen." }),
    update: { body: "Omskrevet begrunnelse som ikke skal kunne endres." },
  },
  idea_same_need: {
    // Asker has the same need as a Drammen idea shared with partners.
    row: (trx) => insertRow(trx, "idea_same_need", { idea_id: ctx.partnerIdeaId, organisation_id: ctx.orgId, profile_id: owner.id, note: "Vi har samme utfordring i Asker." }, ["id"]),
    // Each role reports the same need, for its own organisation, on Asker's organisation-only idea.
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, organisation_id: actor?.organisationId ?? ctx.orgId, profile_id: actorId(actor), note: "Samme behov hos oss." }),
    update: { note: "Endret notat om samme behov." },
  },
  idea_follows: {
    row: async () => ({ idea_id: ctx.ideaId, profile_id: owner.id }),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, profile_id: actorId(actor) }),
    update: { created_at: "2026-01-01T00:00:00Z" },
  },
  idea_comments: {
    row: async () => ({ id: ctx.commentId }),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, author_id: actorId(actor), body: "Dette har vi også prøvd, og det fungerte fint." }),
    update: { body: "Endret kommentar fra en annen." },
  },
  idea_comment_mentions: {
    row: async (trx) => one(trx, sql<Json>`select comment_id, profile_id from public.idea_comment_mentions where comment_id = ${ctx.commentId}`),
    // Mentions are written with one's own new comment; mentioning the idea's owner.
    insert: async (trx, actor) => {
      const comment = await insertRow(trx, "idea_comments", { idea_id: ctx.ideaId, author_id: actorId(actor), body: "Hva tenker du om dette?" }, ["id"]);
      return { comment_id: comment.id, profile_id: owner.id };
    },
    update: { created_at: "2026-01-01T00:00:00Z" },
  },
  idea_cocreators: {
    row: async (trx) => one(trx, sql<Json>`select id from public.idea_cocreators where idea_id = ${ctx.ideaId} limit 1`),
    insert: (_trx, actor) => ({ idea_id: ctx.ideaId, profile_id: actorId(actor), kind: "request", message: "Jeg vil gjerne være med." }),
    update: { status: "accepted" },
    // The prepare trigger answers "unknown idea" to someone who cannot see the idea (it does not confirm it exists).
    refusals: ["23503"],
  },
  notifications: {
    row: async (trx) => one(trx, sql<Json>`select id from public.notifications where recipient_id = ${owner.id} order by created_at limit 1`),
    insert: (_trx, actor) => ({ recipient_id: actorId(actor), kind: "idea_answered", title_key: "answer.title", values: {} }),
    update: { read_at: "2026-01-01T00:00:00Z" },
  },
  notification_preferences: {
    row: (trx) => insertRow(trx, "notification_preferences", { profile_id: owner.id, email_mode: "daily_digest" }, ["profile_id"]),
    insert: (_trx, actor) => ({ profile_id: actorId(actor), email_mode: "off" }),
    update: { email_mode: "off" },
  },
  sla_escalations: {
    row: (trx) => insertRow(trx, "sla_escalations", { idea_id: ctx.ideaId, level: "owner_reminder", due_at: new Date().toISOString() }, ["id"]),
    insert: () => ({ idea_id: ctx.ideaId, level: "admins", due_at: new Date().toISOString() }),
    update: { level: "admins" },
  },
  stories: {
    row: async () => ({ id: ctx.storyId }),
    // A new draft story written in Asker's name.
    insert: (_trx, actor) => ({ ...ctx.storyRow, slug: `ny-historie-${unique()}`, status: "draft", author_id: actorId(actor), contact_profile_id: null, published_at: null, first_published_at: null }),
    update: { summary: "En omskrevet oppsummering av historien, lang nok til å gjelde." },
  },
  story_organisations: {
    row: async () => ({ story_id: ctx.storyId, organisation_id: ctx.orgId }),
    insert: (_trx, actor) => ({ story_id: ctx.storyId, organisation_id: actor?.organisationId ?? ctx.orgId }),
    update: {},
  },
  story_benefits: {
    row: (trx) => insertRow(trx, "story_benefits", { story_id: ctx.storyId, position: 0, indicator: "Fall per måned", unit: "count", baseline: 9, after: 5, category: "fewer_falls" }, ["id"]),
    insert: () => ({ story_id: ctx.storyId, position: 1, indicator: "Kjørte km", unit: "km", baseline: 100, after: 10, category: "less_driving" }),
    update: { after: 1 },
  },
  story_images: {
    row: (trx) => insertRow(trx, "story_images", { story_id: ctx.storyId, position: 0, alt_text: "Sensor på veggen ved sengen", content_type: "image/png", size_bytes: 2000, storage_key: `stories/${unique()}` }, ["id"]),
    insert: () => ({ story_id: ctx.storyId, position: 1, alt_text: "Et annet bilde", content_type: "image/png", size_bytes: 10, storage_key: `stories/${unique()}` }),
    update: { alt_text: "Endret alternativ tekst" },
  },
  story_trials: {
    // Asker tries a Drammen story (shared with partners).
    row: (trx) => insertRow(trx, "story_trials", { story_id: ctx.otherStoryId, organisation_id: ctx.orgId, idea_id: ctx.ideaId, profile_id: owner.id }, ["id"]),
    // Trying Asker's own organisation-only story (only another organisation may try a story).
    insert: (_trx, actor) => ({ story_id: ctx.storyId, organisation_id: actor?.organisationId ?? ctx.orgId, profile_id: actorId(actor) }),
    update: { created_at: "2026-01-01T00:00:00Z" },
  },
  audit_log: {
    row: async (trx) =>
      one(trx, sql<Json>`select id from public.audit_log where network_id = ${ctx.networkId} order by id desc limit 1`).catch(() =>
        insertRow(trx, "audit_log", { actor_id: actors.coordinator!.id, action: "network.update", target_table: "networks", target_id: ctx.networkId, network_id: ctx.networkId }, ["id"]),
      ),
    insert: (_trx, actor) => ({ actor_id: actorId(actor), action: "network.update", target_table: "networks", network_id: ctx.networkId }),
    update: { action: "network.delete" },
  },
  login_tokens: {
    row: (trx) =>
      insertRow(trx, "login_tokens", { email: owner.email, link_token_hash: unique(), code_hash: unique(), expires_at: new Date(Date.now() + 600_000).toISOString() }, ["id"]),
    insert: () => ({ email: owner.email, link_token_hash: unique(), code_hash: unique(), expires_at: new Date(Date.now() + 600_000).toISOString() }),
    update: { attempts: 0 },
  },
  rate_limits: {
    row: (trx) => insertRow(trx, "rate_limits", { key: `matrise:${unique()}`, points: 1 }, ["key"]),
    insert: () => ({ key: `matrise:${unique()}`, points: 0 }),
    update: { points: 0 },
  },
  mailbox_messages: {
    row: (trx) => insertRow(trx, "mailbox_messages", { to_address: owner.email, subject: "Kvittering", html: "<p>Takk</p>", text: "Takk" }, ["id"]),
    insert: () => ({ to_address: "noen@example.no", subject: "Falsk", html: "<p>x</p>", text: "x" }),
    update: { subject: "Endret" },
  },
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  await testDb.seedDemoData();
  const ref = await loadReference(testDb.db);
  const kari = await demoUser(testDb.db, "kari.nordby@asker.example.no");
  owner = kari;
  const load = (email: string) => demoUser(testDb.db, email);
  actors = {
    anonymous: null,
    colleague: await load("hilde.strand@asker.example.no"),
    otherOrg: await load("ahmed.rahimi@drammen.example.no"),
    member: await load("ingrid.solberg@asker.example.no"), // member of digi-asker
    coordinator: await load("marius.bakken@asker.example.no"), // coordinator of digi-asker
    partner: await load("lars.oien@usn.example.no"), // partner viewer
    admin: await load("vigdis.ruud@drammen-helsepark.example.no"), // platform admin
  };
  const networkId = ref.network("digi-asker");
  const proposal = plainTextToRichTextState("Lag en felles sjekkliste for oppstart av medisindispensere i alle soner.");
  const ideaInput = (overrides: Json) =>
    IdeaFormSchema.parse({
      idempotencyKey: crypto.randomUUID(),
      title: "Felles oppskrift for medisindispensere",
      problem: "Hver sone gjør oppstarten av medisindispensere på sin egen måte.",
      beneficiaries: ["users_and_relatives"],
      serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
      themeId: ref.theme("mestringsteknologi"),
      privacyConfirmed: "on",
      ...overrides,
    });
  // The representative idea: Kari's, shared only within Asker, routed to digi-asker.
  const idea = await submitIdea({ user: kari, input: ideaInput({ visibility: "organisation" }), proposal });
  const ahmed = actors.otherOrg!;
  const partnerIdea = await submitIdea({
    user: await load("ahmed.rahimi@drammen.example.no"),
    input: ideaInput({ title: "Nattlig digitalt tilsyn i Drammen", visibility: "partners" }),
    proposal,
  });
  expect(ahmed.organisationId).not.toBe(kari.organisationId);

  ctx = {
    ideaId: idea.ideaId,
    partnerIdeaId: partnerIdea.ideaId,
    networkId,
    freshNetworkId: "",
    storyId: "",
    otherStoryId: "90000000-0000-4000-8000-000000000002", // Drammen, published, partners
    commentId: "",
    ideaRow: {},
    storyRow: {},
    orgId: kari.organisationId,
    spare: { groupId: "", authUserId: crypto.randomUUID(), authUserEmail: `ny.${unique()}@asker.example.no`, profileId: "" },
  };

  await service(async (trx) => {
    const group = await insertRow(trx, "organisation_groups", { slug: `g-${unique()}`, name: "Annen gruppe", kind: "region" }, ["id"]);
    ctx.spare.groupId = String(group.id);
    await trx.insertInto("auth.users").values({ id: ctx.spare.authUserId, email: ctx.spare.authUserEmail }).execute();
    const astridForSpare = await trx.selectFrom("profiles").select("id").where("email", "=", "astrid.hovland@asker.example.no").executeTakeFirstOrThrow();
    ctx.spare.profileId = astridForSpare.id;
    // A second network of Asker's with the same member and coordinator (safe to delete in an attempt).
    const fresh = await insertRow(trx, "networks", { slug: `matrise-${unique()}`, name: "Matrisenettverket", kind: "municipal", owner_organisation_id: ctx.orgId }, ["id"]);
    ctx.freshNetworkId = String(fresh.id);
    await insertRow(trx, "network_members", { network_id: fresh.id, profile_id: actors.coordinator!.id, role: "coordinator" }, ["network_id"]);
    await insertRow(trx, "network_members", { network_id: fresh.id, profile_id: actors.member!.id, role: "member" }, ["network_id"]);

    // Triage work on the idea: an answer, an internal note, an evaluation, an accepted transfer back and forth is
    // more than needed; one transfer record is kept by inserting it directly (the apply trigger moves the idea).
    await insertRow(trx, "idea_answers", { idea_id: ctx.ideaId, author_id: actors.coordinator!.id, to_status: "under_review", body: "Takk for forslaget! Vi vurderer det i neste møte." }, ["id"]);
    await insertRow(trx, "idea_internal_notes", { idea_id: ctx.ideaId, author_id: actors.coordinator!.id, body: "Kan kobles til arbeidet med Gerica." }, ["id"]);
    await insertRow(trx, "idea_evaluations", { idea_id: ctx.ideaId, evaluator_id: actors.member!.id, criterion: "useful", score: 4 }, ["idea_id"]);

    const comment = await insertRow(trx, "idea_comments", { idea_id: ctx.ideaId, author_id: owner.id, body: "Hilde, har dere en sjekkliste fra før?" }, ["id"]);
    ctx.commentId = String(comment.id);
    await insertRow(trx, "idea_comment_mentions", { comment_id: comment.id, profile_id: actors.colleague!.id }, ["comment_id"]);
    const astrid = await trx.selectFrom("profiles").select("id").where("email", "=", "astrid.hovland@asker.example.no").executeTakeFirstOrThrow();
    await insertRow(trx, "idea_cocreators", { idea_id: ctx.ideaId, profile_id: astrid.id, kind: "invitation", invited_by: owner.id, message: "Vil du skrive med meg?" }, ["id"]);

    ctx.ideaRow = await one(
      trx,
      sql<Json>`select organisation_id, unit_id, network_id, title, problem, proposal_json, proposal_html, proposal_text, theme_id,
        service_area_ids, visibility, privacy_confirmed_at, first_answer_due_at from public.ideas where id = ${ctx.ideaId}`,
    );

    const story = {
      slug: `fallsensor-matrise-${unique()}`,
      status: "published",
      visibility: "organisation",
      organisation_id: ctx.orgId,
      network_id: networkId,
      author_id: owner.id,
      title: "Fallsensorer på korttidsavdelingen",
      summary: "Korttidsavdelingen satte opp fallsensorer på ti rom, og fallene gikk ned.",
      body_json: plainTextToRichTextState("Sensorene varsler når en beboer står opp."),
      body_html: "<p>Sensorene varsler når en beboer står opp.</p>",
      body_text: "Sensorene varsler når en beboer står opp.",
      what_changed: "Sensorvarsel i stedet for faste runder.",
      theme_id: ref.theme("trygghetsskapende-teknologi"),
      service_area_ids: [ref.serviceArea("sykehjem")],
      contact_name: "Kari Nordby",
      contact_email: owner.email,
      published_at: new Date().toISOString(),
      first_published_at: new Date().toISOString(),
    };
    const created = await insertRow(trx, "stories", story, ["id"]);
    ctx.storyId = String(created.id);
    ctx.storyRow = { ...story, published_at: null, first_published_at: null };
  });

  // A transfer to the fresh network and back, so that a transfer record exists and the idea stays in digi-asker.
  await service(async (trx) => {
    await insertRow(trx, "idea_transfers", { idea_id: ctx.ideaId, from_network_id: networkId, to_network_id: ctx.freshNetworkId, reason: "Prøver det nye nettverket først.", transferred_by: actors.coordinator!.id }, ["id"]);
  });
  await service(async (trx) => {
    await insertRow(trx, "idea_transfers", { idea_id: ctx.ideaId, from_network_id: ctx.freshNetworkId, to_network_id: networkId, reason: "Tilbake til digi-asker likevel.", transferred_by: actors.coordinator!.id }, ["id"]);
  });

  SPECS.organisation_domains!.update = { organisation_id: ahmed.organisationId };
  const memberId = actors.member!.id;
  SPECS.network_members!.row = async () => ({ network_id: ctx.freshNetworkId, profile_id: memberId });
});

afterAll(async () => {
  await testDb?.close();
});

class Rollback extends Error {}

type Outcome = { allowed: boolean } | { error: string };

async function attempt(role: Role, refusals: string[], work: (trx: Trx) => Promise<bigint | number>): Promise<Outcome> {
  const actor = actors[role];
  let outcome: Outcome = { error: "no outcome" };
  try {
    await testDb.db.transaction().execute(async (trx) => {
      const claims = actor ? { sub: actor.id, email: actor.email, role: "authenticated" } : { role: "anon" };
      await sql`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', ${actor ? "authenticated" : "anon"}, true)`.execute(trx);
      try {
        const count = Number(await work(trx));
        outcome = count === 1 ? { allowed: true } : count === 0 ? { allowed: false } : { error: `${count} rows affected` };
      } catch (error) {
        const code = (error as { code?: string }).code;
        outcome = code === "42501" || (code && refusals.includes(code)) ? { allowed: false } : { error: `${code ?? "?"}: ${(error as Error).message}` };
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome;
}

function keyMatch(table: string, key: Json) {
  const columns = Object.keys(key);
  return sql`(${sql.join(columns.map((c) => sql.ref(c)))}) = (select ${sql.join(columns.map((c) => sql.ref(c)))}
    from jsonb_populate_record(null::${sql.table(`public.${table}`)}, ${JSON.stringify(key)}::jsonb))`;
}

async function tryOperation(table: string, op: (typeof OP_LETTERS)[number], role: Role, key: Json): Promise<Outcome> {
  const spec = SPECS[table]!;
  const target = sql.table(`public.${table}`);
  return attempt(role, spec.refusals ?? [], async (trx) => {
    if (op === "s") {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${target} where ${keyMatch(table, key)}`.execute(trx);
      return rows[0]!.n;
    }
    if (op === "i") {
      const values = await spec.insert(trx, actors[role]);
      const columns = Object.keys(values);
      const result = await sql`insert into ${target} (${sql.join(columns.map((c) => sql.ref(c)))})
        select ${sql.join(columns.map((c) => sql.ref(c)))} from jsonb_populate_record(null::${target}, ${JSON.stringify(values)}::jsonb)`.execute(trx);
      return result.numAffectedRows ?? 0n;
    }
    if (op === "u") {
      // A table without updatable columns (a pure link) is "updated" by setting its key to itself.
      const values = Object.keys(spec.update).length > 0 ? spec.update : key;
      const columns = Object.keys(values);
      const result = await sql`update ${target} set (${sql.join(columns.map((c) => sql.ref(c)))}) =
        (select ${sql.join(columns.map((c) => sql.ref(c)))} from jsonb_populate_record(null::${target}, ${JSON.stringify(values)}::jsonb))
        where ${keyMatch(table, key)}`.execute(trx);
      return result.numAffectedRows ?? 0n;
    }
    const result = await sql`delete from ${target} where ${keyMatch(table, key)}`.execute(trx);
    return result.numAffectedRows ?? 0n;
  });
}

describe("authorisation matrix", () => {
  it("grants exactly the expected select/insert/update/delete to every role on every table in schema public", async () => {
    const { rows: tables } = await sql<{ name: string }>`
      select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by 1`.execute(testDb.db);
    expect(tables.length).toBeGreaterThan(30);

    const missing = tables.map((t) => t.name).filter((name) => !EXPECTED[name] || !SPECS[name]);
    expect(missing.map((name) => `add ${name} to the matrix (EXPECTED and SPECS in tests/integration/authorization-matrix.test.ts)`)).toEqual([]);
    const stale = Object.keys(EXPECTED).filter((name) => !tables.some((t) => t.name === name));
    expect(stale.map((name) => `${name} is in the matrix but not in the database`)).toEqual([]);

    const observed: Record<string, Record<Role, Cell>> = {};
    const problems: string[] = [];
    for (const { name: table } of tables) {
      const key = await service((trx) => SPECS[table]!.row(trx));
      observed[table] = {} as Record<Role, Cell>;
      for (const role of ROLES) {
        let cell = "";
        for (const op of OP_LETTERS) {
          const outcome = await tryOperation(table, op, role, key);
          if ("error" in outcome) {
            problems.push(`${table} / ${role} / ${op}: ${outcome.error}`);
            cell += "?";
          } else {
            cell += outcome.allowed ? op : "-";
          }
        }
        observed[table]![role] = cell;
      }
    }
    const differences = Object.entries(observed).flatMap(([table, byRole]) =>
      ROLES.filter((role) => byRole[role] !== EXPECTED[table]?.[role]).map(
        (role) => `${table.padEnd(27)} ${role.padEnd(12)} expected ${EXPECTED[table]?.[role]} got ${byRole[role]}`,
      ),
    );
    expect({ problems, differences }).toEqual({ problems: [], differences: [] });
  });
});
