import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CocreatorInviteForm, CocreatorRequestForm } from "~/components/idea/cocreators-section";
import { FormMessages } from "~/components/comments/form-messages";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { answerCocreation } from "~/modules/cocreators/answer-cocreation.server";
import { CocreatorActionSchema } from "~/modules/cocreators/cocreator-schema";
import { inviteCocreator } from "~/modules/cocreators/invite-cocreator.server";
import { removeCocreator } from "~/modules/cocreators/remove-cocreator.server";
import { requestCocreation } from "~/modules/cocreators/request-cocreation.server";
import { describeCocreationError } from "~/modules/comments/describe-cocreation-error.server";
import { findIdeaRef } from "~/modules/comments/find-idea-ref.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { isAppError } from "~/utils/app-error";

type ActionData = { intent: string; result: SubmissionResult<string[]> };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => pageTitle(loaderData?.title);

/** Not a redirect: loaders also run after a refused post, and this page must then show the form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getTranslator(await resolveLocale(request, user));
  return { title: t("cocreators.heading", { ns: "cocreation" }), errorTitle: t("cocreators.errorTitle", { ns: "cocreation" }), publicId: params.publicId ?? "" };
}

const notices = { request: "bedt", invite: "invitert", accept: "godtatt", decline: "avslatt", remove: "fjernet" } as const;

/**
 * Medskapere: ask to join, invite a known user by e-mail, accept or decline, withdraw, leave or
 * remove. Plain form posts; success goes back to the idea page with a notice.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const idea = await findIdeaRef({ user, publicId: params.publicId ?? "" });
  if (!idea) throw new Response(null, { status: 404 });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CocreatorActionSchema });
  const intent = String(formData.get("intent") ?? "");
  if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
  const value = submission.value;
  try {
    if (value.intent === "request") await requestCocreation({ user, ideaId: idea.id, message: value.message ?? null });
    else if (value.intent === "invite") await inviteCocreator({ user, ideaId: idea.id, email: value.email });
    else if (value.intent === "remove") await removeCocreator({ user, ideaId: idea.id, cocreatorId: value.cocreatorId });
    else await answerCocreation({ user, ideaId: idea.id, cocreatorId: value.cocreatorId, accept: value.intent === "accept" });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { message, status } = await describeCocreationError(error, await resolveLocale(request, user));
    return data<ActionData>({ intent, result: submission.reply({ formErrors: [message] }) }, { status });
  }
  throw redirect(`/ideer/${encodeURIComponent(idea.publicId)}?medskaper=${notices[value.intent]}#cocreators`, { status: 303 });
}

export default function CocreatorRefusedPage() {
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
          {actionData.intent === "request" ? (
            <CocreatorRequestForm publicId={loaderData.publicId} lastResult={result} defaultValue={typeof initial.message === "string" ? initial.message : ""} />
          ) : actionData.intent === "invite" ? (
            <CocreatorInviteForm publicId={loaderData.publicId} lastResult={result} defaultValue={typeof initial.email === "string" ? initial.email : ""} />
          ) : (
            <FormMessages id="cocreator-errors" errors={[...new Set(Object.values(result.error ?? {}).flatMap((list) => list ?? []))]} />
          )}
        </div>
      ) : null}
      <p className="mt-6">
        <Link to={`${ideaPath}#cocreators`}>{t("comments.backToIdea")}</Link>
      </p>
    </div>
  );
}
