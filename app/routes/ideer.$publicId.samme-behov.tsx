import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentTextForm } from "~/components/comments/comment-text-form";
import { FormMessages } from "~/components/comments/form-messages";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { describeCocreationError } from "~/modules/comments/describe-cocreation-error.server";
import { findIdeaRef } from "~/modules/comments/find-idea-ref.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { recordSameNeed } from "~/modules/same-need/record-same-need.server";
import { SameNeedActionSchema } from "~/modules/same-need/same-need-schema";
import { withdrawSameNeed } from "~/modules/same-need/withdraw-same-need.server";
import { isAppError } from "~/utils/app-error";

type ActionData = { publicId: string; intent: string; result: SubmissionResult<string[]> };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => pageTitle(loaderData?.title);

/** Not a redirect: loaders also run after a refused post, and this page must then show the form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getTranslator(await resolveLocale(request, user));
  return { title: t("sameNeed.heading", { ns: "cocreation" }), errorTitle: t("sameNeed.errorTitle", { ns: "cocreation" }), publicId: params.publicId ?? "" };
}

/**
 * "Vi har samme behov" and withdrawing it. One per organisation: when the organisation has already
 * said so, nothing is added and the idea page says "<organisation> har allerede meldt samme behov".
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const idea = await findIdeaRef({ user, publicId: params.publicId ?? "" });
  if (!idea) throw new Response(null, { status: 404 });
  const ideaPath = `/ideer/${encodeURIComponent(idea.publicId)}`;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SameNeedActionSchema });
  const echo = { publicId: idea.publicId, intent: String(formData.get("intent") ?? "") };
  if (submission.status !== "success") return data<ActionData>({ ...echo, result: submission.reply() }, { status: 400 });
  try {
    if (submission.value.intent === "record") {
      const result = await recordSameNeed({ user, ideaId: idea.id, note: submission.value.note ?? null });
      throw redirect(`${ideaPath}?samme-behov=${result.created ? "registrert" : "allerede"}#same-need`, { status: 303 });
    }
    await withdrawSameNeed({ user, sameNeedId: submission.value.sameNeedId });
    throw redirect(`${ideaPath}#same-need`, { status: 303 });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { message, status } = await describeCocreationError(error, await resolveLocale(request, user));
    return data<ActionData>({ ...echo, result: submission.reply({ formErrors: [message] }) }, { status });
  }
}

export default function SameNeedRefusedPage() {
  const actionData = useActionData<typeof action>();
  const loaderData = useLoaderData<typeof loader>();
  const { t } = useTranslation("cocreation");
  const ideaPath = `/ideer/${encodeURIComponent(loaderData.publicId)}`;
  const result = actionData?.result;
  const initial = (result?.initialValue ?? {}) as Record<string, unknown>;
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{actionData ? loaderData.errorTitle : loaderData.title}</h1>
      {actionData && result ? (
        <div className="mt-6">
          {actionData.intent === "record" ? (
            <CommentTextForm
              formId="same-need-form"
              action={`${ideaPath}/samme-behov`}
              hidden={{ intent: "record" }}
              fieldName="note"
              label={t("sameNeed.noteLabel")}
              hint={t("sameNeed.noteHint")}
              submitLabel={t("sameNeed.button")}
              defaultValue={typeof initial.note === "string" ? initial.note : ""}
              lastResult={result}
              rows={3}
            />
          ) : (
            <FormMessages id="same-need-errors" errors={[...new Set(Object.values(result.error ?? {}).flatMap((list) => list ?? []))]} />
          )}
        </div>
      ) : null}
      <p className="mt-6">
        <Link to={`${ideaPath}#same-need`}>{t("comments.backToIdea")}</Link>
      </p>
    </div>
  );
}
