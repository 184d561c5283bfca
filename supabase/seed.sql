-- ============================================================================
-- Demo data for HelseHub Idéhub.
--
-- EVERYTHING IN THIS FILE IS INVENTED DEMO DATA. The organisations are real partners of the
-- HelseHub partnership, but every person, e-mail address, unit line-up and URL is made up, and
-- every address uses the reserved-style domain <organisation-slug>.example.no.
--
-- Loaded into an empty database by app/db/seed.server.ts on the first `npm start`, and by
-- `supabase db reset` (supabase/config.toml, [db.seed]). Plain SQL with fixed UUIDs so that
-- tests and demo sign-in can refer to them:
--   10000000-…  organisation groups      20000000-…  organisations
--   30000000-…  units                    40000000-…  networks
--   50000000-…  demo users (auth.users + profiles)
-- Contract: every organisation <slug> has the e-mail domain <slug>.example.no, and every demo
-- user's address is firstname.lastname@<slug>.example.no.
-- ============================================================================

-- Organisation groups: the partnership, Responssenteret's cooperation and two regions
insert into public.organisation_groups (id, slug, name, kind) values
  ('10000000-0000-4000-8000-000000000001', 'helsehub', 'HelseHub', 'partnership'),
  ('10000000-0000-4000-8000-000000000002', 'kongsbergregionen', 'Responssenterets samarbeid i Kongsbergregionen', 'partnership'),
  ('10000000-0000-4000-8000-000000000003', 'hallingdal', 'Hallingdal', 'region'),
  ('10000000-0000-4000-8000-000000000004', 'vest-telemark', 'Vest-Telemark', 'region');

