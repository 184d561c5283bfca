import { sql } from "kysely";
import { withUser, type SessionUser } from "~/db/client.server";
import type { IdeaStatus, Locale } from "~/db/schema";
import { CLOSED_STATUSES, IDEA_STATUSES } from "~/modules/ideas/idea-vocabulary";
import { AppError } from "~/utils/app-error";

export type InboxFilters = {
  /** "open" (default), "all" or one status. */
  status?: "open" | "all" | IdeaStatus;
  /** "mine", "unassigned" or a profile id. */
  owner?: string;
  themeId?: string;
  organisationId?: string;
  overdue?: boolean;
  /** 1-based; a page past the end shows the last page. */
  page?: number;
};

/** Ideas per inbox page: a network with a backlog of thousands must not send them all at once. */
export const INBOX_PAGE_SIZE = 50;

export type InboxIdea = {
  id: string;
  publicId: string;
  title: string;
  status: IdeaStatus;
  nextDueAt: Date | null;
  overdue: boolean;
  submittedAt: Date;
  ownerId: string | null;
  ownerName: string | null;
  organisationName: string;
  themeName: string;
  /** The demand signal: people who support the idea, and organisations with the same need. */
  supportCount: number;
  sameNeedCount: number;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads filters from GET query parameters, ignoring values that make no sense. */
export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const status = params.get("status");
  const owner = params.get("ansvarlig");
  const themeId = params.get("tema");
  const organisationId = params.get("organisasjon");
  return {
    status: status === "all" || (IDEA_STATUSES as readonly string[]).includes(status ?? "") ? (status as InboxFilters["status"]) : "open",
    owner: owner === "mine" || owner === "unassigned" || (owner && uuidPattern.test(owner)) ? owner : undefined,
    themeId: themeId && uuidPattern.test(themeId) ? themeId : undefined,
    organisationId: organisationId && uuidPattern.test(organisationId) ? organisationId : undefined,
    overdue: params.get("forfalt") === "1",
    page: /^[1-9]\d{0,5}$/.test(params.get("side") ?? "") ? Number(params.get("side")) : 1,
  };
}

/**
 * A network's ideas for its members: overdue first, then by when the submitter is next owed an
 * answer. Counts per status and overdue ignore the status/overdue filters so they can be used as tabs;
 * owner workload is included for coordinators and admins.
 */
