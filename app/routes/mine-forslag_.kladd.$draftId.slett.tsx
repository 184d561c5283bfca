import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dangerButtonClass } from "~/components/idea/form-feedback";
import { displayDate } from "~/components/idea/idea-dates";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { deleteIdeaDraft, getIdeaDraft } from "~/modules/ideas/idea-drafts.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findDraft(user: { id: string; email: string }, draftId: string | undefined) {
  if (!draftId || !UUID.test(draftId)) return null;
  try {
    return await getIdeaDraft({ user, draftId });
  } catch (error) {
    if (isAppError(error) && error.code === "draft_not_found") return null;
    throw error;
  }
}

/** Confirm step for deleting a draft: a page of its own, so it works without JavaScript. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const draft = await findDraft(user, params.draftId);
  if (!draft) throw new Response(null, { status: 404 });
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  return {
    title: t("deleteDraft.title", { ns: "my-ideas" }),
    draft: { id: draft.id, title: draft.title, updatedAt: displayDate(draft.updatedAt, locale, true) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const draft = await findDraft(user, params.draftId);
  // Already gone (a second click, another tab): the outcome the user wanted.
  if (draft) await deleteIdeaDraft({ user, draftId: draft.id });
  throw redirect("/mine-forslag?kladd=slettet");
}

export default function DeleteDraftPage() {
  const { draft } = useLoaderData<typeof loader>();
  const { t } = useTranslation("my-ideas");
  const title = draft.title.trim() || t("drafts.untitled");
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{t("deleteDraft.title")}</h1>
      <p className="mt-4 text-lg">{t("deleteDraft.question", { title })}</p>
      <p className="mt-2 text-slate-700">
        {t("drafts.lastSaved")} <time dateTime={draft.updatedAt.iso}>{draft.updatedAt.text}</time>
      </p>
      <p className="mt-2">{t("deleteDraft.cannotUndo")}</p>
      <Form method="post" className="mt-6 flex flex-wrap items-center gap-4">
        <button type="submit" className={dangerButtonClass}>
          {t("deleteDraft.confirm")}
        </button>
        <Link to="/mine-forslag">{t("deleteDraft.cancel")}</Link>
      </Form>
    </div>
  );
}
