-- A batch of mails whose answer was lost is retried as the same batch (decision 014).
--
-- Resend's batch endpoint takes one idempotency key for the whole request and dedupes only an
-- identical repeat (same key, same mails). Until now a batch that failed was retried mail by mail
-- under each mail's own key: if Resend had in fact accepted the batch (a timeout, a 500 after
-- accepting, a dispatcher that crashed before recording), those mails went out twice.
--
-- batch_key: the idempotency key of the batch this message was first sent in; set before the batch
--   leaves, so a dispatcher that crashes mid-send leaves it behind for the next one. Messages with
--   the same key are claimed and sent together again until the batch is answered. A batch that
--   Resend refused outright (400/422: nothing was sent) is dissolved: its messages go one by one.
-- sent_mail: the subject, HTML, text and tags as first sent. A retry repeats them exactly (Resend
--   answers a repeat with other content under the same key with 409, and renderers read the
--   current idea, which may have changed). Emptied (by a trigger, whoever closes the message) once
--   the message is sent or given up, so the outbox keeps no mail bodies.

alter table public.outbox_messages
  add column batch_key text,
  add column sent_mail jsonb,
  add constraint outbox_messages_sent_mail_only_while_pending check (status = 'pending' or sent_mail is null);

create function app_private.outbox_messages_drop_sent_mail() returns trigger
  language plpgsql set search_path = '' as $$
begin
  if new.status <> 'pending' then
    new.sent_mail := null;
  end if;
  return new;
end;
$$;

create trigger outbox_messages_drop_sent_mail
  before insert or update of status, sent_mail on public.outbox_messages
  for each row execute function app_private.outbox_messages_drop_sent_mail();

create index outbox_messages_pending_batch_idx on public.outbox_messages (batch_key)
  where status = 'pending' and batch_key is not null;

comment on column public.outbox_messages.batch_key is
  'Idempotency key of the batch this message was first sent in; retried with the same members and key until answered.';
comment on column public.outbox_messages.sent_mail is
  'The mail as first sent ({subject, html, text, tags}), repeated exactly on retries; null once sent or failed.';