-- Organisations; avvik_url is where adverse events go (the organisation's quality system)
insert into public.organisations (id, slug, name, kind, avvik_url) values
  ('20000000-0000-4000-8000-000000000001', 'asker', 'Asker kommune', 'municipality', 'https://asker.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000002', 'drammen', 'Drammen kommune', 'municipality', 'https://drammen.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000003', 'lier', 'Lier kommune', 'municipality', 'https://lier.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000004', 'usn', 'Universitetet i Sørøst-Norge', 'university', 'https://usn.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000005', 'vestre-viken', 'Vestre Viken HF', 'health_trust', 'https://vestre-viken.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000006', 'responssenteret', 'Responssenteret i Kongsbergregionen', 'partner', 'https://responssenteret.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000007', 'drammen-helsepark', 'Drammen Helsepark', 'partner', 'https://drammen-helsepark.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000008', 'kongsberg', 'Kongsberg kommune', 'municipality', 'https://kongsberg.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000009', 'sigdal', 'Sigdal kommune', 'municipality', 'https://sigdal.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000010', 'flesberg', 'Flesberg kommune', 'municipality', 'https://flesberg.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000011', 'nore-og-uvdal', 'Nore og Uvdal kommune', 'municipality', 'https://nore-og-uvdal.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000012', 'rollag', 'Rollag kommune', 'municipality', 'https://rollag.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000013', 'notodden', 'Notodden kommune', 'municipality', 'https://notodden.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000014', 'hjartdal', 'Hjartdal kommune', 'municipality', 'https://hjartdal.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000015', 'al', 'Ål kommune', 'municipality', 'https://al.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000016', 'hol', 'Hol kommune', 'municipality', 'https://hol.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000017', 'gol', 'Gol kommune', 'municipality', 'https://gol.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000018', 'nesbyen', 'Nesbyen kommune', 'municipality', 'https://nesbyen.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000019', 'fla', 'Flå kommune', 'municipality', 'https://fla.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000020', 'hemsedal', 'Hemsedal kommune', 'municipality', 'https://hemsedal.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000021', 'vinje', 'Vinje kommune', 'municipality', 'https://vinje.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000022', 'tokke', 'Tokke kommune', 'municipality', 'https://tokke.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000023', 'kviteseid', 'Kviteseid kommune', 'municipality', 'https://kviteseid.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000024', 'seljord', 'Seljord kommune', 'municipality', 'https://seljord.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000025', 'fyresdal', 'Fyresdal kommune', 'municipality', 'https://fyresdal.example.no/kvalitetssystem/avvik'),
  ('20000000-0000-4000-8000-000000000026', 'nissedal', 'Nissedal kommune', 'municipality', 'https://nissedal.example.no/kvalitetssystem/avvik');

insert into public.organisation_group_members (group_id, organisation_id) values
  ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001'),
  ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000004'),
  ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000005'),
  ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000006'),
  ('10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000006'),
  ('10000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000007'),
  ('10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000008'),
  ('10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000009'),
  ('10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000010'),
  ('10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000011'),
  ('10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000012'),
  ('10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000013'),
  ('10000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000014'),
  ('10000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000015'),
  ('10000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000016'),
  ('10000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000017'),
  ('10000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000018'),
  ('10000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000019'),
  ('10000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000020'),
  ('10000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000021'),
  ('10000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000022'),
  ('10000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000023'),
  ('10000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000024'),
  ('10000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000025'),
  ('10000000-0000-4000-8000-000000000004', '20000000-0000-4000-8000-000000000026');

-- E-mail domains that identify an organisation at sign-up: <slug>.example.no
insert into public.organisation_domains (domain, organisation_id)
select slug || '.example.no', id from public.organisations where id::text like '20000000-%';

-- Units (virksomheter)
insert into public.units (id, organisation_id, name) values
  ('30000000-0000-4000-8000-000000000101', '20000000-0000-4000-8000-000000000001', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000000102', '20000000-0000-4000-8000-000000000001', 'Helsehus og sykehjem'),
  ('30000000-0000-4000-8000-000000000103', '20000000-0000-4000-8000-000000000001', 'Tjenester for personer med nedsatt funksjonsevne'),
  ('30000000-0000-4000-8000-000000000104', '20000000-0000-4000-8000-000000000001', 'Rehabilitering'),
  ('30000000-0000-4000-8000-000000000105', '20000000-0000-4000-8000-000000000001', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000000106', '20000000-0000-4000-8000-000000000001', 'Helsestasjon og skolehelsetjeneste'),
  ('30000000-0000-4000-8000-000000000107', '20000000-0000-4000-8000-000000000001', 'Legevakt'),
  ('30000000-0000-4000-8000-000000000108', '20000000-0000-4000-8000-000000000001', 'Tildelingskontoret'),
  ('30000000-0000-4000-8000-000000000109', '20000000-0000-4000-8000-000000000001', 'Velferdsteknologi og innovasjon'),
  ('30000000-0000-4000-8000-000000000201', '20000000-0000-4000-8000-000000000002', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000000202', '20000000-0000-4000-8000-000000000002', 'Helsehus og sykehjem'),
  ('30000000-0000-4000-8000-000000000203', '20000000-0000-4000-8000-000000000002', 'Tjenester for personer med nedsatt funksjonsevne'),
  ('30000000-0000-4000-8000-000000000204', '20000000-0000-4000-8000-000000000002', 'Rehabilitering'),
  ('30000000-0000-4000-8000-000000000205', '20000000-0000-4000-8000-000000000002', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000000206', '20000000-0000-4000-8000-000000000002', 'Helsestasjon og skolehelsetjeneste'),
  ('30000000-0000-4000-8000-000000000207', '20000000-0000-4000-8000-000000000002', 'Legevakt'),
  ('30000000-0000-4000-8000-000000000208', '20000000-0000-4000-8000-000000000002', 'Tildelingskontoret'),
  ('30000000-0000-4000-8000-000000000209', '20000000-0000-4000-8000-000000000002', 'Velferdsteknologisk knutepunkt'),
  ('30000000-0000-4000-8000-000000000301', '20000000-0000-4000-8000-000000000003', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000000302', '20000000-0000-4000-8000-000000000003', 'Helsehus og sykehjem'),
  ('30000000-0000-4000-8000-000000000303', '20000000-0000-4000-8000-000000000003', 'Tjenester for personer med nedsatt funksjonsevne'),
  ('30000000-0000-4000-8000-000000000304', '20000000-0000-4000-8000-000000000003', 'Rehabilitering'),
  ('30000000-0000-4000-8000-000000000305', '20000000-0000-4000-8000-000000000003', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000000306', '20000000-0000-4000-8000-000000000003', 'Helsestasjon og skolehelsetjeneste'),
  ('30000000-0000-4000-8000-000000000307', '20000000-0000-4000-8000-000000000003', 'Tildelingskontoret'),
  ('30000000-0000-4000-8000-000000000401', '20000000-0000-4000-8000-000000000004', 'Fakultet for helse- og sosialvitenskap'),
  ('30000000-0000-4000-8000-000000000402', '20000000-0000-4000-8000-000000000004', 'Institutt for sykepleie- og helsevitenskap'),
  ('30000000-0000-4000-8000-000000000403', '20000000-0000-4000-8000-000000000004', 'Ferdighets- og simuleringssenteret'),
  ('30000000-0000-4000-8000-000000000501', '20000000-0000-4000-8000-000000000005', 'Drammen sykehus'),
  ('30000000-0000-4000-8000-000000000502', '20000000-0000-4000-8000-000000000005', 'Kongsberg sykehus'),
  ('30000000-0000-4000-8000-000000000503', '20000000-0000-4000-8000-000000000005', 'Samhandlingsavdelingen'),
  ('30000000-0000-4000-8000-000000000601', '20000000-0000-4000-8000-000000000006', 'Responstjenesten'),
  ('30000000-0000-4000-8000-000000000602', '20000000-0000-4000-8000-000000000006', 'Opplæring og implementering'),
  ('30000000-0000-4000-8000-000000000701', '20000000-0000-4000-8000-000000000007', 'Innovasjon og samarbeid'),
  ('30000000-0000-4000-8000-000000000702', '20000000-0000-4000-8000-000000000007', 'Sekretariatet for HelseHub'),
  ('30000000-0000-4000-8000-000000000801', '20000000-0000-4000-8000-000000000008', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000000802', '20000000-0000-4000-8000-000000000008', 'Helsehus og sykehjem'),
  ('30000000-0000-4000-8000-000000000803', '20000000-0000-4000-8000-000000000008', 'Tjenester for personer med nedsatt funksjonsevne'),
  ('30000000-0000-4000-8000-000000000804', '20000000-0000-4000-8000-000000000008', 'Rehabilitering'),
  ('30000000-0000-4000-8000-000000000805', '20000000-0000-4000-8000-000000000008', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000000806', '20000000-0000-4000-8000-000000000008', 'Helsestasjon og skolehelsetjeneste'),
  ('30000000-0000-4000-8000-000000000807', '20000000-0000-4000-8000-000000000008', 'Legevakt'),
  ('30000000-0000-4000-8000-000000000808', '20000000-0000-4000-8000-000000000008', 'Velferdsteknologi'),
  ('30000000-0000-4000-8000-000000000809', '20000000-0000-4000-8000-000000000008', 'Tildelingskontoret'),
  ('30000000-0000-4000-8000-000000000901', '20000000-0000-4000-8000-000000000009', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000000902', '20000000-0000-4000-8000-000000000009', 'Sykehjemmet'),
  ('30000000-0000-4000-8000-000000000903', '20000000-0000-4000-8000-000000000009', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000000904', '20000000-0000-4000-8000-000000000009', 'Helsestasjon og skolehelsetjeneste'),
  ('30000000-0000-4000-8000-000000001001', '20000000-0000-4000-8000-000000000010', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000001002', '20000000-0000-4000-8000-000000000010', 'Sykehjemmet'),
  ('30000000-0000-4000-8000-000000001003', '20000000-0000-4000-8000-000000000010', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000001101', '20000000-0000-4000-8000-000000000011', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000001102', '20000000-0000-4000-8000-000000000011', 'Sykehjemmet'),
  ('30000000-0000-4000-8000-000000001103', '20000000-0000-4000-8000-000000000011', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000001201', '20000000-0000-4000-8000-000000000012', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000001202', '20000000-0000-4000-8000-000000000012', 'Sykehjemmet'),
  ('30000000-0000-4000-8000-000000001203', '20000000-0000-4000-8000-000000000012', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000001301', '20000000-0000-4000-8000-000000000013', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000001302', '20000000-0000-4000-8000-000000000013', 'Sykehjemmet'),
  ('30000000-0000-4000-8000-000000001303', '20000000-0000-4000-8000-000000000013', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000001304', '20000000-0000-4000-8000-000000000013', 'Helsestasjon og skolehelsetjeneste'),
  ('30000000-0000-4000-8000-000000001305', '20000000-0000-4000-8000-000000000013', 'Tjenester for personer med nedsatt funksjonsevne'),
  ('30000000-0000-4000-8000-000000001306', '20000000-0000-4000-8000-000000000013', 'Legevakt'),
  ('30000000-0000-4000-8000-000000001401', '20000000-0000-4000-8000-000000000014', 'Hjemmetjenesten'),
  ('30000000-0000-4000-8000-000000001402', '20000000-0000-4000-8000-000000000014', 'Sykehjemmet'),
  ('30000000-0000-4000-8000-000000001403', '20000000-0000-4000-8000-000000000014', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000001501', '20000000-0000-4000-8000-000000000015', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000001502', '20000000-0000-4000-8000-000000000015', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000001503', '20000000-0000-4000-8000-000000000015', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000001504', '20000000-0000-4000-8000-000000000015', 'Helsestasjon og skulehelseteneste'),
  ('30000000-0000-4000-8000-000000001505', '20000000-0000-4000-8000-000000000015', 'Tenester for personar med nedsett funksjonsevne'),
  ('30000000-0000-4000-8000-000000001506', '20000000-0000-4000-8000-000000000015', 'Legekontor og legevakt'),
  ('30000000-0000-4000-8000-000000001601', '20000000-0000-4000-8000-000000000016', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000001602', '20000000-0000-4000-8000-000000000016', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000001603', '20000000-0000-4000-8000-000000000016', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000001701', '20000000-0000-4000-8000-000000000017', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000001702', '20000000-0000-4000-8000-000000000017', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000001703', '20000000-0000-4000-8000-000000000017', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000001704', '20000000-0000-4000-8000-000000000017', 'Helsestasjon og skulehelseteneste'),
  ('30000000-0000-4000-8000-000000001801', '20000000-0000-4000-8000-000000000018', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000001802', '20000000-0000-4000-8000-000000000018', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000001803', '20000000-0000-4000-8000-000000000018', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000001901', '20000000-0000-4000-8000-000000000019', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000001902', '20000000-0000-4000-8000-000000000019', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000002001', '20000000-0000-4000-8000-000000000020', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000002002', '20000000-0000-4000-8000-000000000020', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000002003', '20000000-0000-4000-8000-000000000020', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000002101', '20000000-0000-4000-8000-000000000021', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000002102', '20000000-0000-4000-8000-000000000021', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000002103', '20000000-0000-4000-8000-000000000021', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000002104', '20000000-0000-4000-8000-000000000021', 'Helsestasjon og skulehelseteneste'),
  ('30000000-0000-4000-8000-000000002201', '20000000-0000-4000-8000-000000000022', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000002202', '20000000-0000-4000-8000-000000000022', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000002203', '20000000-0000-4000-8000-000000000022', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000002301', '20000000-0000-4000-8000-000000000023', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000002302', '20000000-0000-4000-8000-000000000023', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000002303', '20000000-0000-4000-8000-000000000023', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000002401', '20000000-0000-4000-8000-000000000024', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000002402', '20000000-0000-4000-8000-000000000024', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000002403', '20000000-0000-4000-8000-000000000024', 'Psykisk helse og rus'),
  ('30000000-0000-4000-8000-000000002404', '20000000-0000-4000-8000-000000000024', 'Helsestasjon og skulehelseteneste'),
  ('30000000-0000-4000-8000-000000002501', '20000000-0000-4000-8000-000000000025', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000002502', '20000000-0000-4000-8000-000000000025', 'Sjukeheimen'),
  ('30000000-0000-4000-8000-000000002601', '20000000-0000-4000-8000-000000000026', 'Heimetenesta'),
  ('30000000-0000-4000-8000-000000002602', '20000000-0000-4000-8000-000000000026', 'Sjukeheimen');

-- Networks: municipal networks, HelseHub's four working groups, regional e-health networks
insert into public.networks (id, slug, name, kind, owner_organisation_id, owner_group_id, description) values
  ('40000000-0000-4000-8000-000000000001', 'digi-asker', 'Nettverk for digitalisering og e-helse – Asker', 'municipal', '20000000-0000-4000-8000-000000000001', null,
   'Asker kommunes nettverk der hver virksomhet har en representant som følger opp pågående prosjekter og tar med nye forslag som det kan søkes midler til.'),
  ('40000000-0000-4000-8000-000000000002', 'digi-drammen', 'Nettverk for digitalisering og e-helse – Drammen', 'municipal', '20000000-0000-4000-8000-000000000002', null,
   'Drammen kommunes nettverk for digitalisering, velferdsteknologi og e-helse på tvers av helse- og omsorgstjenestene.'),
  ('40000000-0000-4000-8000-000000000003', 'digi-lier', 'Nettverk for digitalisering og e-helse – Lier', 'municipal', '20000000-0000-4000-8000-000000000003', null,
   'Lier kommunes nettverk for digitalisering og e-helse, med representanter fra hver virksomhet i helse og omsorg.'),
  ('40000000-0000-4000-8000-000000000004', 'digi-kongsberg', 'Nettverk for digitalisering og e-helse – Kongsberg', 'municipal', '20000000-0000-4000-8000-000000000008', null,
   'Kongsberg kommunes nettverk for digitalisering og e-helse, i tett samarbeid med Responssenteret.'),
  ('40000000-0000-4000-8000-000000000005', 'hh-dho', 'Digital hjemmeoppfølging og responstjenester', 'focus_area', null, '10000000-0000-4000-8000-000000000001',
   'HelseHubs arbeidsgruppe for digital hjemmeoppfølging (DHO), trygghetsalarmer, sensorteknologi og responstjenester på tvers av partnerne.'),
  ('40000000-0000-4000-8000-000000000006', 'hh-kompetanse', 'Digital helsekompetanse', 'focus_area', null, '10000000-0000-4000-8000-000000000001',
   'HelseHubs arbeidsgruppe for opplæring og digital helsekompetanse: teknologisk kompetanse, mestring, pedagogikk og innovasjon og implementering.'),
  ('40000000-0000-4000-8000-000000000007', 'hh-forebygging', 'Forebyggende helsearbeid', 'focus_area', null, '10000000-0000-4000-8000-000000000001',
   'HelseHubs arbeidsgruppe for forebygging og tidlig innsats, fra helsestasjon til hverdagsmestring for eldre.'),
  ('40000000-0000-4000-8000-000000000008', 'hh-klinobs', 'KlinObs kommune og simulering', 'focus_area', null, '10000000-0000-4000-8000-000000000001',
   'HelseHubs arbeidsgruppe for klinisk observasjonskompetanse i kommunene og simulering som læringsmetode.'),
  ('40000000-0000-4000-8000-000000000009', 'ehelse-hallingdal', 'Regionalt e-helsenettverk – Hallingdal', 'regional', null, '10000000-0000-4000-8000-000000000003',
   'Regionalt nettverk for e-helse og velferdsteknologi i dei seks kommunane i Hallingdal.'),
  ('40000000-0000-4000-8000-000000000010', 'ehelse-vest-telemark', 'Regionalt e-helsenettverk – Vest-Telemark', 'regional', null, '10000000-0000-4000-8000-000000000004',
   'Regionalt nettverk for e-helse og velferdsteknologi i dei seks kommunane i Vest-Telemark.');

-- Demo users: invented people. auth.users first (Supabase Auth's table, or the local stand-in)
insert into auth.users (id, email, raw_user_meta_data) values
  ('50000000-0000-4000-8000-000000000001', 'kari.nordby@asker.example.no', '{"full_name":"Kari Nordby"}'),
  ('50000000-0000-4000-8000-000000000002', 'hilde.strand@asker.example.no', '{"full_name":"Hilde Strand"}'),
  ('50000000-0000-4000-8000-000000000003', 'ingrid.solberg@asker.example.no', '{"full_name":"Ingrid Solberg"}'),
  ('50000000-0000-4000-8000-000000000004', 'marius.bakken@asker.example.no', '{"full_name":"Marius Bakken"}'),
  ('50000000-0000-4000-8000-000000000005', 'astrid.hovland@asker.example.no', '{"full_name":"Astrid Hovland"}'),
  ('50000000-0000-4000-8000-000000000006', 'ahmed.rahimi@drammen.example.no', '{"full_name":"Ahmed Rahimi"}'),
  ('50000000-0000-4000-8000-000000000007', 'lene.dahl@drammen.example.no', '{"full_name":"Lene Dahl"}'),
  ('50000000-0000-4000-8000-000000000008', 'emily.carter@drammen.example.no', '{"full_name":"Emily Carter"}'),
  ('50000000-0000-4000-8000-000000000009', 'silje.eriksen@drammen.example.no', '{"full_name":"Silje Eriksen"}'),
  ('50000000-0000-4000-8000-000000000010', 'tor.arne.myhre@drammen.example.no', '{"full_name":"Tor Arne Myhre"}'),
  ('50000000-0000-4000-8000-000000000011', 'maria.haugen@lier.example.no', '{"full_name":"Maria Haugen"}'),
  ('50000000-0000-4000-8000-000000000012', 'eirik.sandvik@lier.example.no', '{"full_name":"Eirik Sandvik"}'),
  ('50000000-0000-4000-8000-000000000013', 'anne.lise.brekke@lier.example.no', '{"full_name":"Anne Lise Brekke"}'),
  ('50000000-0000-4000-8000-000000000014', 'hanne.vik@lier.example.no', '{"full_name":"Hanne Vik"}'),
  ('50000000-0000-4000-8000-000000000015', 'sofie.kvam@kongsberg.example.no', '{"full_name":"Sofie Kvam"}'),
  ('50000000-0000-4000-8000-000000000016', 'henrik.moen@kongsberg.example.no', '{"full_name":"Henrik Moen"}'),
  ('50000000-0000-4000-8000-000000000017', 'nina.aas@kongsberg.example.no', '{"full_name":"Nina Aas"}'),
  ('50000000-0000-4000-8000-000000000018', 'ragnhild.kvisla@al.example.no', '{"full_name":"Ragnhild Kvisla"}'),
  ('50000000-0000-4000-8000-000000000019', 'olav.myrset@al.example.no', '{"full_name":"Olav Myrset"}'),
  ('50000000-0000-4000-8000-000000000020', 'ingvild.breie@gol.example.no', '{"full_name":"Ingvild Breie"}'),
  ('50000000-0000-4000-8000-000000000021', 'gunhild.tveit@vinje.example.no', '{"full_name":"Gunhild Tveit"}'),
  ('50000000-0000-4000-8000-000000000022', 'knut.lognvik@seljord.example.no', '{"full_name":"Knut Lognvik"}'),
  ('50000000-0000-4000-8000-000000000023', 'stian.kolstad@responssenteret.example.no', '{"full_name":"Stian Kolstad"}'),
  ('50000000-0000-4000-8000-000000000024', 'trine.braten@sigdal.example.no', '{"full_name":"Trine Bråten"}'),
  ('50000000-0000-4000-8000-000000000025', 'camilla.berg@usn.example.no', '{"full_name":"Camilla Berg"}'),
  ('50000000-0000-4000-8000-000000000026', 'lars.oien@usn.example.no', '{"full_name":"Lars Øien"}'),
  ('50000000-0000-4000-8000-000000000027', 'mette.lund@vestre-viken.example.no', '{"full_name":"Mette Lund"}'),
  ('50000000-0000-4000-8000-000000000028', 'daniel.foss@vestre-viken.example.no', '{"full_name":"Daniel Foss"}'),
  ('50000000-0000-4000-8000-000000000029', 'jorgen.holm@drammen-helsepark.example.no', '{"full_name":"Jørgen Holm"}'),
  ('50000000-0000-4000-8000-000000000030', 'vigdis.ruud@drammen-helsepark.example.no', '{"full_name":"Vigdis Ruud"}');

insert into public.profiles (id, email, full_name, organisation_id, unit_id, job_title, locale, platform_role, onboarded_at) values
  ('50000000-0000-4000-8000-000000000001', 'kari.nordby@asker.example.no', 'Kari Nordby', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000101', 'Sykepleier', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000002', 'hilde.strand@asker.example.no', 'Hilde Strand', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000101', 'Virksomhetsleder', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000003', 'ingrid.solberg@asker.example.no', 'Ingrid Solberg', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000101', 'Digital agent', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000004', 'marius.bakken@asker.example.no', 'Marius Bakken', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000109', 'Velferdsteknologikonsulent', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000005', 'astrid.hovland@asker.example.no', 'Astrid Hovland', '20000000-0000-4000-8000-000000000001', '30000000-0000-4000-8000-000000000106', 'Rådgiver folkehelse og forebygging', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000006', 'ahmed.rahimi@drammen.example.no', 'Ahmed Rahimi', '20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000202', 'Helsefagarbeider', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000007', 'lene.dahl@drammen.example.no', 'Lene Dahl', '20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000206', 'Helsesykepleier', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000008', 'emily.carter@drammen.example.no', 'Emily Carter', '20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000201', 'Sykepleier', 'en', 'employee', now()),
  ('50000000-0000-4000-8000-000000000009', 'silje.eriksen@drammen.example.no', 'Silje Eriksen', '20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000202', 'Superbruker', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000010', 'tor.arne.myhre@drammen.example.no', 'Tor Arne Myhre', '20000000-0000-4000-8000-000000000002', '30000000-0000-4000-8000-000000000209', 'Rådgiver e-helse', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000011', 'maria.haugen@lier.example.no', 'Maria Haugen', '20000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000304', 'Fysioterapeut', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000012', 'eirik.sandvik@lier.example.no', 'Eirik Sandvik', '20000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000303', 'Digital agent', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000013', 'anne.lise.brekke@lier.example.no', 'Anne Lise Brekke', '20000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000307', 'Rådgiver', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000014', 'hanne.vik@lier.example.no', 'Hanne Vik', '20000000-0000-4000-8000-000000000003', '30000000-0000-4000-8000-000000000302', 'Fagsykepleier', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000015', 'sofie.kvam@kongsberg.example.no', 'Sofie Kvam', '20000000-0000-4000-8000-000000000008', '30000000-0000-4000-8000-000000000803', 'Vernepleier', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000016', 'henrik.moen@kongsberg.example.no', 'Henrik Moen', '20000000-0000-4000-8000-000000000008', '30000000-0000-4000-8000-000000000808', 'Velferdsteknologikonsulent', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000017', 'nina.aas@kongsberg.example.no', 'Nina Aas', '20000000-0000-4000-8000-000000000008', '30000000-0000-4000-8000-000000000801', 'Superbruker', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000018', 'ragnhild.kvisla@al.example.no', 'Ragnhild Kvisla', '20000000-0000-4000-8000-000000000015', '30000000-0000-4000-8000-000000001501', 'Sjukepleiar', 'nn', 'employee', now()),
  ('50000000-0000-4000-8000-000000000019', 'olav.myrset@al.example.no', 'Olav Myrset', '20000000-0000-4000-8000-000000000015', '30000000-0000-4000-8000-000000001501', 'Rådgiver e-helse og velferdsteknologi', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000020', 'ingvild.breie@gol.example.no', 'Ingvild Breie', '20000000-0000-4000-8000-000000000017', '30000000-0000-4000-8000-000000001701', 'Digital agent', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000021', 'gunhild.tveit@vinje.example.no', 'Gunhild Tveit', '20000000-0000-4000-8000-000000000021', '30000000-0000-4000-8000-000000002101', 'Rådgiver', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000022', 'knut.lognvik@seljord.example.no', 'Knut Lognvik', '20000000-0000-4000-8000-000000000024', '30000000-0000-4000-8000-000000002402', 'Velferdsteknologikonsulent', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000023', 'stian.kolstad@responssenteret.example.no', 'Stian Kolstad', '20000000-0000-4000-8000-000000000006', '30000000-0000-4000-8000-000000000601', 'Rådgiver responstjenester', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000024', 'trine.braten@sigdal.example.no', 'Trine Bråten', '20000000-0000-4000-8000-000000000009', '30000000-0000-4000-8000-000000000901', 'Superbruker', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000025', 'camilla.berg@usn.example.no', 'Camilla Berg', '20000000-0000-4000-8000-000000000004', '30000000-0000-4000-8000-000000000402', 'Førsteamanuensis', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000026', 'lars.oien@usn.example.no', 'Lars Øien', '20000000-0000-4000-8000-000000000004', '30000000-0000-4000-8000-000000000401', 'Forsker', 'nb', 'partner_viewer', now()),
  ('50000000-0000-4000-8000-000000000027', 'mette.lund@vestre-viken.example.no', 'Mette Lund', '20000000-0000-4000-8000-000000000005', '30000000-0000-4000-8000-000000000503', 'Rådgiver samhandling', 'nb', 'partner_viewer', now()),
  ('50000000-0000-4000-8000-000000000028', 'daniel.foss@vestre-viken.example.no', 'Daniel Foss', '20000000-0000-4000-8000-000000000005', '30000000-0000-4000-8000-000000000503', 'Fagutviklingssykepleier', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000029', 'jorgen.holm@drammen-helsepark.example.no', 'Jørgen Holm', '20000000-0000-4000-8000-000000000007', '30000000-0000-4000-8000-000000000701', 'Rådgiver innovasjon', 'nb', 'employee', now()),
  ('50000000-0000-4000-8000-000000000030', 'vigdis.ruud@drammen-helsepark.example.no', 'Vigdis Ruud', '20000000-0000-4000-8000-000000000007', '30000000-0000-4000-8000-000000000702', 'Plattformansvarlig', 'nb', 'admin', now());

insert into public.network_members (network_id, profile_id, role) values
  ('40000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000003', 'member'),
  ('40000000-0000-4000-8000-000000000006', '50000000-0000-4000-8000-000000000003', 'member'),
  ('40000000-0000-4000-8000-000000000001', '50000000-0000-4000-8000-000000000004', 'coordinator'),
  ('40000000-0000-4000-8000-000000000005', '50000000-0000-4000-8000-000000000004', 'member'),
  ('40000000-0000-4000-8000-000000000007', '50000000-0000-4000-8000-000000000005', 'coordinator'),
  ('40000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000009', 'member'),
  ('40000000-0000-4000-8000-000000000002', '50000000-0000-4000-8000-000000000010', 'coordinator'),
  ('40000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000012', 'member'),
  ('40000000-0000-4000-8000-000000000006', '50000000-0000-4000-8000-000000000012', 'member'),
  ('40000000-0000-4000-8000-000000000003', '50000000-0000-4000-8000-000000000013', 'coordinator'),
  ('40000000-0000-4000-8000-000000000007', '50000000-0000-4000-8000-000000000013', 'member'),
  ('40000000-0000-4000-8000-000000000008', '50000000-0000-4000-8000-000000000014', 'member'),
  ('40000000-0000-4000-8000-000000000004', '50000000-0000-4000-8000-000000000016', 'coordinator'),
  ('40000000-0000-4000-8000-000000000005', '50000000-0000-4000-8000-000000000016', 'member'),
  ('40000000-0000-4000-8000-000000000004', '50000000-0000-4000-8000-000000000017', 'member'),
  ('40000000-0000-4000-8000-000000000008', '50000000-0000-4000-8000-000000000017', 'member'),
  ('40000000-0000-4000-8000-000000000009', '50000000-0000-4000-8000-000000000019', 'coordinator'),
  ('40000000-0000-4000-8000-000000000009', '50000000-0000-4000-8000-000000000020', 'member'),
  ('40000000-0000-4000-8000-000000000010', '50000000-0000-4000-8000-000000000021', 'coordinator'),
  ('40000000-0000-4000-8000-000000000010', '50000000-0000-4000-8000-000000000022', 'member'),
  ('40000000-0000-4000-8000-000000000005', '50000000-0000-4000-8000-000000000023', 'coordinator'),
  ('40000000-0000-4000-8000-000000000005', '50000000-0000-4000-8000-000000000024', 'member'),
  ('40000000-0000-4000-8000-000000000006', '50000000-0000-4000-8000-000000000025', 'coordinator'),
  ('40000000-0000-4000-8000-000000000008', '50000000-0000-4000-8000-000000000028', 'coordinator'),
  ('40000000-0000-4000-8000-000000000007', '50000000-0000-4000-8000-000000000029', 'member');

-- On Supabase, auth.users has more columns than the local stand-in. Fill the ones Supabase Auth
-- needs so the demo users can sign in with an e-mail code there too; skipped where they do not exist.
do $$
begin
  if exists (select 1 from information_schema.columns
             where table_schema = 'auth' and table_name = 'users' and column_name = 'email_confirmed_at') then
    execute $sql$
      update auth.users set
        instance_id = '00000000-0000-0000-0000-000000000000',
        aud = 'authenticated',
        role = 'authenticated',
        email_confirmed_at = now(),
        raw_app_meta_data = '{"provider": "email", "providers": ["email"]}'::jsonb,
        confirmation_token = '', recovery_token = '', email_change = '', email_change_token_new = '',
        created_at = coalesce(created_at, now()), updated_at = coalesce(updated_at, now())
      where id::text like '50000000-%'
    $sql$;
  end if;
  if exists (select 1 from information_schema.columns
             where table_schema = 'auth' and table_name = 'identities' and column_name = 'provider_id') then
    execute $sql$
      insert into auth.identities (id, user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
      select gen_random_uuid(), u.id, u.id::text, 'email',
             jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true), now(), now(), now()
      from auth.users u
      where u.id::text like '50000000-%'
    $sql$;
  end if;
end
$$;

-- ----------------------------------------------------------------------------
-- Routing (demo): local networks first; competence/training and cross-municipal ideas go to the
-- HelseHub working groups; regional municipalities to their regional e-health network.
-- Rules are checked in `position` order; the first whose every criterion matches wins.
-- ----------------------------------------------------------------------------
insert into public.routing_rules (id, position, name, network_id, match_theme_ids, match_service_area_ids, match_group_ids, match_several_municipalities) values
  ('60000000-0000-4000-8000-000000000001', 10, 'Kompetanse og opplæring går til HelseHubs arbeidsgruppe for digital helsekompetanse',
   '40000000-0000-4000-8000-000000000006', array(select id from public.themes where slug = 'kompetanse-og-opplaering'), null, null, null),
  ('60000000-0000-4000-8000-000000000002', 20, 'Velferdsteknologi som er relevant for flere kommuner går til HelseHubs arbeidsgruppe for DHO og responstjenester',
   '40000000-0000-4000-8000-000000000005', array(select id from public.themes where slug in ('trygghetsskapende-teknologi', 'mestringsteknologi', 'digital-hjemmeoppfolging', 'velvaereteknologi')), null, null, true),
  ('60000000-0000-4000-8000-000000000003', 30, 'Forebygging for barn og unge som er relevant for flere kommuner går til HelseHubs arbeidsgruppe for forebyggende helsearbeid',
   '40000000-0000-4000-8000-000000000007', null, array(select id from public.service_areas where slug = 'barn-og-unge'), null, true),
  ('60000000-0000-4000-8000-000000000004', 40, 'Kommunene i Hallingdal bruker det regionale e-helsenettverket',
   '40000000-0000-4000-8000-000000000009', null, null, array['10000000-0000-4000-8000-000000000003'::uuid], null),
  ('60000000-0000-4000-8000-000000000005', 50, 'Kommunene i Vest-Telemark bruker det regionale e-helsenettverket',
   '40000000-0000-4000-8000-000000000010', null, null, array['10000000-0000-4000-8000-000000000004'::uuid], null);

-- Fallback network per organisation: where an idea goes when no rule matches.
update public.organisations o set fallback_network_id = f.network_id::uuid
from (values
  ('asker', '40000000-0000-4000-8000-000000000001'),
  ('drammen', '40000000-0000-4000-8000-000000000002'),
  ('lier', '40000000-0000-4000-8000-000000000003'),
  ('usn', '40000000-0000-4000-8000-000000000006'),
  ('vestre-viken', '40000000-0000-4000-8000-000000000005'),
  ('responssenteret', '40000000-0000-4000-8000-000000000005'),
  ('drammen-helsepark', '40000000-0000-4000-8000-000000000008'),
  ('kongsberg', '40000000-0000-4000-8000-000000000004'),
  ('sigdal', '40000000-0000-4000-8000-000000000004'),
  ('flesberg', '40000000-0000-4000-8000-000000000004'),
  ('nore-og-uvdal', '40000000-0000-4000-8000-000000000004'),
  ('rollag', '40000000-0000-4000-8000-000000000004'),
  ('notodden', '40000000-0000-4000-8000-000000000004'),
  ('hjartdal', '40000000-0000-4000-8000-000000000004'),
  ('al', '40000000-0000-4000-8000-000000000009'),
  ('hol', '40000000-0000-4000-8000-000000000009'),
  ('gol', '40000000-0000-4000-8000-000000000009'),
  ('nesbyen', '40000000-0000-4000-8000-000000000009'),
  ('fla', '40000000-0000-4000-8000-000000000009'),
  ('hemsedal', '40000000-0000-4000-8000-000000000009'),
  ('vinje', '40000000-0000-4000-8000-000000000010'),
  ('tokke', '40000000-0000-4000-8000-000000000010'),
  ('kviteseid', '40000000-0000-4000-8000-000000000010'),
  ('seljord', '40000000-0000-4000-8000-000000000010'),
  ('fyresdal', '40000000-0000-4000-8000-000000000010'),
  ('nissedal', '40000000-0000-4000-8000-000000000010')
) as f(slug, network_id)
where o.slug = f.slug;

-- ----------------------------------------------------------------------------
-- Demo ideas (invented), so that browsing and "similar ideas" have something to show.
-- Routing, numbers and receipts are set by the same triggers as for real submissions.
-- ----------------------------------------------------------------------------
create temporary table demo_ideas (
  idea_id uuid, submitter_email text, title text, problem text, proposal text, stop_doing text,
  theme text, areas text[], several boolean, visibility public.idea_visibility, benefits text[], contexts text[]
) on commit drop;

insert into demo_ideas values
  ('70000000-0000-4000-8000-000000000001', 'kari.nordby@asker.example.no',
   'Digitalt nattilsyn med sensor i stedet for faste runder',
   'Nattpatruljen i hjemmesykepleien kjører faste tilsynsrunder og vekker brukere som sover godt. Det gir dårlig søvn for brukerne og mye kjøring for oss.',
   'Prøve digitalt tilsyn med bevegelsessensor hos brukere som i dag får faste nattbesøk, slik at vi bare rykker ut ved varsel.',
   'Faste nattlige tilsynsbesøk hos brukere som ikke trenger dem.',
   'trygghetsskapende-teknologi', array['hjemmetjenester'], true, 'partners', array['less_driving', 'time_saved', 'independence'], array['home', 'response']),
  ('70000000-0000-4000-8000-000000000002', 'ahmed.rahimi@drammen.example.no',
   'Felles sjekkliste for oppstart av medisindispenser',
   'Hver sone starter opp elektroniske medisindispensere på sin egen måte. Brukere og pårørende får ulik informasjon, og vi får avvik i overgangen.',
   'Lage en felles sjekkliste og en kort opplæringsvideo for oppstart av medisindispenser, som alle soner bruker.',
   'Egne lokale rutiner i hver sone.',
   'mestringsteknologi', array['hjemmetjenester'], false, 'partners', array['patient_safety', 'quality'], array['home']),
  ('70000000-0000-4000-8000-000000000003', 'maria.haugen@lier.example.no',
   'Bruke Gerica-malene vi allerede har for fallrisiko',
   'Journalsystemet har en mal for kartlegging av fallrisiko som nesten ingen bruker, fordi få vet at den finnes.',
   'Superbrukere viser malen på personalmøter, og vi legger den inn som standard ved innkomstsamtale.',
   'Papirskjemaet for fallrisiko.',
   'bedre-bruk-av-eksisterende', array['sykehjem', 'hjemmetjenester'], false, 'organisation', array['fewer_falls', 'patient_safety'], array['institution', 'home']),
  ('70000000-0000-4000-8000-000000000004', 'sofie.kvam@kongsberg.example.no',
   'Simuleringstrening før vi tar i bruk ny velferdsteknologi',
   'Mange er redde for å trykke feil når nye løsninger kommer, og opplæringen skjer ofte mens vi er hos brukeren.',
   'Korte simuleringsøkter på USN eller Drammen Helsepark før ny teknologi rulles ut, med realistiske scenarier.',
   null,
   'kompetanse-og-opplaering', array['hjemmetjenester', 'sykehjem'], true, 'partners', array['staff_wellbeing', 'quality'], array['home', 'institution']),
  ('70000000-0000-4000-8000-000000000005', 'ragnhild.kvisla@al.example.no',
   'GPS-lokalisering for heimebuande med demens',
   'Pårørande er redde når mor eller far går ut åleine, og vi brukar mykje tid på leiting.',
   'Tilby GPS-lokalisering etter samtykke og ein felles prosedyre for kven som rykkjer ut når alarmen går.',
   null,
   'trygghetsskapende-teknologi', array['hjemmetjenester', 'nedsatt-funksjonsevne'], false, 'partners', array['relatives_safety', 'independence'], array['outdoors']),
  ('70000000-0000-4000-8000-000000000006', 'lene.dahl@drammen.example.no',
   'Digital timebestilling på helsestasjonen',
   'Foreldre ringer for å flytte timer, og telefonen er opptatt store deler av dagen.',
   'La foreldre flytte og bestille timer digitalt, med påminnelse på SMS dagen før.',
   'Manuell flytting av timer på telefon.',
   'e-helse-fagsystem', array['barn-og-unge'], false, 'partners', array['time_saved', 'quality'], array['control']),
  ('70000000-0000-4000-8000-000000000007', 'eirik.sandvik@lier.example.no',
   'Videokonsultasjon for oppfølging etter utskrivning',
   'Etter utskrivning fra sykehus trenger mange korte kontroller som i dag krever hjemmebesøk.',
   'Digital hjemmeoppfølging med nettbrett og videokonsultasjon de første to ukene etter utskrivning.',
   'Noen av kontrollbesøkene de første ukene.',
   'digital-hjemmeoppfolging', array['hjemmetjenester', 'rehabilitering'], false, 'partners', array['less_driving', 'health'], array['home']);

insert into public.ideas (id, organisation_id, unit_id, network_id, title, problem, proposal_json, proposal_html,
  proposal_text, stop_doing, beneficiaries, need_contexts, expected_benefits, theme_id, service_area_ids,
  relevant_for_several, visibility, hide_name, privacy_confirmed_at, idempotency_key, first_answer_due_at)
select d.idea_id, p.organisation_id, p.unit_id, routed.network_id,
  d.title, d.problem,
  jsonb_build_object('root', jsonb_build_object('type', 'root', 'version', 1, 'direction', null, 'format', '', 'indent', 0,
    'children', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'version', 1, 'direction', null, 'format', '', 'indent', 0,
      'textFormat', 0, 'textStyle', '', 'children', jsonb_build_array(jsonb_build_object('type', 'text', 'version', 1,
        'text', d.proposal, 'format', 0, 'style', '', 'mode', 'normal', 'detail', 0)))))),
  '<p>' || d.proposal || '</p>', d.proposal, d.stop_doing,
  array['users_and_relatives', 'staff_and_leaders'], d.contexts, d.benefits, t.id, areas.ids,
  d.several, d.visibility, false, now(), gen_random_uuid(), due.due_at
from demo_ideas d
join public.profiles p on p.email = d.submitter_email
join public.themes t on t.slug = d.theme
cross join lateral (select array_agg(a.id) as ids from public.service_areas a where a.slug = any(d.areas)) areas
cross join lateral (select r.network_id from public.route_idea(p.organisation_id, t.id, areas.ids, d.several) r) routed
join public.networks n on n.id = routed.network_id
-- As the app sets it (addWorkingDays): the end, Oslo time, of the network's Nth working day after today.
cross join lateral (
  select (g.day::date + 1)::timestamp at time zone 'Europe/Oslo' - interval '1 millisecond' as due_at
  from generate_series((now() at time zone 'Europe/Oslo')::date + 1, (now() at time zone 'Europe/Oslo')::date + 120, interval '1 day') as g(day)
  where extract(isodow from g.day) < 6 and not app_private.is_norwegian_public_holiday(g.day::date)
  order by g.day
  offset n.sla_first_answer_working_days - 1 limit 1) due;

insert into public.idea_submitters (idea_id, submitter_id, display_name)
select d.idea_id, p.id, p.full_name from demo_ideas d join public.profiles p on p.email = d.submitter_email;

insert into public.idea_events (idea_id, kind, actor_id)
select d.idea_id, 'submitted', p.id from demo_ideas d join public.profiles p on p.email = d.submitter_email;

insert into public.idea_supports (idea_id, profile_id)
select '70000000-0000-4000-8000-000000000001', id from public.profiles
where email in ('hilde.strand@asker.example.no', 'ahmed.rahimi@drammen.example.no', 'ragnhild.kvisla@al.example.no');

-- Demo receipts count as already delivered: nobody should get mail for invented ideas.
update public.outbox_messages set status = 'sent', sent_at = now() where kind = 'idea_receipt';

-- ----------------------------------------------------------------------------
-- Reply templates (triage, issue 4): a few default answers per network, which coordinators edit
-- on /nettverk/<slug>/svarmaler. Regional networks in Hallingdal and Vest-Telemark get nynorsk.
-- Square brackets mark what the person answering fills in before sending.
-- ----------------------------------------------------------------------------
insert into public.reply_templates (network_id, title, body, to_status, sort_order)
select n.id, t.title, t.body, t.to_status::public.idea_status, t.sort_order
from public.networks n
join (values
  (false, 10, 'Takk – vi ser på forslaget', 'under_review',
   'Takk for forslaget ditt! Nettverket har lest det og ser nå nærmere på det. Vi tar det opp i neste nettverksmøte og gir deg beskjed om hva vi kommer fram til.'),
  (false, 20, 'Ikke prioritert nå', 'not_prioritised',
   'Takk for forslaget. Vi har vurdert det, men kan ikke prioritere det nå fordi [skriv begrunnelsen]. Forslaget blir liggende, og vi ser på det igjen senere. Du får beskjed når vi gjør det.'),
  (false, 30, 'Sendt videre til ledelsen', 'anchoring',
   'Takk for forslaget. Vi mener det er verdt å gå videre med, og har sendt det til [ledelsen/virksomhetsleder] for forankring. Du hører fra oss når vi vet mer.'),
  (false, 40, 'Slått sammen med et lignende forslag', 'merged',
   'Takk for forslaget. Et annet forslag beskriver det samme behovet, så vi behandler dem sammen. Følg gjerne det andre forslaget – der får du alle oppdateringer videre.'),
  (true, 10, 'Takk – vi ser på forslaget', 'under_review',
   'Takk for forslaget ditt! Nettverket har lese det og ser no nærare på det. Vi tek det opp på neste nettverksmøte og gir deg melding om kva vi kjem fram til.'),
  (true, 20, 'Ikkje prioritert no', 'not_prioritised',
   'Takk for forslaget. Vi har vurdert det, men kan ikkje prioritere det no fordi [skriv grunngivinga]. Forslaget blir liggjande, og vi ser på det igjen seinare. Du får melding når vi gjer det.'),
  (true, 30, 'Sendt vidare til leiinga', 'anchoring',
   'Takk for forslaget. Vi meiner det er verdt å gå vidare med, og har sendt det til [leiinga/verksemdsleiar] for forankring. Du høyrer frå oss når vi veit meir.'),
  (true, 40, 'Slått saman med eit liknande forslag', 'merged',
   'Takk for forslaget. Eit anna forslag skildrar det same behovet, så vi behandlar dei saman. Følg gjerne det andre forslaget – der får du alle oppdateringar vidare.')
) as t(nynorsk, sort_order, title, to_status, body) on t.nynorsk = (n.kind = 'regional');
-- ---------------------------------------------------------------------------- end reply templates

-- ----------------------------------------------------------------------------
-- Demo success stories (issue 6). INVENTED DEMO DATA: the stories, numbers and people are made
-- up to show the gallery, the benefit totals and the publishing flow. One public, one for all
-- partners, one for the own organisation only, and one waiting for review.
-- The reviewing network is set by the database (route_idea), as for real stories.
-- ----------------------------------------------------------------------------
create temporary table demo_stories (
  story_id uuid, slug text, author_email text, status public.story_status, visibility public.story_visibility,
  title text, summary text, body text, what_changed text, stopped_doing text, unplanned text, success text, costs text,
  theme text, areas text[], published_days_ago integer
) on commit drop;

insert into demo_stories values
  ('90000000-0000-4000-8000-000000000001', 'digitalt-tilsyn-om-natta-demo', 'henrik.moen@kongsberg.example.no', 'published', 'public',
   'Digitalt tilsyn om natta i hjemmetjenesten',
   'Nattpatruljen i Kongsberg byttet faste kontrollbesøk med digitalt tilsyn hos brukere som samtykket. Kjøringen gikk ned fra 420 til 260 km i uka, og brukerne sover bedre.',
   'Nattpatruljen kjørte lange runder for å se til brukere som stort sett sov. Sammen med Responssenteret prøvde vi digitalt tilsyn i tre måneder hos 24 brukere som samtykket, med faste rutiner for hva som utløser et besøk.',
   'Tilsyn skjer digitalt etter en individuell plan; nattpatruljen rykker ut når sensoren eller Responssenteret varsler.',
   'Faste nattlige kontrollbesøk hos brukere som sover godt hele natta.',
   'Færre oppvåkninger om natta, og pårørende sier de føler seg tryggere.',
   'Forankring hos ledelsen, samtykkesamtaler med brukere og pårørende, og opplæring av nattpatruljen før oppstart.',
   'Leie av sensorer og avtale med Responssenteret: om lag 1 900 kroner per bruker i måneden.',
   'trygghetsskapende-teknologi', array['hjemmetjenester'], 40),
  ('90000000-0000-4000-8000-000000000002', 'elektronisk-medisindispenser-demo', 'silje.eriksen@drammen.example.no', 'published', 'partners',
   'Elektronisk medisindispenser gav færre avvik',
   'Hjemmesykepleien i Drammen tok i bruk elektroniske medisindispensere hos 35 brukere. Avvikene i medisinhåndteringen gikk ned fra 18 til 4 i kvartalet, og vi sparte mange korte besøk.',
   'Mange besøk handlet bare om å dele ut medisiner til faste tider. Med dispenser som varsler brukeren og sier fra til oss hvis en dose ikke blir tatt, kan besøkene brukes til annet.',
   'Brukere med stabil medisinering får medisinene fra dispenseren; vi følger opp varsler i stedet for å komme til faste tider.',
   'Besøk som bare handlet om å gi medisiner.',
   'Flere brukere sier de mestrer hverdagen bedre når de selv tar medisinene.',
   'En superbruker i hver sone, tett samarbeid med apoteket og en tydelig rutine for varsler.',
   'Dispensere og abonnement: om lag 700 kroner per bruker i måneden.',
   'mestringsteknologi', array['hjemmetjenester'], 20),
  ('90000000-0000-4000-8000-000000000003', 'fallsensor-korttidsavdeling-demo', 'marius.bakken@asker.example.no', 'published', 'organisation',
   'Fallsensorer på korttidsavdelingen',
   'Korttidsavdelingen i Asker satte opp fallsensorer på ti rom. Antall fall per måned gikk ned fra 9 til 5, og nattevaktene bruker mindre tid på faste runder.',
   'Nattevaktene gikk faste runder hver time for å forebygge fall. Sensorene varsler når en beboer står opp, slik at vi kommer før fallet skjer.',
   'Sensorvarsel i stedet for faste runder hos beboere med fallrisiko.',
   'Faste runder hver time hos beboere som har sensor.',
   null,
   'Vi testet varslingen grundig før oppstart, og alle nattevaktene fikk opplæring.',
   null,
   'trygghetsskapende-teknologi', array['sykehjem'], 10),
  ('90000000-0000-4000-8000-000000000004', 'videooppfolging-etter-utskrivning-demo', 'eirik.sandvik@lier.example.no', 'ready_for_review', 'partners',
   'Videooppfølging de første ukene etter utskrivning',
   'Lier prøvde korte videosamtaler i stedet for noen av kontrollbesøkene de første to ukene etter utskrivning fra sykehus. Hjemmebesøkene per pasient gikk ned fra 6 til 2.',
   'Etter utskrivning trenger mange korte kontroller. Vi lånte ut nettbrett og avtalte faste videosamtaler de første to ukene.',
   'Korte kontroller skjer på video; hjemmebesøk når det trengs.',
   'Faste kontrollbesøk som bare handlet om å spørre hvordan det går.',
   null, null, null,
   'digital-hjemmeoppfolging', array['hjemmetjenester', 'rehabilitering'], null);

insert into public.stories (id, slug, status, visibility, organisation_id, author_id, title, summary, body_json, body_html, body_text,
  what_changed, stopped_doing, unplanned_benefits, success_factors, costs, theme_id, service_area_ids, contact_profile_id,
  contact_name, contact_email, published_at, first_published_at)
select d.story_id, d.slug, d.status, d.visibility, p.organisation_id, p.id, d.title, d.summary,
  jsonb_build_object('root', jsonb_build_object('type', 'root', 'version', 1, 'direction', null, 'format', '', 'indent', 0,
    'children', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'version', 1, 'direction', null, 'format', '', 'indent', 0,
      'textFormat', 0, 'textStyle', '', 'children', jsonb_build_array(jsonb_build_object('type', 'text', 'version', 1,
        'text', d.body, 'format', 0, 'style', '', 'mode', 'normal', 'detail', 0)))))),
  '<p>' || d.body || '</p>', d.body,
  d.what_changed, d.stopped_doing, d.unplanned, d.success, d.costs, t.id, areas.ids, p.id,
  p.full_name, p.email,
  case when d.published_days_ago is not null then now() - make_interval(days => d.published_days_ago) end,
  case when d.published_days_ago is not null then now() - make_interval(days => d.published_days_ago) end
from demo_stories d
join public.profiles p on p.email = d.author_email
join public.themes t on t.slug = d.theme
cross join lateral (select array_agg(a.id) as ids from public.service_areas a where a.slug = any(d.areas)) areas;

update public.stories set submitted_at = now() - interval '2 days' where id = '90000000-0000-4000-8000-000000000004';

insert into public.story_organisations (story_id, organisation_id)
select '90000000-0000-4000-8000-000000000001', id from public.organisations where slug = 'responssenteret'
on conflict do nothing;

insert into public.story_benefits (story_id, position, indicator, unit, baseline, after, period, category) values
  ('90000000-0000-4000-8000-000000000001', 0, 'Kjørte km per uke', 'km', 420, 260, 'per uke, før og etter tre måneder', 'less_driving'),
  ('90000000-0000-4000-8000-000000000001', 1, 'Nattlige tilsynsbesøk per uke', 'count', 140, 65, 'per uke', 'time_saved'),
  ('90000000-0000-4000-8000-000000000002', 0, 'Avvik i medisinhåndtering', 'count', 18, 4, 'per kvartal', 'patient_safety'),
  ('90000000-0000-4000-8000-000000000002', 1, 'Besøk for medisinutdeling per uke', 'count', 210, 120, 'per uke', 'time_saved'),
  ('90000000-0000-4000-8000-000000000002', 2, 'Kjørte km per uke', 'km', 380, 300, 'per uke', 'less_driving'),
  ('90000000-0000-4000-8000-000000000003', 0, 'Fall per måned', 'count', 9, 5, 'snitt over tre måneder', 'fewer_falls'),
  ('90000000-0000-4000-8000-000000000003', 1, 'Tid på faste nattrunder', 'hours', 7, 3, 'per natt', 'time_saved'),
  ('90000000-0000-4000-8000-000000000004', 0, 'Hjemmebesøk per pasient de første to ukene', 'count', 6, 2, 'per pasient', 'time_saved'),
  ('90000000-0000-4000-8000-000000000004', 1, 'Tid per oppfølging', 'minutes', 45, 15, 'inkludert kjøring', 'time_saved');
-- ---------------------------------------------------------------------------- end demo success stories
