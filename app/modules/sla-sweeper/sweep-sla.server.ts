import { sql } from "kysely";
import { asService, getDatabase, type Db, type Trx } from "~/db/client.server";
import type { SlaEscalationLevel } from "~/db/schema";
import { createNotifications, networkCoordinatorIds, platformAdminIds } from "~/modules/notification-centre/create-notifications.server";
import { workingDaysBetween } from "~/modules/sla/working-days";

export type SweepSlaOptions = {
  now?: Date;
  /** Remind the owner when the deadline is this many working days away or fewer. */
  reminderWorkingDays?: number;
  /** Escalate to platform administrators when this many working days overdue. */
  adminEscalationWorkingDays?: number;
  db?: Db;
};

export type SweepSlaResult = { owner_reminder: number; coordinators: number; admins: number; notifications: number };

type Candidate = { id: string; public_id: string; title: string; network_id: string; network_name: string; owner_id: string | null; next_due_at: Date };

const REASON = "SLA sweeper: remind and escalate overdue answers";
const levelKind: Record<SlaEscalationLevel, string> = {
  owner_reminder: "sla_owner_reminder",
  coordinators: "sla_overdue",
  admins: "sla_overdue_admin",
};

/** Which escalation levels an idea has reached at `now` for its current deadline. */
export function dueLevels(
  dueAt: Date,
  now: Date,
  { reminderWorkingDays, adminEscalationWorkingDays }: { reminderWorkingDays: number; adminEscalationWorkingDays: number },
): SlaEscalationLevel[] {
  if (now.getTime() <= dueAt.getTime()) {
    return workingDaysBetween(now, dueAt) <= reminderWorkingDays ? ["owner_reminder"] : [];
  }
  const levels: SlaEscalationLevel[] = ["coordinators"];
  if (workingDaysBetween(dueAt, now) >= adminEscalationWorkingDays) levels.push("admins");
  return levels;
}

/**
 * One pass over open ideas (next_due_at set): reminds the owner before the deadline, escalates to
 * the network's coordinators when it has passed and to platform administrators later. Each level
 * happens once per idea and deadline (unique sla_escalations row, written in the same transaction
 * as its notifications); ideas another instance is working on are skipped (SKIP LOCKED).
 */
export async function sweepSla(options: SweepSlaOptions = {}): Promise<SweepSlaResult> {
  const now = options.now ?? new Date();
  const db = options.db ?? getDatabase().db;
  const config = {
    reminderWorkingDays: options.reminderWorkingDays ?? 2,
    adminEscalationWorkingDays: options.adminEscalationWorkingDays ?? 5,
  };
  const result: SweepSlaResult = { owner_reminder: 0, coordinators: 0, admins: 0, notifications: 0 };
  // Generous calendar bound: N working days are never more than N + 2 weeks of calendar days away.
  const horizon = new Date(now.getTime() + (config.reminderWorkingDays + 14) * 86_400_000);
  const candidates = await asService(REASON, async (trx) =>
    (
      await sql<{ id: string; next_due_at: Date; done: SlaEscalationLevel[] }>`
        select i.id, i.next_due_at,
               array(select e.level from public.sla_escalations e where e.idea_id = i.id and e.due_at = i.next_due_at) as done
        from public.ideas i
        where i.next_due_at is not null and i.next_due_at <= ${horizon}
        order by i.next_due_at`.execute(trx)
    ).rows,
    db,
  );

  for (const candidate of candidates) {
    const levels = dueLevels(candidate.next_due_at, now, config).filter((level) => !candidate.done.includes(level));
    if (levels.length === 0) continue;
    await asService(
      REASON,
      async (trx) => {
        const idea = await lockIdea(trx, candidate.id);
        // Answered or closed since we looked, or another instance holds it: the next pass sees it.
        if (!idea || idea.next_due_at.getTime() !== candidate.next_due_at.getTime()) return;
        for (const level of levels) {
          const inserted = await trx
            .insertInto("sla_escalations")
            .values({ idea_id: idea.id, level, due_at: idea.next_due_at })
            .onConflict((oc) => oc.columns(["idea_id", "level", "due_at"]).doNothing())
            .returning("id")
            .executeTakeFirst();
          if (!inserted) continue;
          const recipients = await recipientsFor(trx, idea, level);
          const created = await createNotifications(
            trx,
            recipients.map((recipientId) => ({
              recipientId,
              kind: levelKind[level],
              ideaId: idea.id,
              values: { title: idea.title, publicId: idea.public_id, network: idea.network_name, dueAt: idea.next_due_at.toISOString() },
              link: `/ideer/${idea.public_id}`,
            })),
          );
          result[level] += 1;
          result.notifications += created.length;
        }
      },
      db,
    );
  }
  return result;
}

async function lockIdea(trx: Trx, ideaId: string): Promise<Candidate | undefined> {
  const { rows } = await sql<Candidate>`
    select i.id, i.public_id, i.title, i.network_id, n.name as network_name, i.owner_id, i.next_due_at
    from public.ideas i join public.networks n on n.id = i.network_id
    where i.id = ${ideaId} and i.next_due_at is not null
    for update of i skip locked`.execute(trx);
  return rows[0];
}

async function recipientsFor(trx: Trx, idea: Candidate, level: SlaEscalationLevel): Promise<string[]> {
  if (level === "owner_reminder" && idea.owner_id) return [idea.owner_id];
  if (level === "admins") return platformAdminIds(trx);
  const coordinators = await networkCoordinatorIds(trx, idea.network_id);
  // A network without coordinators must not swallow the escalation.
  return coordinators.length > 0 ? coordinators : platformAdminIds(trx);
}
