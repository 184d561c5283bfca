// Benchmark data set: many ideas (with comments, supports, answers, follows and timeline events) and
// success stories, written set-based on top of the demo data (supabase/seed.sql) in one transaction.
//
// Why not through the app or row by row: 100 000 submissions through the triggers take far too long.
// Instead the service role inserts with `session_replication_role = replica` (triggers off for this
// transaction only) and computes everything the triggers would have written itself: routing
// (route_idea), numbers and public ids, the first-answer deadline in working days (the SQL calendar
// from the insight migration), answers chained from status to status, the idea's status and answer
// clock following its answers, timeline events, follows, the owning organisation of each story.
// Generated columns (search vectors) are computed by Postgres as usual. Historical notifications and
// e-mails are not generated (they would have been delivered long ago). `checkDataset` verifies the
// result; tests/integration/bench-generator.test.ts runs it on a small data set.
//
// All text is invented demo text composed from the domain vocabulary; all people are invented and use
// <organisation-slug>.example.no addresses.

const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
const arr = (items) => `array[${items.map(q).join(", ")}]::text[]`;

export const VOCABULARY = {
  prefixes: [
    "Felles rutine for", "Bedre opplæring i", "Prøve ut", "Sjekkliste for oppstart av", "Bruke", "Digital oppfølging med",
    "Færre turer med", "Superbrukere for", "Kortere vei til", "Ny praksis for", "Simuleringstrening med", "Felles mal for",
  ],
  topics: [
    "trygghetsalarm", "digitalt tilsyn", "elektronisk medisindispenser", "digital hjemmeoppfølging (DHO)", "Gerica",
    "fallalarm", "dørsensor", "GPS-lokalisering", "videokonsultasjon", "e-læring", "Teams-møter", "eLink",
    "pasientvarslingsanlegg", "sensorteknologi", "digitale kalendere", "egenmålinger", "Profil", "smarthusløsninger",
  ],
  contexts: [
    "i hjemmesykepleien", "på sykehjemmet", "om natta", "for nyansatte", "ved utskrivning fra sykehus", "i praktisk bistand",
    "på korttidsavdelingen", "i rus og psykisk helse", "på helsestasjonen", "i bofellesskapet", "på legevakten", "i rehabiliteringen",
  ],
  problems: [
    "Vi bruker mye tid på {t}, og rutinene er ulike fra sone til sone.",
    "Mange kolleger er usikre på {t} og er redde for å trykke feil.",
    "Opplæringen i {t} skjer ofte mens vi står hos brukeren, og det går utover kvaliteten.",
    "Vi har {t}, men løsningen er ikke utnyttet fullt ut fordi få vet hva den kan.",
    "Det kommer ofte avvik i overgangen når {t} tas i bruk, og brukere og pårørende får ulik informasjon.",
    "Nattpatruljen kjører lange runder, og {t} kunne spart mange besøk.",
    "Vi mangler oversikt over hvem som har {t}, og det tar tid å finne ut av det i en travel vakt.",
    "Nye medarbeidere får lite opplæring i {t}, og det er stor turnover.",
  ],
  proposals: [
    "Lage en felles rutine og en kort opplæringsvideo om {t} som alle enheter bruker.",
    "Prøve {t} i tre måneder hos brukere som samtykker, med nullpunktsmåling før oppstart.",
    "Superbrukere viser {t} på personalmøter, og vi legger det inn i introduksjonsprogrammet.",
    "Samarbeide med Responssenteret om {t}, med en tydelig plan for hvem som rykker ut.",
    "Ta i bruk {t} og slutte med de faste besøkene som ikke trengs.",
    "Sette av en workshop med simulering før {t} rulles ut, med realistiske scenarier.",
  ],
  stopDoing: [
    "Faste nattlige tilsynsbesøk hos brukere som sover godt.", "Egne lokale rutiner i hver sone.",
    "Papirskjemaer som skrives av i journalen etterpå.", "Telefonrunder for å flytte timer.", null, null,
  ],
  comments: [
    "Vi har samme utfordring hos oss, og vil gjerne høre hvordan det går.",
    "Dette prøvde vi i fjor. Det viktigste var forankring hos ledelsen og opplæring før oppstart.",
    "Godt forslag! Husk samtykke og en plan for hva som skjer når det varsler.",
    "Kan vi ta dette opp i nettverksmøtet neste måned?",
    "Superbrukerne hos oss kan gjerne bidra med opplæringen.",
    "Hvor mye koster det per bruker i måneden?",
  ],
  answers: {
    under_review: "Takk for forslaget! Nettverket har tatt det inn til vurdering, og vi kommer tilbake med mer innen to måneder.",
    anchoring: "Forslaget er forankret hos virksomhetsleder, og vi setter av tid til å se nærmere på behovet.",
    insight: "Vi henter inn innsikt fra ansatte, brukere og pårørende før vi bestemmer løsning.",
    service_development: "Vi utvikler løsningen sammen med superbrukerne og lager rutiner og opplæring.",
    piloting: "Vi prøver løsningen i en pilot på én enhet i tre måneder og måler effekten.",
    transition_to_operation: "Piloten ga gode resultater, og løsningen går nå over i drift i flere enheter.",
    new_practice: "Løsningen er tatt i bruk og er nå ny praksis. Takk for et godt forslag!",
    not_prioritised: "Vi prioriterer ikke dette nå fordi andre tiltak for samme brukergruppe er i gang. Vi ser på det igjen neste år.",
  },
  firstNames: ["Kari", "Ola", "Ingrid", "Ahmed", "Lene", "Marius", "Silje", "Eirik", "Hanne", "Sofie", "Henrik", "Nina", "Ragnhild", "Olav", "Gunhild", "Knut", "Trine", "Camilla", "Mette", "Daniel", "Jørgen", "Vigdis", "Astrid", "Emily"],
  lastNames: ["Nordby", "Strand", "Solberg", "Bakken", "Hovland", "Rahimi", "Dahl", "Eriksen", "Myhre", "Haugen", "Sandvik", "Brekke", "Vik", "Kvam", "Moen", "Aas", "Tveit", "Berg", "Lund", "Foss", "Holm", "Ruud"],
};

