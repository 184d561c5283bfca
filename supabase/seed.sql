-- Demo data placeholder (replaced below)
insert into public.organisations (slug, name, kind) values ('asker', 'Asker kommune', 'municipality');
