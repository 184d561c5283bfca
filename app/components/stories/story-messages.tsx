import { useTranslation } from "react-i18next";

/** A message key in the "stories" namespace, optionally "key|{json values}", translated. */
export function useStoryMessage() {
  const { t } = useTranslation("stories");
  return (message: string) => {
    const bar = message.indexOf("|");
    if (bar === -1) return t(message);
    let values: Record<string, unknown> = {};
    try {
      values = JSON.parse(message.slice(bar + 1)) as Record<string, unknown>;
    } catch {
      values = {};
    }
    return t(message.slice(0, bar), values);
  };
}

/** A field's errors, linked from the control with aria-describedby. */
export function StoryFieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const message = useStoryMessage();
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-danger-700">
      <span aria-hidden="true">⚠ </span>
      {errors.map(message).join(" ")}
    </p>
  );
}

/** Errors about the whole form, announced to screen readers. */
export function StoryFormErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const message = useStoryMessage();
  return (
    <div id={id} role="alert" aria-live="assertive">
      {errors?.length ? (
        <div className="mb-4 rounded-md border border-danger-700 bg-danger-50 p-3 text-danger-700">
          {errors.map((key) => (
            <p key={key} className="font-medium">
              {message(key)}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