export async function listNetworkInbox(options: { user: SessionUser; networkSlug: string; filters: InboxFilters; locale: Locale; now?: Date }) {
  const now = options.now ?? new Date();
  const { filters } = options;
  return withUser(options.user, async (trx) => {
    const network = await trx
      .selectFrom("networks")
      .leftJoin("network_members", (join) =>
        join.onRef("network_members.network_id", "=", "networks.id").on("network_members.profile_id", "=", options.user.id),
      )
      .select(["networks.id", "networks.slug", "networks.name", "network_members.role"])
      .where("networks.slug", "=", options.networkSlug)
      .executeTakeFirst();
    if (!network) throw new AppError("network_not_found");
    const admin = await trx
      .selectFrom("profiles")
      .select("id")
      .where("id", "=", options.user.id)
      .where("platform_role", "=", "admin")
      .executeTakeFirst();
    if (!network.role && !admin) throw new AppError("not_network_member");
    const isCoordinator = network.role === "coordinator" || Boolean(admin);

    const themeName = options.locale === "nn" ? "themes.name_nn" : options.locale === "en" ? "themes.name_en" : "themes.name_nb";
    let query = trx
      .selectFrom("ideas")
      .innerJoin("organisations", "organisations.id", "ideas.organisation_id")
      .innerJoin("themes", "themes.id", "ideas.theme_id")
      .leftJoin("profiles as owner", "owner.id", "ideas.owner_id")
      .select([
        "ideas.id",
        "ideas.public_id",
        "ideas.title",
        "ideas.status",
        "ideas.next_due_at",
        "ideas.submitted_at",
        "ideas.owner_id",
        "owner.full_name as owner_name",
        "organisations.name as organisation_name",
        sql.ref<string>(themeName).as("theme_name"),
        sql<number>`(select count(*) from public.idea_supports s where s.idea_id = ideas.id)::int`.as("support_count"),
        sql<number>`(select count(*) from public.idea_same_need n where n.idea_id = ideas.id)::int`.as("same_need_count"),
      ])
      .where("ideas.network_id", "=", network.id);
    const closed = [...CLOSED_STATUSES];
    if (filters.status === "open" || filters.status === undefined) query = query.where("ideas.status", "not in", closed);
    else if (filters.status !== "all") query = query.where("ideas.status", "=", filters.status);
    if (filters.owner === "mine") query = query.where("ideas.owner_id", "=", options.user.id);
    else if (filters.owner === "unassigned") query = query.where("ideas.owner_id", "is", null);
    else if (filters.owner) query = query.where("ideas.owner_id", "=", filters.owner);
    if (filters.themeId) query = query.where("ideas.theme_id", "=", filters.themeId);
    if (filters.organisationId) query = query.where("ideas.organisation_id", "=", filters.organisationId);
    if (filters.overdue) query = query.where("ideas.next_due_at", "<", now);
    const readPage = (page: number) =>
      query
        .select(sql<number>`(count(*) over ())::int`.as("total"))
        .orderBy(sql`case when ideas.next_due_at < ${now} then 0 else 1 end`)
        .orderBy(sql`ideas.next_due_at asc nulls last`)
        .orderBy("ideas.submitted_at", "desc")
        .orderBy("ideas.id")
        .limit(INBOX_PAGE_SIZE)
        .offset((page - 1) * INBOX_PAGE_SIZE)
        .execute();
    let page = filters.page ?? 1;
    let rows = await readPage(page);
    if (rows.length === 0 && page > 1) {
      // An old link past the end (ideas were answered meanwhile): the last page instead.
      const first = await readPage(1);
      page = Math.max(1, Math.ceil((first[0]?.total ?? 0) / INBOX_PAGE_SIZE));
      rows = page === 1 ? first : await readPage(page);
    }
    const total = rows[0]?.total ?? 0;

    const countRows = await trx
      .selectFrom("ideas")
      .select(["status", sql<number>`count(*)::int`.as("count"), sql<number>`(count(*) filter (where next_due_at < ${now}))::int`.as("overdue")])
      .where("network_id", "=", network.id)
      .groupBy("status")
      .execute();
    const counts = Object.fromEntries(countRows.map((r) => [r.status, Number(r.count)])) as Partial<Record<IdeaStatus, number>>;
    const overdueCount = countRows.reduce((sum, r) => sum + Number(r.overdue), 0);
    const openCount = countRows.filter((r) => !(closed as string[]).includes(r.status)).reduce((sum, r) => sum + Number(r.count), 0);

    const members = await trx
      .selectFrom("network_members")
      .innerJoin("profiles", "profiles.id", "network_members.profile_id")
      .select(["profiles.id", "profiles.full_name", "network_members.role"])
      .where("network_members.network_id", "=", network.id)
      .orderBy("profiles.full_name")
      .execute();

    let workload: { ownerId: string | null; ownerName: string | null; open: number; overdue: number }[] | null = null;
    if (isCoordinator) {
      const load = await trx
        .selectFrom("ideas")
        .leftJoin("profiles", "profiles.id", "ideas.owner_id")
        .select([
          "ideas.owner_id",
          "profiles.full_name",
          sql<number>`count(*)::int`.as("open"),
          sql<number>`(count(*) filter (where ideas.next_due_at < ${now}))::int`.as("overdue"),
        ])
        .where("ideas.network_id", "=", network.id)
        .where("ideas.status", "not in", closed)
        .groupBy(["ideas.owner_id", "profiles.full_name"])
        .orderBy("profiles.full_name")
        .execute();
      workload = load.map((r) => ({ ownerId: r.owner_id, ownerName: r.full_name, open: Number(r.open), overdue: Number(r.overdue) }));
    }

    const ideas: InboxIdea[] = rows.map((r) => ({
      id: r.id,
      publicId: r.public_id,
      title: r.title,
      status: r.status,
      nextDueAt: r.next_due_at,
      overdue: r.next_due_at !== null && r.next_due_at < now,
      submittedAt: r.submitted_at,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      organisationName: r.organisation_name,
      themeName: r.theme_name,
      supportCount: Number(r.support_count),
      sameNeedCount: Number(r.same_need_count),
    }));
    return {
      network: { id: network.id, slug: network.slug, name: network.name, isCoordinator },
      ideas,
      total,
      page,
      pageCount: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
      counts,
      openCount,
      overdueCount,
      members: members.map((m) => ({ id: m.id, name: m.full_name, role: m.role })),
      workload,
    };
  });
}
