import { useCallback, useEffect, useRef, useState } from "react";
import type { SimilarIdea } from "~/modules/ideas/find-similar-ideas.server";
import { checkPrivacy, type PrivacyCheckResult } from "~/modules/privacy/check-privacy";

export type AutosaveStatus = { state: "idle" } | { state: "saving" } | { state: "saved"; at: Date } | { state: "failed" } | { state: "tooLarge" };

const AUTOSAVE_DELAY_MS = 2000;
const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000];

/** The form's text values without files or the submit button, ready for the draft endpoint. */
export function draftFormData(form: HTMLFormElement): FormData {
  const formData = new FormData(form);
  formData.delete("attachments");
  formData.delete("intent");
  return formData;
}

function backupKey(userId: string) {
  return `idehub:idea-form-backup:${userId}`;
}

export type LocalBackup = { savedAt: number; entries: [string, string][] };

export function readLocalBackup(userId: string): LocalBackup | null {
  try {
    const raw = window.localStorage.getItem(backupKey(userId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalBackup;
    return Array.isArray(parsed.entries) && typeof parsed.savedAt === "number" ? parsed : null;
  } catch {
    return null;
  }
}

export function clearLocalBackup(userId: string) {
  try {
    window.localStorage.removeItem(backupKey(userId));
  } catch {
    // Storage may be disabled (private mode); the server draft is the real copy anyway.
  }
}

function writeLocalBackup(userId: string, formData: FormData) {
  const entries = [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string");
  try {
    window.localStorage.setItem(backupKey(userId), JSON.stringify({ savedAt: Date.now(), entries } satisfies LocalBackup));
  } catch {
    // Full or disabled storage: nothing more we can do in the browser.
  }
}

/**
 * Saves the form as a server-side draft a little after the last change and on blur. The first save
 * creates the draft; the returned id goes into the form so later saves update the same draft. When
 * the connection is gone it keeps retrying, and a copy stays in localStorage until a save succeeds.
 */
export function useAutosave(options: { formRef: React.RefObject<HTMLFormElement>; userId: string; initialDraftId: string | null }) {
  const { formRef, userId } = options;
  const [draftId, setDraftId] = useState(options.initialDraftId);
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle" });
  const draftIdRef = useRef(draftId);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const dirty = useRef(false);
  const stopped = useRef(false);
  const retries = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);

  const setId = useCallback((id: string | null) => {
    draftIdRef.current = id;
    setDraftId(id);
  }, []);

  const save = useCallback(async (): Promise<void> => {
    const form = formRef.current;
    if (!form || stopped.current) return;
    if (inFlight.current) {
      await inFlight.current;
      if (!dirty.current) return;
    }
    dirty.current = false;
    clearTimeout(timer.current);
    const formData = draftFormData(form);
    if (draftIdRef.current) formData.set("draftId", draftIdRef.current);
    setStatus({ state: "saving" });
    const run = (async () => {
      try {
        const response = await fetch("/ideer/kladd", { method: "POST", body: formData, headers: { Accept: "application/json" } });
        // Too large to keep on the server: retrying cannot help, the local copy still holds the text.
        if (response.status === 413) {
          if (stopped.current) return;
          dirty.current = true;
          setStatus({ state: "tooLarge" });
          return;
        }
        if (!response.ok) throw new Error(`draft save answered ${response.status}`);
        const body = (await response.json()) as { draftId: string };
        if (stopped.current) return;
        setId(body.draftId);
        retries.current = 0;
        if (!dirty.current) clearLocalBackup(userId);
        setStatus({ state: "saved", at: new Date() });
      } catch {
        if (stopped.current) return;
        dirty.current = true;
        setStatus({ state: "failed" });
        const delay = RETRY_DELAYS_MS[Math.min(retries.current, RETRY_DELAYS_MS.length - 1)];
        retries.current += 1;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void save(), delay);
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, [formRef, setId, userId]);

  /** Call on every change: keeps a local copy now, saves to the server when typing pauses. */
  const changed = useCallback(() => {
    const form = formRef.current;
    if (!form || stopped.current) return;
    dirty.current = true;
    writeLocalBackup(userId, draftFormData(form));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [formRef, save, userId]);

  /** On blur: save now if anything changed. */
  const flush = useCallback(async () => {
    if (dirty.current) await save();
    else if (inFlight.current) await inFlight.current;
  }, [save]);

  /** The form is being submitted: no more saves (a late save would bring the draft back). */
  const stop = useCallback(() => {
    stopped.current = true;
    clearTimeout(timer.current);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { draftId, setDraftId: setId, status, changed, flush, stop };
}

export type PrivacyByField = Record<string, PrivacyCheckResult>;

/** The same privacy check the server runs, as you type, a moment after typing pauses. */
export function useLivePrivacyCheck(workEmailDomains: string[], delayMs = 700) {
  const [result, setResult] = useState<PrivacyByField>({});
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const check = useCallback(
    (fields: Record<string, string>) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const next: PrivacyByField = {};
        for (const [field, text] of Object.entries(fields)) {
          next[field] = checkPrivacy({ [field]: text }, { organisationDomains: workEmailDomains });
        }
        setResult(next);
      }, delayMs);
    },
    [workEmailDomains, delayMs],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { privacy: result, checkPrivacyLater: check };
}

/** Asks for similar ideas once the title (and problem) have settled. */
export function useSimilarIdeas(delayMs = 1200) {
  const [ideas, setIdeas] = useState<SimilarIdea[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const lastQuery = useRef("");
  const controller = useRef<AbortController>();
  const search = useCallback(
    (title: string, text: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const trimmedTitle = title.trim();
        if (trimmedTitle.length < 4) return;
        const params = new URLSearchParams({ title: trimmedTitle.slice(0, 200), text: text.trim().slice(0, 1000) });
        const query = params.toString();
        if (query === lastQuery.current) return;
        lastQuery.current = query;
        controller.current?.abort();
        controller.current = new AbortController();
        fetch(`/ideer/lignende?${query}`, { headers: { Accept: "application/json" }, signal: controller.current.signal })
          .then(async (response) => {
            if (!response.ok) return;
            const body = (await response.json()) as { ideas: SimilarIdea[] };
            setIdeas(body.ideas);
          })
          .catch(() => {
            // Offline or aborted: the hint is a nicety, the form works without it.
            lastQuery.current = "";
          });
      }, delayMs);
    },
    [delayMs],
  );
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      controller.current?.abort();
    },
    [],
  );
  return { similarIdeas: ideas, setSimilarIdeas: setIdeas, searchSimilar: search };
}
