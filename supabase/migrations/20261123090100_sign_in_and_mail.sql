-- ============================================================================
-- Local sign-in (magic link + one-time code), shared rate-limit counters, and the
-- development mailbox. These tables are service-only: RLS is on and no API role has a
-- policy, so only the named service path (jobs, sign-in) can touch them.
-- ============================================================================

create table public.login_tokens (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email)),
  -- sha256 of the link token and of the 6-digit code; the clear values exist only in the e-mail.
  link_token_hash text not null unique,
  code_hash text not null,
  redirect_to text,
  locale public.ui_locale not null default 'nb',
  attempts integer not null default 0,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index login_tokens_email_idx on public.login_tokens (email, created_at desc);

-- Counters for rate-limiter-flexible's RateLimiterPostgres (shared by every app instance).
create table public.rate_limits (
  key varchar(255) primary key,
  points integer not null default 0,
  expire bigint
);

-- Mail sent by the local mailbox adapter (demo/dev/test only); shown at /dev/mailbox.
create table public.mailbox_messages (
  id uuid primary key default gen_random_uuid(),
  to_address text not null,
  subject text not null,
  html text not null,
  text text not null,
  tags jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index mailbox_messages_to_idx on public.mailbox_messages (to_address, created_at desc);

alter table public.login_tokens enable row level security;
alter table public.rate_limits enable row level security;
alter table public.mailbox_messages enable row level security;

revoke all on public.login_tokens, public.rate_limits, public.mailbox_messages from anon, authenticated;
grant all on public.login_tokens, public.rate_limits, public.mailbox_messages to service_role;
-- Deliberately no policies for anon/authenticated: every operation is denied to them.
