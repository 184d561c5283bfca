import { dispatchOutbox, safeErrorText, type DispatchOutboxOptions, type DispatchOutboxResult } from "./dispatch-outbox.server";

type OutboxLoopOptions = {
  intervalMs?: number;
  log?: (line: string) => void;
  /** Passed to every dispatchOutbox call (tests inject a mailer). */
  dispatch?: Omit<DispatchOutboxOptions, "now">;
};

type LoopState = {
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  again: boolean;
  stopped: boolean;
  pausedUntil: number;
  intervalMs: number;
  log: (line: string) => void;
  dispatch: Omit<DispatchOutboxOptions, "now">;
};

// On globalThis so that Vite's dev server reloads find (and do not duplicate) the running loop.
const store = globalThis as unknown as { __idehubOutboxLoop?: LoopState };

/**
 * Delivers the outbox in the background: right away, then every few seconds, and whenever
 * kickOutbox() is called. One dispatch at a time per process; other instances share the work
 * through the database. Timers are unref'd, so the loop never keeps the process alive.
 */
export function startOutboxLoop({ intervalMs = 5000, log = console.log, dispatch = {} }: OutboxLoopOptions = {}) {
  if (store.__idehubOutboxLoop && !store.__idehubOutboxLoop.stopped) return;
  store.__idehubOutboxLoop = { timer: undefined, running: undefined, again: false, stopped: false, pausedUntil: 0, intervalMs, log, dispatch };
  kickOutbox();
}

/** Asks the loop to dispatch now (e.g. right after a submission committed). A no-op when the loop is off. */
export function kickOutbox() {
  const state = store.__idehubOutboxLoop;
  if (!state || state.stopped) return;
  if (state.running) {
    state.again = true;
    return;
  }
  if (state.timer) clearTimeout(state.timer);
  state.timer = undefined;
  state.running = runOnce(state).finally(() => {
    state.running = undefined;
    if (state.stopped) return;
    if (state.again) {
      state.again = false;
      kickOutbox();
    } else {
      schedule(state);
    }
  });
}

/** Stops the loop and waits for a dispatch in progress to finish (call before closing the database). */
export async function stopOutboxLoop() {
  const state = store.__idehubOutboxLoop;
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearTimeout(state.timer);
  state.timer = undefined;
  await state.running;
  store.__idehubOutboxLoop = undefined;
}

function schedule(state: LoopState) {
  const wait = Math.max(state.intervalMs, state.pausedUntil - Date.now());
  state.timer = setTimeout(() => kickOutbox(), wait);
  state.timer.unref();
}

async function runOnce(state: LoopState) {
  if (Date.now() < state.pausedUntil) return;
  let result: DispatchOutboxResult;
  try {
    result = await dispatchOutbox(state.dispatch);
  } catch (error) {
    // The database may be briefly away; the next round tries again and nothing is lost.
    state.log(`[outbox] dispatch failed: ${safeErrorText(error)}`);
    return;
  }
  if (result.rateLimitedUntil) state.pausedUntil = result.rateLimitedUntil.getTime();
  if (result.sent || result.retried || result.failed || result.deferred) {
    state.log(`[outbox] sent ${result.sent}, retry later ${result.retried}, failed ${result.failed}, deferred ${result.deferred}`);
  }
  // A full batch means more may be waiting: go again at once instead of after the interval.
  if (result.claimed >= (state.dispatch.batchSize ?? 50) && !result.rateLimitedUntil) state.again = true;
}