const MAIN_PATH = ["under_review", "anchoring", "insight", "service_development", "piloting", "transition_to_operation", "new_practice"];

/**
 * The statements, in order; each is one SQL statement without parameters (PGlite and pg both run them).
 * @param {{ ideas: number, stories: number, profiles?: number }} options
 */
export function datasetStatements({ ideas, stories, profiles }) {
  const people = profiles ?? Math.max(100, Math.round(ideas / 50));
  const v = VOCABULARY;
  const answerTexts = `jsonb_build_object(${Object.entries(v.answers).map(([k, t]) => `${q(k)}, ${q(t)}`).join(", ")})`;
  return [
    // Triggers off for this transaction only; everything they would write is computed below.
    ["triggers off", "set local session_replication_role = replica"],
    ["hash helper", `create or replace function pg_temp.h(g bigint, salt integer, k integer) returns integer
      language sql immutable as $$ select ((hashint8(g * 7919 + salt)::bigint + 2147483648) % greatest(k, 1))::integer $$`],
    ["vocabulary", `create temporary table bench_vocab on commit drop as select
      ${arr(v.prefixes)} as prefixes, ${arr(v.topics)} as topics, ${arr(v.contexts)} as contexts,
      ${arr(v.problems)} as problems, ${arr(v.proposals)} as proposals,
      array[${v.stopDoing.map((s) => (s === null ? "null" : q(s))).join(", ")}]::text[] as stop_doing,
      ${arr(v.comments)} as comments, ${answerTexts} as answers,
      ${arr(v.firstNames)} as first_names, ${arr(v.lastNames)} as last_names,
      ${arr(MAIN_PATH)} as main_path`],
    // People: invented employees spread over the organisations, each in one of its units.
    ["organisations", `create temporary table bench_orgs on commit drop as
      select o.id, o.slug, (row_number() over (order by o.slug))::integer as rn,
        (select array_agg(u.id order by u.name) from public.units u where u.organisation_id = o.id) as unit_ids
      from public.organisations o where o.fallback_network_id is not null`],
    ["auth users", `insert into auth.users (id, email, raw_user_meta_data)
      select ('b0000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
        'bench.' || g || '@' || o.slug || '.example.no',
        jsonb_build_object('full_name', v.first_names[1 + pg_temp.h(g, 1, cardinality(v.first_names))] || ' ' || v.last_names[1 + pg_temp.h(g, 2, cardinality(v.last_names))])
      from generate_series(1, ${people}) g cross join bench_vocab v
      join bench_orgs o on o.rn = 1 + pg_temp.h(g, 3, (select count(*)::integer from bench_orgs))`],
    ["profiles", `insert into public.profiles (id, email, full_name, organisation_id, unit_id, job_title, locale, onboarded_at, created_at)
      select u.id, u.email, u.raw_user_meta_data ->> 'full_name', o.id,
        o.unit_ids[1 + pg_temp.h(g, 4, coalesce(cardinality(o.unit_ids), 1))],
        (array['Sykepleier', 'Helsefagarbeider', 'Fysioterapeut', 'Helsesykepleier', 'Fagsykepleier', 'Vernepleier', 'Superbruker'])[1 + pg_temp.h(g, 5, 7)],
        case when pg_temp.h(g, 6, 10) = 0 then 'nn'::public.ui_locale else 'nb'::public.ui_locale end, now() - interval '3 years', now() - interval '3 years'
      from generate_series(1, ${people}) g
      join auth.users u on u.id = ('b0000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid
      join bench_orgs o on o.rn = 1 + pg_temp.h(g, 3, (select count(*)::integer from bench_orgs))`],
    ["reference lists", `create temporary table bench_ref on commit drop as select
      (select array_agg(id order by sort_order, slug) from public.themes where active) as theme_ids,
      (select array_agg(id order by sort_order, slug) from public.service_areas where active) as area_ids`],
    ["people", `create temporary table bench_people on commit drop as
      select p.organisation_id, array_agg(p.id order by p.id) as ids from public.profiles p group by p.organisation_id`],
    ["all people", `create temporary table bench_everyone on commit drop as
      select array_agg(p.id order by p.id) as ids from public.profiles p`],
    // Working-day calendar: the deadline is the end (Oslo time) of working day N after the day of submission.
    ["calendar", `create temporary table bench_calendar on commit drop as
      with days as (
        select d::date as d, (extract(isodow from d) < 6 and not app_private.is_norwegian_public_holiday(d::date)) as working
        from generate_series((now() at time zone 'Europe/Oslo')::date - 1200, (now() at time zone 'Europe/Oslo')::date + 200, interval '1 day') d
      )
      select d, working, (count(*) filter (where working) over (order by d))::integer as rank from days`],
    ["deadlines", `create temporary table bench_due on commit drop as
      select c1.d, n.days, (c2.d + 1)::timestamp at time zone 'Europe/Oslo' - interval '1 millisecond' as due_at
      from bench_calendar c1
      cross join (select distinct sla_first_answer_working_days as days from public.networks) n
      join bench_calendar c2 on c2.working and c2.rank = c1.rank + n.days`],
    // The ideas' plan: who, where, what, when, and how far each idea has come.
    ["idea plan", `create temporary table bench_plan on commit drop as
      with base as (
        select g,
          now() - make_interval(secs => ((${ideas} - g)::double precision / ${ideas}) * 1095 * 86400 + pg_temp.h(g, 10, 86400)) as submitted_at,
          pg_temp.h(g, 11, 100) as fate,
          pg_temp.h(g, 12, 100) as r2
        from generate_series(1, ${ideas}) g
      )
      select b.g, gen_random_uuid() as id, b.submitted_at, b.fate, b.r2,
        extract(epoch from now() - b.submitted_at) / 86400 as age_days,
        sub.submitter_id, p.organisation_id, p.unit_id, p.full_name,
        ref.theme_ids[1 + pg_temp.h(b.g, 25, cardinality(ref.theme_ids))] as theme_id,
        case when b.r2 < 70 then array[ref.area_ids[1 + pg_temp.h(b.g, 26, cardinality(ref.area_ids))]]
             else array[ref.area_ids[1 + pg_temp.h(b.g, 26, cardinality(ref.area_ids))],
                        ref.area_ids[1 + (pg_temp.h(b.g, 26, cardinality(ref.area_ids)) + 1 + pg_temp.h(b.g, 27, cardinality(ref.area_ids) - 1)) % cardinality(ref.area_ids)]] end as service_area_ids,
        (pg_temp.h(b.g, 13, 100) < 15) as several,
        case when pg_temp.h(b.g, 14, 100) < 10 then 'organisation' else 'partners' end::public.idea_visibility as visibility,
        (pg_temp.h(b.g, 15, 100) < 5) as hide_name,
        v.topics[1 + pg_temp.h(b.g, 16, cardinality(v.topics))] as topic,
        v.prefixes[1 + pg_temp.h(b.g, 17, cardinality(v.prefixes))] as prefix,
        v.contexts[1 + pg_temp.h(b.g, 18, cardinality(v.contexts))] as context,
        v.problems[1 + pg_temp.h(b.g, 19, cardinality(v.problems))] as problem1,
        v.problems[1 + pg_temp.h(b.g, 20, cardinality(v.problems))] as problem2,
        v.proposals[1 + pg_temp.h(b.g, 21, cardinality(v.proposals))] as proposal1,
        v.proposals[1 + pg_temp.h(b.g, 22, cardinality(v.proposals))] as proposal2,
        v.stop_doing[1 + pg_temp.h(b.g, 23, cardinality(v.stop_doing))] as stop_doing
      from base b cross join bench_vocab v cross join bench_everyone e cross join bench_ref ref
      cross join lateral (select e.ids[1 + pg_temp.h(b.g, 24, cardinality(e.ids))] as submitter_id) sub
      join public.profiles p on p.id = sub.submitter_id`],
    ["routing", `create temporary table bench_routes on commit drop as
      select c.*, r.network_id, r.rule_id, r.explanation
      from (select distinct organisation_id, theme_id, service_area_ids, several from bench_plan) c
      cross join lateral public.route_idea(c.organisation_id, c.theme_id, c.service_area_ids, c.several) r`],
    ["network members", `create temporary table bench_members on commit drop as
      select n.id as network_id, n.sla_first_answer_working_days, n.sla_update_interval_days,
        coalesce((select array_agg(m.profile_id order by m.profile_id) from public.network_members m where m.network_id = n.id), '{}') as member_ids
      from public.networks n`],
    // How far each idea has come: k answers along the main path, or a side exit. Younger ideas got fewer answers.
    ["idea fates", `create temporary table bench_fate on commit drop as
      select p.g, p.id, r.network_id, r.rule_id, r.explanation, m.member_ids, m.sla_update_interval_days,
        du.due_at,
        case
          when p.fate < 8 then 'received'
          when p.fate < 10 then 'withdrawn'
          when p.fate < 30 or p.age_days < 14 then 'k'
          when p.fate < 50 then 'not_prioritised'
          when p.fate < 56 then 'update'
          else 'k'
        end as exit,
        least(
          case when p.fate < 30 or p.age_days < 14 then 1 when p.fate < 56 then 2 when p.fate < 66 then 2 when p.fate < 73 then 3
               when p.fate < 79 then 4 when p.fate < 85 then 5 when p.fate < 89 then 6 else 7 end,
          case when p.age_days < 14 then 1 when p.age_days < 60 then 2 when p.age_days < 180 then 4 else 7 end
        ) as k
      from bench_plan p
      join bench_routes r on r.organisation_id = p.organisation_id and r.theme_id = p.theme_id
        and r.service_area_ids = p.service_area_ids and r.several = p.several
      join bench_members m on m.network_id = r.network_id
      join bench_due du on du.d = (p.submitted_at at time zone 'Europe/Oslo')::date and du.days = m.sla_first_answer_working_days`],
    ["answers plan", `create temporary table bench_answers on commit drop as
      with steps as (
        select f.id as idea_id, f.g, f.due_at, f.member_ids, f.sla_update_interval_days, p.submitted_at, p.age_days, j,
          case when f.exit = 'not_prioritised' and j = 2 then 'not_prioritised'
               when f.exit = 'update' then 'under_review'
               else (select main_path[j] from bench_vocab) end as to_status,
          f.k
        from bench_fate f join bench_plan p on p.id = f.id
        cross join lateral generate_series(1, case when f.exit in ('received', 'withdrawn') then 0 else f.k end) j
      ),
      timed as (
        select s.*,
          case when j = 1 then s.submitted_at + make_interval(secs => least(pg_temp.h(s.g, 30, 20 * 86400), s.age_days * 86400 / (s.k + 1)))
               else s.submitted_at + make_interval(secs => s.age_days * 86400 * j / (s.k + 1.0)) end as created_at
        from steps s
      )
      select gen_random_uuid() as id, t.idea_id, t.j, t.to_status::public.idea_status as to_status,
        coalesce(lag(t.to_status) over w, 'received')::public.idea_status as from_status,
        t.created_at,
        case when t.j = 1 then t.created_at <= t.due_at
             else t.created_at <= lag(t.created_at) over w + make_interval(days => t.sla_update_interval_days) end as on_time,
        case when cardinality(t.member_ids) > 0 then t.member_ids[1 + pg_temp.h(t.g, 31, cardinality(t.member_ids))] end as author_id
      from timed t
      window w as (partition by t.idea_id order by t.j)`],
    ["ideas", `insert into public.ideas (id, year, number, public_id, status, organisation_id, unit_id, network_id, routing_rule_id,
        routing_explanation, title, problem, proposal_json, proposal_html, proposal_text, stop_doing, beneficiaries, need_contexts,
        expected_benefits, theme_id, service_area_ids, relevant_for_several, visibility, hide_name, privacy_confirmed_at,
        idempotency_key, submitted_at, first_answer_due_at, withdrawn_reason, withdrawn_at, created_at, updated_at,
        owner_id, first_answered_at, last_answer_at, next_due_at)
      with numbered as (
        select p.*, f.network_id, f.rule_id, f.explanation, f.due_at, f.exit, f.sla_update_interval_days,
          extract(year from p.submitted_at at time zone 'Europe/Oslo')::integer as year,
          (row_number() over (partition by extract(year from p.submitted_at at time zone 'Europe/Oslo') order by p.submitted_at, p.g))::integer as seq
        from bench_plan p join bench_fate f on f.id = p.id
      ),
      answered as (
        select a.idea_id, min(a.created_at) as first_at, max(a.created_at) as last_at,
          (array_agg(a.to_status order by a.j desc))[1] as last_status,
          (array_agg(a.author_id order by a.j desc))[1] as last_author
        from bench_answers a group by a.idea_id
      ),
      texts as (
        select n.*, a.first_at, a.last_at, a.last_status, a.last_author,
          n.prefix || ' ' || n.topic || ' ' || n.context as title,
          replace(n.problem1, '{t}', n.topic) || ' ' || replace(n.problem2, '{t}', n.topic) as problem,
          replace(n.proposal1, '{t}', n.topic) || ' ' || replace(n.proposal2, '{t}', n.topic) as proposal,
          n.submitted_at + make_interval(secs => n.age_days * 86400 / 2) as withdrawn_at_value
        from numbered n left join answered a on a.idea_id = n.id
      )
      select t.id, t.year, coalesce(c.last_value, 0) + t.seq,
        format('IDE-%s-%s', t.year, lpad((coalesce(c.last_value, 0) + t.seq)::text, greatest(4, length((coalesce(c.last_value, 0) + t.seq)::text)), '0')),
        case when t.exit = 'withdrawn' then 'withdrawn' else coalesce(t.last_status, 'received') end::public.idea_status,
        t.organisation_id, t.unit_id, t.network_id, t.rule_id, t.explanation, t.title, t.problem,
        jsonb_build_object('root', jsonb_build_object('type', 'root', 'version', 1, 'direction', null, 'format', '', 'indent', 0,
          'children', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'version', 1, 'direction', null, 'format', '', 'indent', 0,
            'textFormat', 0, 'textStyle', '', 'children', jsonb_build_array(jsonb_build_object('type', 'text', 'version', 1,
              'text', t.proposal, 'format', 0, 'style', '', 'mode', 'normal', 'detail', 0)))))),
        '<p>' || t.proposal || '</p>', t.proposal, t.stop_doing,
        string_to_array((array['users_and_relatives', 'staff_and_leaders', 'users_and_relatives,staff_and_leaders', 'municipality',
          'staff_and_leaders,municipality'])[1 + pg_temp.h(t.g, 40, 5)], ','),
        string_to_array((array['home', 'institution', 'outdoors', 'response', 'control', 'home,response'])[1 + pg_temp.h(t.g, 42, 6)], ','),
        string_to_array((array['time_saved', 'patient_safety,quality', 'less_driving,time_saved', 'independence', 'fewer_falls,patient_safety',
          'staff_wellbeing', 'economy', 'relatives_safety,health'])[1 + pg_temp.h(t.g, 43, 8)], ','),
        t.theme_id, t.service_area_ids, t.several, t.visibility, t.hide_name, t.submitted_at, gen_random_uuid(), t.submitted_at, t.due_at,
        case when t.exit = 'withdrawn' then 'Vi løste det på en annen måte i egen enhet.' end,
        case when t.exit = 'withdrawn' then t.withdrawn_at_value end,
        t.submitted_at, greatest(t.submitted_at, coalesce(t.last_at, t.submitted_at), case when t.exit = 'withdrawn' then t.withdrawn_at_value else t.submitted_at end),
        t.last_author, t.first_at, t.last_at,
        case when t.exit = 'withdrawn' or app_private.is_closed_status(coalesce(t.last_status, 'received')) then null
             when t.last_at is null then t.due_at
             else t.last_at + make_interval(days => t.sla_update_interval_days) end
      from texts t left join public.idea_number_counters c on c.year = t.year`],
    ["idea numbers", `insert into public.idea_number_counters (year, last_value)
      select year, max(number) from public.ideas group by year
      on conflict (year) do update set last_value = greatest(public.idea_number_counters.last_value, excluded.last_value)`],
    ["submitters", `insert into public.idea_submitters (idea_id, submitter_id, display_name, created_at)
      select p.id, p.submitter_id, p.full_name, p.submitted_at from bench_plan p`],
    ["answers", `insert into public.idea_answers (id, idea_id, author_id, from_status, to_status, body, on_time, created_at)
      select a.id, a.idea_id, a.author_id, a.from_status, a.to_status,
        case when a.from_status = a.to_status then 'Oppdatering: vi jobber fortsatt med forslaget og har hatt det oppe i nettverksmøtet.'
             else v.answers ->> a.to_status::text end,
        a.on_time, a.created_at
      from bench_answers a cross join bench_vocab v`],
    ["timeline", `insert into public.idea_events (idea_id, kind, actor_id, data, created_at)
      select p.id, 'submitted', p.submitter_id, '{}'::jsonb, p.submitted_at from bench_plan p
      union all
      select a.idea_id, case when a.from_status = a.to_status then 'answered' else 'status_changed' end, a.author_id,
        jsonb_build_object('answerId', a.id, 'from', a.from_status, 'to', a.to_status, 'onTime', a.on_time), a.created_at
      from bench_answers a
      union all
      select i.id, 'withdrawn', s.submitter_id, '{}'::jsonb, i.withdrawn_at
      from public.ideas i join public.idea_submitters s on s.idea_id = i.id join bench_plan p on p.id = i.id
      where i.status = 'withdrawn'`],
    // Supports and comments come from people who can see the idea (its organisation when it is private).
    ["supports", `insert into public.idea_supports (idea_id, profile_id, created_at)
      select p.id, pool.ids[1 + (pg_temp.h(p.g, 50, cardinality(pool.ids)) + j * 7) % cardinality(pool.ids)],
        p.submitted_at + make_interval(secs => p.age_days * 86400 * j / 20.0)
      from bench_plan p
      cross join bench_everyone e
      left join bench_people op on op.organisation_id = p.organisation_id
      cross join lateral (select case when p.visibility = 'organisation' then op.ids else e.ids end as ids) pool
      cross join lateral generate_series(1, floor(power(pg_temp.h(p.g, 51, 1000) / 1000.0, 3) * 14)::integer) j
      on conflict do nothing`],
    ["comments", `insert into public.idea_comments (id, idea_id, author_id, parent_id, body, created_at)
      select md5(p.id::text || ':' || j)::uuid, p.id,
        pool.ids[1 + (pg_temp.h(p.g, 60, cardinality(pool.ids)) + j * 11) % cardinality(pool.ids)],
        case when j % 3 = 2 then md5(p.id::text || ':1')::uuid end,
        v.comments[1 + pg_temp.h(p.g + j, 61, cardinality(v.comments))],
        p.submitted_at + make_interval(secs => p.age_days * 86400 * j / 10.0)
      from bench_plan p
      cross join bench_vocab v cross join bench_everyone e
      left join bench_people op on op.organisation_id = p.organisation_id
      cross join lateral (select case when p.visibility = 'organisation' then op.ids else e.ids end as ids) pool
      cross join lateral generate_series(1, floor(power(pg_temp.h(p.g, 62, 1000) / 1000.0, 2) * 7)::integer) j`],
    ["follows", `insert into public.idea_follows (idea_id, profile_id, created_at)
      select p.id, p.submitter_id, p.submitted_at from bench_plan p
      union all
      select c.idea_id, c.author_id, c.created_at from public.idea_comments c join bench_plan p on p.id = c.idea_id
      on conflict do nothing`],
    ...storyStatements(stories),
    // When each closed idea was closed (kept by a trigger in the app; the same rule here).
    ["closing times", `update public.ideas i
      set closed_at = app_private.idea_closing_time(i.id, i.status, i.withdrawn_at, i.last_answer_at, i.updated_at)
      where app_private.is_closed_status(i.status)`],
    ["first answer working days", `update public.ideas
      set first_answer_working_days = app_private.working_days_between(submitted_at, first_answered_at)
      where first_answered_at is not null`],
    ["triggers on", "set local session_replication_role = origin"],
    // The list's per-status counters are kept by triggers, which were off above.
    ["idea counts", "select app_private.rebuild_idea_counts()"],
    // So are the known words that misspelt searches are corrected to.
    ["search terms", "select app_private.rebuild_search_terms()"],
    // And the narrow copy of what search reads.
    ["search documents", "select app_private.rebuild_idea_search_documents()"],
  ];
}

