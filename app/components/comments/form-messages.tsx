import { useTranslation } from "react-i18next";

/** Messages are "cocreation:" keys (from the schema) or text the server already translated. */
function useMessage() {
  const { t } = useTranslation("cocreation");
  return (message: string) => (message.startsWith("cocreation:") ? t(message) : message);
}

export function FieldMessages({ id, errors }: { id: string; errors?: string[] }) {
  const message = useMessage();
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-danger-700">
      <span aria-hidden="true">⚠ </span>
      {errors.map(message).join(" ")}
    </p>
  );
}

export function FormMessages({ id, errors }: { id: string; errors?: string[] }) {
  const message = useMessage();
  return (
    <div id={id} role="alert" aria-live="assertive">
      {errors?.length ? (
        <div className="mb-3 rounded-md border border-danger-700 bg-danger-50 p-3 font-medium text-danger-700">
          {errors.map((e) => (
            <p key={e}>{message(e)}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function describedBy(...ids: (string | false | null | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}
