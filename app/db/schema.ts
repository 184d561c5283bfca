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
};

export type Profile = Selectable<ProfilesTable>;
export type NewProfile = Insertable<ProfilesTable>;
export type ProfileUpdate = Updateable<ProfilesTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type Network = Selectable<NetworksTable>;
