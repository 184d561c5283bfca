import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Locale = "nb" | "nn" | "en";
export type OrganisationKind = "municipality" | "health_trust" | "university" | "partner" | "other";
export type OrganisationGroupKind = "partnership" | "region";
export type PlatformRole = "employee" | "partner_viewer" | "admin";
export type NetworkKind = "municipal" | "focus_area" | "regional";
export type NetworkRole = "member" | "coordinator";

export type AuthUsersTable = {
  id: string;
  email: string | null;
  raw_user_meta_data: ColumnType<unknown, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type OrganisationGroupsTable = {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: OrganisationGroupKind;
  created_at: CreatedAt;
};

export type OrganisationsTable = {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: OrganisationKind;
  avvik_url: string | null;
  fallback_network_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type OrganisationGroupMembersTable = {
  group_id: string;
  organisation_id: string;
};

export type OrganisationDomainsTable = {
  domain: string;
  organisation_id: string;
};

export type UnitsTable = {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  created_at: CreatedAt;
};

export type ProfilesTable = {
  id: string;
  email: string;
  full_name: string;
  organisation_id: string;
  unit_id: string | null;
  job_title: string | null;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  platform_role: ColumnType<PlatformRole, PlatformRole | undefined, PlatformRole>;
  onboarded_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type NetworksTable = {
  id: Generated<string>;
  slug: string;
  name: string;
  description: string | null;
  kind: NetworkKind;
  owner_organisation_id: string | null;
  owner_group_id: string | null;
  sla_first_answer_working_days: Generated<number>;
  sla_update_interval_days: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type NetworkMembersTable = {
  network_id: string;
  profile_id: string;
  role: ColumnType<NetworkRole, NetworkRole | undefined, NetworkRole>;
  created_at: CreatedAt;
};

export type LoginTokensTable = {
  id: Generated<string>;
  email: string;
  link_token_hash: string;
  code_hash: string;
  redirect_to: string | null;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  attempts: Generated<number>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
};

export type MailboxMessagesTable = {
  id: Generated<string>;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  tags: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: CreatedAt;
};


export type IdeaStatus =
  | "received"
  | "under_review"
  | "anchoring"
  | "insight"
  | "service_development"
  | "piloting"
  | "transition_to_operation"
  | "new_practice"
  | "not_prioritised"
  | "merged"
  | "withdrawn";
export type IdeaVisibility = "organisation" | "partners";

type ReferenceListTable = {
  id: Generated<string>;
  slug: string;
  name_nb: string;
  name_nn: string;
  name_en: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
};
export type ThemesTable = ReferenceListTable;
export type ServiceAreasTable = ReferenceListTable;

export type RoutingRulesTable = {
  id: Generated<string>;
  position: number;
  name: string;
  network_id: string;
  match_organisation_ids: string[] | null;
  match_group_ids: string[] | null;
  match_theme_ids: string[] | null;
  match_service_area_ids: string[] | null;
  match_several_municipalities: boolean | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

/** Why an idea went where it went, as stored by public.route_idea(). */
export type RoutingExplanation =
  | {
      kind: "rule";
      organisationId?: string;
      groupIds?: string[];
      themeId?: string;
      serviceAreaIds?: string[];
      several?: true;
    }
  | { kind: "fallback"; organisationId: string };

export type IdeasTable = {
  id: Generated<string>;
  year: ColumnType<number, number | undefined, never>;
  number: ColumnType<number, number | undefined, never>;
  public_id: ColumnType<string, string | undefined, never>;
  status: ColumnType<IdeaStatus, IdeaStatus | undefined, IdeaStatus>;
  organisation_id: string;
  unit_id: string | null;
  network_id: string;
  routing_rule_id: ColumnType<string | null, never, never>;
  routing_explanation: ColumnType<RoutingExplanation, never, never>;
  title: string;
  problem: string;
  proposal_json: ColumnType<unknown, string, string>;
  proposal_html: string;
  proposal_text: string;
  stop_doing: string | null;
  beneficiaries: string[];
  need_contexts: string[];
  expected_benefits: string[];
  theme_id: string;
  service_area_ids: string[];
  relevant_for_several: boolean;
  visibility: IdeaVisibility;
  hide_name: boolean;
  privacy_confirmed_at: Timestamp;
  idempotency_key: string;
  submitted_at: ColumnType<Date, never, never>;
  first_answer_due_at: Timestamp;
  withdrawn_reason: string | null;
  withdrawn_at: ColumnType<Date | null, never, never>;
  /** When the idea reached its closed status (kept by a trigger); null while it is open. */
  closed_at: ColumnType<Date | null, never, never>;
  /** Working days from submission to the first answer (kept by a trigger); null until answered. */
  first_answer_working_days: ColumnType<number | null, never, never>;
  search_vector: ColumnType<string, never, never>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** Triage (20261123120000_triage.sql): status, clock and side-exit fields change only through idea_answers. */
  owner_id: ColumnType<string | null, string | null | undefined, string | null>;
  first_answered_at: ColumnType<Date | null, never, never>;
  last_answer_at: ColumnType<Date | null, never, never>;
  next_due_at: ColumnType<Date | null, never, Date | null>;
  look_again_at: ColumnType<string | null, never, string | null>;
  merged_into_id: ColumnType<string | null, never, string | null>;
};

export type IdeaSubmittersTable = {
  idea_id: string;
  submitter_id: string | null;
  display_name: string;
  on_behalf_of_name: string | null;
  on_behalf_of_email: string | null;
  created_at: CreatedAt;
};

export type IdeaDraftsTable = {
  id: Generated<string>;
  owner_id: string;
  title: Generated<string>;
  form_data: ColumnType<Record<string, unknown>, string | undefined, string>;
  idempotency_key: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type IdeaAttachmentsTable = {
  id: Generated<string>;
  /** Null once the uploader's account is deleted: the file stays with the idea. */
  owner_id: ColumnType<string | null, string | undefined, string | null>;
  draft_id: string | null;
  idea_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  created_at: CreatedAt;
};

export type IdeaEventKind =
  | "submitted"
  | "edited"
  | "withdrawn"
  | "status_changed"
  | "answered"
  | "assigned"
  | "transferred"
  | "note"
  | "merged_in"
  | "cocreator_joined"
  | "contact_taken_over"
  | "contested";

export type IdeaEventsTable = {
  id: Generated<string>;
  idea_id: string;
  kind: IdeaEventKind;
  actor_id: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, never>;
  created_at: CreatedAt;
};

export type OutboxMessagesTable = {
  id: Generated<string>;
  kind: string;
  recipient_email: string;
  recipient_profile_id: string | null;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  idempotency_key: string;
  status: ColumnType<"pending" | "sent" | "failed", "pending" | "sent" | "failed" | undefined, "pending" | "sent" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  sent_at: Timestamp | null;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: CreatedAt;
  /** Idempotency key of the batch this message was first sent in (20261206120000). */
  batch_key: string | null;
  /** The mail as first sent, repeated exactly on retries; null once sent or failed. */
  sent_mail: ColumnType<RenderedMailColumn | null, string | null | undefined, string | null>;
};

/** outbox_messages.sent_mail: what a renderer made of the message (see notifications/outbox-message.ts). */
export type RenderedMailColumn = { subject: string; html: string; text: string; tags?: Record<string, string> };

export type IdeaSupportsTable = {
  idea_id: string;
  profile_id: string;
  created_at: CreatedAt;
};

export type EmailMode = "immediate" | "daily_digest" | "off";
export type SlaEscalationLevel = "owner_reminder" | "coordinators" | "admins";

export type NotificationsTable = {
  id: Generated<string>;
  recipient_id: string;
  kind: string;
  idea_id: string | null;
  title_key: string;
  values: ColumnType<Record<string, unknown>, string | undefined, string>;
  link: string | null;
  read_at: Timestamp | null;
  created_at: CreatedAt;
};

export type NotificationPreferencesTable = {
  profile_id: string;
  email_mode: ColumnType<EmailMode, EmailMode | undefined, EmailMode>;
  weekly_network_digest: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
};

export type SlaEscalationsTable = {
  id: Generated<string>;
  idea_id: string;
  level: SlaEscalationLevel;
  due_at: Timestamp;
  created_at: CreatedAt;
};

export type EvaluationCriterion =
  | "new"
  | "useful"
  | "used"
  | "benefit_users"
  | "benefit_staff"
  | "benefit_municipality"
  | "feasibility"
  | "cost"
  | "risk_privacy_ethics"
  | "strategic_fit";

/** Inserting an answer applies its status to the idea, restarts the clock and queues the e-mails (triggers). */
export type IdeaAnswersTable = {
  id: Generated<string>;
  idea_id: string;
  author_id: ColumnType<string | null, string | null | undefined, never>;
  /** Optional on insert: the status the form saw; a mismatch is refused as stale (40001). */
  from_status: ColumnType<IdeaStatus, IdeaStatus | undefined, never>;
  to_status: IdeaStatus;
  body: string;
  look_again_at: string | null;
  merged_into_id: string | null;
  on_time: ColumnType<boolean, never, never>;
  created_at: CreatedAt;
};

export type IdeaInternalNotesTable = {
  id: Generated<string>;
  idea_id: string;
  /** Null once the author has deleted their account (the note stays). */
  author_id: ColumnType<string | null, string | undefined, never>;
  body: string;
  created_at: CreatedAt;
};

export type IdeaEvaluationsTable = {
  id: Generated<string>;
  idea_id: string;
  /** Null once the evaluator has deleted their account (the scores stay in the averages). */
  evaluator_id: ColumnType<string | null, string | undefined, never>;
  criterion: EvaluationCriterion;
  score: number;
  note: string | null;
  updated_at: Timestamp;
};

export type ReplyTemplatesTable = {
  id: Generated<string>;
  network_id: string;
  title: string;
  body: string;
  to_status: IdeaStatus | null;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

/** Inserting a transfer moves the idea (trigger); from_network_id must be the idea's current network. */
export type IdeaTransfersTable = {
  id: Generated<string>;
  idea_id: string;
  from_network_id: string;
  to_network_id: string;
  reason: string;
  transferred_by: ColumnType<string | null, string | null | undefined, never>;
  created_at: CreatedAt;
};

export type IdeaSameNeedTable = {
  id: Generated<string>;
  idea_id: string;
  organisation_id: string;
  profile_id: string | null;
  note: string | null;
  created_at: CreatedAt;
};

export type IdeaFollowsTable = {
  idea_id: string;
  profile_id: string;
  created_at: CreatedAt;
};

/** body and hidden_reason are not readable by API roles: read them through idea_comment_view(). */
export type IdeaCommentsTable = {
  id: Generated<string>;
  idea_id: string;
  author_id: string | null;
  parent_id: string | null;
  body: string;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
  hidden_at: Timestamp | null;
  hidden_by: string | null;
  hidden_reason: string | null;
  created_at: CreatedAt;
};

export type IdeaCommentMentionsTable = {
  comment_id: string;
  profile_id: string;
  created_at: CreatedAt;
};

export type StoryStatus = "draft" | "ready_for_review" | "returned" | "published" | "unpublished";
export type StoryVisibility = "organisation" | "partners" | "public";
export type StoryBenefitUnit = "km" | "hours" | "minutes" | "count" | "percent" | "nok" | "points";

export type StoriesTable = {
  id: Generated<string>;
  slug: string;
  status: ColumnType<StoryStatus, StoryStatus | undefined, StoryStatus>;
  visibility: ColumnType<StoryVisibility, StoryVisibility | undefined, StoryVisibility>;
  organisation_id: string;
  /** Set by the database (the idea's network, or route_idea()). */
  network_id: ColumnType<string, string | undefined, never>;
  idea_id: string | null;
  author_id: ColumnType<string | null, string | undefined, never>;
  title: string;
  summary: string;
  body_json: ColumnType<unknown, string, string>;
  body_html: string;
  body_text: string;
  what_changed: string;
  stopped_doing: string | null;
  unplanned_benefits: string | null;
  success_factors: string | null;
  costs: string | null;
  theme_id: string;
  service_area_ids: string[];
  contact_profile_id: string | null;
  contact_name: ColumnType<string | null, string | undefined, string | null>;
  contact_email: ColumnType<string | null, string | undefined, string | null>;
  review_comment: string | null;
  unpublished_reason: string | null;
  submitted_at: ColumnType<Date | null, never, never>;
  published_at: ColumnType<Date | null, Date | string | undefined, never>;
  first_published_at: ColumnType<Date | null, Date | string | undefined, never>;
  published_by: ColumnType<string | null, never, never>;
  reviewed_by: ColumnType<string | null, never, never>;
  unpublished_at: ColumnType<Date | null, never, never>;
  search_vector: ColumnType<string, never, never>;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type StoryOrganisationsTable = {
  story_id: string;
  organisation_id: string;
};

export type StoryBenefitsTable = {
  id: Generated<string>;
  story_id: string;
  position: number;
  indicator: string;
  unit: StoryBenefitUnit;
  baseline: ColumnType<number, number | string, number | string>;
  after: ColumnType<number, number | string, number | string>;
  period: string | null;
  category: string;
};

export type StoryImagesTable = {
  id: Generated<string>;
  story_id: string;
  position: number;
  alt_text: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  created_at: CreatedAt;
};

export type StoryTrialsTable = {
  id: Generated<string>;
  story_id: string;
  organisation_id: string;
  idea_id: string | null;
  profile_id: string | null;
  created_at: CreatedAt;
};

export type IdeaAnswerFeedbackTable = {
  id: Generated<string>;
  answer_id: string;
  /** Set from the answer by the database. */
  idea_id: ColumnType<string, string | undefined, never>;
  author_id: ColumnType<string | null, string | null | undefined, never>;
  clear: boolean;
  comment: string | null;
  created_at: CreatedAt;
};

export type IdeaContestsTable = {
  id: Generated<string>;
  idea_id: string;
  /** The closing answer; set by the database. */
  answer_id: ColumnType<string | null, never, never>;
  author_id: ColumnType<string | null, string | null | undefined, never>;
  body: string;
  created_at: CreatedAt;
};

export type Database = {
  "auth.users": AuthUsersTable;
  organisation_groups: OrganisationGroupsTable;
  organisations: OrganisationsTable;
  organisation_group_members: OrganisationGroupMembersTable;
  organisation_domains: OrganisationDomainsTable;
  units: UnitsTable;
  profiles: ProfilesTable;
  networks: NetworksTable;
  network_members: NetworkMembersTable;
  login_tokens: LoginTokensTable;
  mailbox_messages: MailboxMessagesTable;
  themes: ThemesTable;
  service_areas: ServiceAreasTable;
  routing_rules: RoutingRulesTable;
  ideas: IdeasTable;
  idea_submitters: IdeaSubmittersTable;
  idea_drafts: IdeaDraftsTable;
  idea_attachments: IdeaAttachmentsTable;
  idea_events: IdeaEventsTable;
  outbox_messages: OutboxMessagesTable;
  idea_supports: IdeaSupportsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  sla_escalations: SlaEscalationsTable;
  idea_same_need: IdeaSameNeedTable;
  idea_follows: IdeaFollowsTable;
  idea_comments: IdeaCommentsTable;
  idea_comment_mentions: IdeaCommentMentionsTable;
  idea_answers: IdeaAnswersTable;
  idea_internal_notes: IdeaInternalNotesTable;
  idea_evaluations: IdeaEvaluationsTable;
  reply_templates: ReplyTemplatesTable;
  idea_transfers: IdeaTransfersTable;
  idea_cocreators: IdeaCocreatorsTable;
  stories: StoriesTable;
  story_organisations: StoryOrganisationsTable;
  story_benefits: StoryBenefitsTable;
  story_images: StoryImagesTable;
  story_trials: StoryTrialsTable;
  audit_log: AuditLogTable;
  idea_answer_feedback: IdeaAnswerFeedbackTable;
  idea_contests: IdeaContestsTable;
};

export type Profile = Selectable<ProfilesTable>;
export type NewProfile = Insertable<ProfilesTable>;
export type ProfileUpdate = Updateable<ProfilesTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type Network = Selectable<NetworksTable>;

export type CocreatorKind = "request" | "invitation";
export type CocreatorStatus = "pending" | "accepted" | "declined";

export type IdeaCocreatorsTable = {
  id: Generated<string>;
  idea_id: string;
  profile_id: string;
  kind: CocreatorKind;
  status: ColumnType<CocreatorStatus, never, CocreatorStatus>;
  message: string | null;
  invited_by: ColumnType<string | null, never, never>;
  created_at: CreatedAt;
  responded_at: ColumnType<Date | null, never, never>;
};

/** Written only by the database's audit trigger and account deletion (issue 7). */
export type AuditLogTable = {
  id: ColumnType<number, never, never>;
  actor_id: string | null;
  action: string;
  target_table: string;
  target_id: string | null;
  network_id: string | null;
  before_data: Record<string, unknown> | null;
  after_data: Record<string, unknown> | null;
  created_at: CreatedAt;
};
