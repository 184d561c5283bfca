import { safeErrorText } from "~/modules/notifications/dispatch-outbox.server";
import { kickOutbox } from "~/modules/notifications/outbox-loop.server";
import { sendDailyDigests, sendWeeklyNetworkDigests } from "./digests.server";
import { dailyDigestPeriod, weeklyDigestPeriod } from "./oslo-schedule";
import { sweepSla, type SweepSlaOptions } from "./sweep-sla.server";
import { compactIdeaCounts } from "~/modules/search/compact-idea-counts.server";

type SlaLoopOptions = {
  intervalMs?: number;
  log?: (line: string) => void;
  /** The clock; tests inject one. */
  clock?: () => Date;
  sweep?: Omit<SweepSlaOptions, "now">;
};

type LoopState = {
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  stopped: boolean;
  intervalMs: number;
  log: (line: string) => void;
  clock: () => Date;
  sweep: Omit<SweepSlaOptions, "now">;
  /** Digest periods this process has already queued; the database keys make it safe across instances. */
  dailyDone: string | null;
  weeklyDone: string | null;
};

const store = globalThis as unknown as { __idehubSlaLoop?: LoopState };

/**
 * Runs the SLA sweeper every minute, and the daily (07:00 Oslo) and weekly (Monday 07:00 Oslo)
 * digests once their period has ended. Everything it calls is idempotent, so several instances
 * may run it. Timers are unref'd and never keep the process alive.
 */
export function startSlaLoop({ intervalMs = 60_000, log = console.log, clock = () => new Date(), sweep = {} }: SlaLoopOptions = {}) {
  if (store.__idehubSlaLoop && !store.__idehubSlaLoop.stopped) return;
  const state: LoopState = { timer: undefined, running: undefined, stopped: false, intervalMs, log, clock, sweep, dailyDone: null, weeklyDone: null };
  store.__idehubSlaLoop = state;
  tick(state);
}

/** Whether this process runs the loop (for start-up checks and tests). */
export function isSlaLoopRunning() {
  return Boolean(store.__idehubSlaLoop && !store.__idehubSlaLoop.stopped);
}

/** Stops the loop and waits for a pass in progress (call before closing the database). */
export async function stopSlaLoop() {
  const state = store.__idehubSlaLoop;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  state.timer = undefined;
  await state.running;
  store.__idehubSlaLoop = undefined;
}

function tick(state: LoopState) {
  state.timer = undefined;
  state.running = runOnce(state).finally(() => {
    state.running = undefined;
    if (state.stopped) return;
    state.timer = setTimeout(() => tick(state), state.intervalMs);
    state.timer.unref();
  });
}

/** One pass of the loop: sweep, then any digest whose period has ended. Exported for tests. */
export async function runSlaJobsOnce(
  now: Date,
  { sweep = {}, done = { daily: null, weekly: null } }: { sweep?: Omit<SweepSlaOptions, "now">; done?: { daily: string | null; weekly: string | null } } = {},
) {
  const swept = await sweepSla({ ...sweep, now });
  const daily = dailyDigestPeriod(now).id === done.daily ? null : await sendDailyDigests({ now, db: sweep.db });
  const weekly = weeklyDigestPeriod(now).id === done.weekly ? null : await sendWeeklyNetworkDigests({ now, db: sweep.db });
  return { swept, daily, weekly };
}

async function runOnce(state: LoopState) {
  try {
    const now = state.clock();
    const { swept, daily, weekly } = await runSlaJobsOnce(now, { sweep: state.sweep, done: { daily: state.dailyDone, weekly: state.weeklyDone } });
    await compactIdeaCounts(state.sweep.db);
    if (daily) state.dailyDone = daily.periodId;
    if (weekly) state.weeklyDone = weekly.periodId;
    const queued = (daily?.queued ?? 0) + (weekly?.queued ?? 0);
    if (swept.notifications > 0 || queued > 0) {
      state.log(
        `[sla] reminders ${swept.owner_reminder}, escalations ${swept.coordinators + swept.admins}, notifications ${swept.notifications}, digests ${queued}`,
      );
      kickOutbox();
    }
  } catch (error) {
    // The database may be briefly away; the next pass tries again and nothing is lost.
    state.log(`[sla] sweep failed: ${safeErrorText(error)}`);
  }
}