function storyStatements(stories) {
  if (stories <= 0) return [];
  return [
    // Stories: most about ideas that reached Ny praksis, the rest stand-alone; reviewed by the idea's network or by routing.
    ["story plan", `create temporary table bench_story_plan on commit drop as
      with practice as (
        select i.id, i.organisation_id, i.network_id, i.theme_id, i.service_area_ids, s.submitter_id, i.title,
          (row_number() over (order by i.submitted_at))::integer as rn
        from public.ideas i join public.idea_submitters s on s.idea_id = i.id
        join bench_plan p on p.id = i.id
        where i.status = 'new_practice' and i.visibility = 'partners'
      ),
      base as (
        select g, pg_temp.h(g, 70, 100) as r,
          (select count(*)::integer from practice) as practice_count
        from generate_series(1, ${stories}) g
      )
      select b.g, gen_random_uuid() as id, b.r,
        case when b.g <= b.practice_count and b.r < 60 then pr.id end as idea_id,
        coalesce(case when b.g <= b.practice_count and b.r < 60 then pr.submitter_id end, e.ids[1 + pg_temp.h(b.g, 71, cardinality(e.ids))]) as author_id,
        coalesce(case when b.g <= b.practice_count and b.r < 60 then pr.theme_id end, ref.theme_ids[1 + pg_temp.h(b.g, 77, cardinality(ref.theme_ids))]) as theme_id,
        coalesce(case when b.g <= b.practice_count and b.r < 60 then pr.service_area_ids end, array[ref.area_ids[1 + pg_temp.h(b.g, 78, cardinality(ref.area_ids))]]) as service_area_ids,
        v.topics[1 + pg_temp.h(b.g, 72, cardinality(v.topics))] as topic,
        v.contexts[1 + pg_temp.h(b.g, 73, cardinality(v.contexts))] as context,
        case when pg_temp.h(b.g, 74, 100) < 80 then 'published' when pg_temp.h(b.g, 74, 100) < 88 then 'ready_for_review'
             when pg_temp.h(b.g, 74, 100) < 95 then 'draft' else 'unpublished' end::public.story_status as status,
        case when pg_temp.h(b.g, 75, 100) < 30 then 'public' when pg_temp.h(b.g, 75, 100) < 85 then 'partners' else 'organisation' end::public.story_visibility as visibility,
        now() - make_interval(days => 1 + pg_temp.h(b.g, 76, 900)) as written_at
      from base b cross join bench_vocab v cross join bench_everyone e cross join bench_ref ref
      left join practice pr on pr.rn = b.g`],
    ["stories", `insert into public.stories (id, slug, status, visibility, organisation_id, network_id, idea_id, author_id, title, summary,
        body_json, body_html, body_text, what_changed, stopped_doing, unplanned_benefits, success_factors, costs, theme_id,
        service_area_ids, contact_profile_id, contact_name, contact_email, unpublished_reason, submitted_at, published_at,
        first_published_at, unpublished_at, created_at, updated_at)
      select s.id, 'bench-historie-' || s.g, s.status, s.visibility, a.organisation_id,
        app_private.story_review_network(s.idea_id, a.organisation_id, s.theme_id, s.service_area_ids, false),
        s.idea_id, s.author_id,
        initcap(s.topic) || ' ' || s.context || ' ga færre turer og tryggere brukere',
        'Vi tok i bruk ' || s.topic || ' ' || s.context || '. Kjøringen gikk ned og brukerne sier de føler seg tryggere.',
        jsonb_build_object('root', jsonb_build_object('type', 'root', 'version', 1, 'direction', null, 'format', '', 'indent', 0,
          'children', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'version', 1, 'direction', null, 'format', '', 'indent', 0,
            'textFormat', 0, 'textStyle', '', 'children', jsonb_build_array(jsonb_build_object('type', 'text', 'version', 1,
              'text', 'Vi prøvde ' || s.topic || ' i tre måneder hos brukere som samtykket, med nullpunktsmåling før oppstart.', 'format', 0, 'style', '', 'mode', 'normal', 'detail', 0)))))),
        '<p>Vi prøvde ' || s.topic || ' i tre måneder hos brukere som samtykket, med nullpunktsmåling før oppstart.</p>',
        'Vi prøvde ' || s.topic || ' i tre måneder hos brukere som samtykket, med nullpunktsmåling før oppstart.',
        'Tilsyn og oppfølging skjer digitalt etter en individuell plan.',
        'Faste besøk som bare handlet om å se til brukeren.',
        case when s.r % 2 = 0 then 'Pårørende sier de føler seg tryggere.' end,
        'Forankring hos ledelsen, superbrukere og opplæring før oppstart.',
        case when s.r % 3 = 0 then 'Om lag 900 kroner per bruker i måneden.' end,
        s.theme_id, s.service_area_ids, a.id, a.full_name, a.email,
        case when s.status = 'unpublished' then 'Tallene må oppdateres før historien deles igjen.' end,
        case when s.status in ('ready_for_review', 'published', 'unpublished') then s.written_at + interval '2 days' end,
        case when s.status = 'published' then s.written_at + interval '5 days' end,
        case when s.status in ('published', 'unpublished') then s.written_at + interval '5 days' end,
        case when s.status = 'unpublished' then s.written_at + interval '30 days' end,
        s.written_at, s.written_at + interval '5 days'
      from bench_story_plan s join public.profiles a on a.id = s.author_id`],
    ["story organisations", `insert into public.story_organisations (story_id, organisation_id)
      select s.id, s.organisation_id from public.stories s join bench_story_plan p on p.id = s.id
      on conflict do nothing`],
    ["story benefits", `insert into public.story_benefits (story_id, position, indicator, unit, baseline, after, period, category)
      select p.id, j - 1,
        (array['Kjørte km per uke', 'Hjemmebesøk per uke', 'Avvik i medisinhåndtering', 'Fall per måned'])[1 + (p.g + j) % 4],
        (array['km', 'count', 'count', 'count'])[1 + (p.g + j) % 4],
        100 + pg_temp.h(p.g, 80 + j, 300), 40 + pg_temp.h(p.g, 90 + j, 60), 'per uke, før og etter tre måneder',
        (array['less_driving', 'time_saved', 'patient_safety', 'fewer_falls'])[1 + (p.g + j) % 4]
      from bench_story_plan p cross join lateral generate_series(1, 1 + pg_temp.h(p.g, 79, 3)) j`],
  ];
}

/**
 * Writes the data set in one transaction. `query` runs one SQL statement (pg client or PGlite).
 * @param {(sql: string) => Promise<unknown>} query
 * @param {{ ideas: number, stories: number, profiles?: number }} options
 * @param {(line: string) => void} [log]
 */
export async function generateDataset(query, options, log = () => {}) {
  const started = performance.now();
  await query("begin");
  try {
    for (const [label, statement] of datasetStatements(options)) {
      const t = performance.now();
      await query(statement);
      log(`  ${label}: ${Math.round(performance.now() - t)} ms`);
    }
    await query("commit");
  } catch (error) {
    await query("rollback").catch(() => {});
    throw error;
  }
  const t = performance.now();
  // As autovacuum would after a bulk load: statistics, and the visibility map for index-only scans.
  await query("vacuum analyze");
  log(`  vacuum analyze: ${Math.round(performance.now() - t)} ms`);
  return { ms: Math.round(performance.now() - started) };
}

/**
 * Counts and consistency checks; every `problems` entry is a number that must be 0.
 * @param {(sql: string) => Promise<{ rows: Record<string, unknown>[] }>} query
 */
export async function checkDataset(query) {
  const one = async (sql) => Number(Object.values((await query(sql)).rows[0] ?? { n: 0 })[0]);
  const counts = {
    ideas: await one("select count(*) from public.ideas"),
    answers: await one("select count(*) from public.idea_answers"),
    comments: await one("select count(*) from public.idea_comments"),
    supports: await one("select count(*) from public.idea_supports"),
    follows: await one("select count(*) from public.idea_follows"),
    events: await one("select count(*) from public.idea_events"),
    profiles: await one("select count(*) from public.profiles"),
    stories: await one("select count(*) from public.stories"),
    storyBenefits: await one("select count(*) from public.story_benefits"),
  };
  const problems = {
    ideasWithoutSearchVector: await one("select count(*) from public.ideas where search_vector is null or search_vector = ''::tsvector"),
    searchDocumentsWrong: await one(`select count(*) from public.ideas i
      left join app_private.idea_search_documents d on d.id = i.id
      where d.id is null or (d.status, d.visibility, d.organisation_id, d.network_id, d.theme_id, d.submitted_at, d.updated_at,
        d.next_due_at, d.service_area_ids, d.search_vector) is distinct from (i.status, i.visibility, i.organisation_id,
        i.network_id, i.theme_id, i.submitted_at, i.updated_at, i.next_due_at, i.service_area_ids, i.search_vector)`),
    storiesWithoutSearchVector: await one("select count(*) from public.stories where search_vector is null or search_vector = ''::tsvector"),
    statusNotLastAnswer: await one(`select count(*) from public.ideas i
      join lateral (select a.to_status from public.idea_answers a where a.idea_id = i.id order by a.created_at desc limit 1) last on true
      where i.status <> 'withdrawn' and i.status <> last.to_status`),
    unansweredNotReceived: await one(`select count(*) from public.ideas i
      where not exists (select 1 from public.idea_answers a where a.idea_id = i.id) and i.status not in ('received', 'withdrawn')`),
    answerChainBroken: await one(`select count(*) from (
      select a.from_status, lag(a.to_status) over (partition by a.idea_id order by a.created_at) as previous
      from public.idea_answers a) x where x.previous is not null and x.from_status <> x.previous`),
    firstAnswerWrong: await one(`select count(*) from public.ideas i
      where i.first_answered_at is distinct from (select min(a.created_at) from public.idea_answers a where a.idea_id = i.id)
         or i.last_answer_at is distinct from (select max(a.created_at) from public.idea_answers a where a.idea_id = i.id)`),
    closedAtWrong: await one(`select count(*) from public.ideas i
      where i.closed_at is distinct from app_private.idea_closing_time(i.id, i.status, i.withdrawn_at, i.last_answer_at, i.updated_at)`),
    firstAnswerDaysWrong: await one(`select count(*) from public.ideas
      where first_answer_working_days is distinct from app_private.working_days_between(submitted_at, first_answered_at)`),
    nextDueWrong: await one(`select count(*) from public.ideas
      where (app_private.is_closed_status(status) and next_due_at is not null) or (not app_private.is_closed_status(status) and next_due_at is null)`),
    answerWithoutEvent: await one(`select count(*) from public.idea_answers a
      where not exists (select 1 from public.idea_events e where e.idea_id = a.idea_id and e.data ->> 'answerId' = a.id::text)`),
    ideaWithoutSubmitter: await one("select count(*) from public.ideas i where not exists (select 1 from public.idea_submitters s where s.idea_id = i.id)"),
    ownerNotMember: await one(`select count(*) from public.ideas i where i.owner_id is not null
      and not exists (select 1 from public.network_members m where m.network_id = i.network_id and m.profile_id = i.owner_id)`),
    numberCounterBehind: await one(`select count(*) from public.ideas i join public.idea_number_counters c on c.year = i.year where i.number > c.last_value`),
    dueNotInWorkingDays: await one(`select count(*) from public.ideas i
      where extract(isodow from (i.first_answer_due_at at time zone 'Europe/Oslo')) > 5
         or app_private.is_norwegian_public_holiday((i.first_answer_due_at at time zone 'Europe/Oslo')::date)`),
    privateIdeaSupportedFromOutside: await one(`select count(*) from public.idea_supports s join public.ideas i on i.id = s.idea_id
      join public.profiles p on p.id = s.profile_id where i.visibility = 'organisation' and p.organisation_id <> i.organisation_id`),
    replyDeeperThanOne: await one(`select count(*) from public.idea_comments c join public.idea_comments parent on parent.id = c.parent_id
      where parent.parent_id is not null or parent.idea_id <> c.idea_id`),
    storyWithoutOwningOrganisation: await one(`select count(*) from public.stories s
      where not exists (select 1 from public.story_organisations o where o.story_id = s.id and o.organisation_id = s.organisation_id)`),
    storyIdeaNotNewPractice: await one(`select count(*) from public.stories s join public.ideas i on i.id = s.idea_id where i.status <> 'new_practice'`),
    // Groups whose counter (the list's counts per status) disagrees with the ideas.
    ideaCountsWrong: await one(`select count(*) from (
      select status, visibility, organisation_id, network_id, count(*)::int as n from public.ideas group by 1, 2, 3, 4) i
      full join (select status, visibility, organisation_id, network_id, sum(n)::int as n from app_private.idea_count_deltas group by 1, 2, 3, 4) d
        using (status, visibility, organisation_id, network_id)
      where coalesce(i.n, 0) <> coalesce(d.n, 0)`),
  };
  return { counts, problems };
}
