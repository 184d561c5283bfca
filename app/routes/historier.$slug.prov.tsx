import crypto from "node:crypto";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { describedBy } from "~/components/idea/form-feedback";
import { pageTitle } from "~/components/page-title";
import { StoryFieldErrors, StoryFormErrors } from "~/components/stories/story-messages";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { inputClass, linkClass, primaryButtonClass } from "~/modules/auth/form-feedback";
import { kickOutbox } from "~/modules/notifications/outbox-loop.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { loadStoryToTry, tryStory } from "~/modules/stories/try-story.server";
import { TryStorySchema, type TryStoryInput } from "~/modules/stories/try-story-schema";
import { isAppError } from "~/utils/app-error";
import { getEnv } from "~/utils/env.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const story = await loadStoryToTry({ user, slug: params.slug ?? "" });
  if (!story) throw new Response(null, { status: 404 });
  const url = `${getEnv().APP_URL.replace(/\/+$/, "")}/historier/${story.slug}`;
  const ns = { ns: "stories" };
  return {
    title: t("try.title", ns),
    story: { slug: story.slug, title: story.title, organisationName: story.organisation_name },
    ownOrganisation: story.ownOrganisation,
    existingTrial: story.existingTrial,
    organisationName: user.organisationName,
    // Pre-filled from the story; the reader adjusts it to their own service.
    defaults: {
      idempotencyKey: crypto.randomUUID(),
      title: t("try.defaultTitle", { ...ns, title: story.title }).slice(0, 140),
      problem: t("try.defaultProblem", { ...ns, summary: story.summary }).slice(0, 4000),
      proposal: t("try.defaultProposal", { ...ns, title: story.title, organisation: story.organisation_name, url }),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: TryStorySchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const idea = await tryStory({ user, slug: params.slug ?? "", input: submission.value });
    kickOutbox();
    throw redirect(`/ideer/${idea.publicId}/kvittering`);
  } catch (error) {
    if (error instanceof Response) throw error;
    if (!isAppError(error)) throw error;
    if (error.code === "story_not_found") throw new Response(null, { status: 404 });
    const key = ["privacy_blocked", "idea_unroutable", "story_already_trying", "story_own_organisation"].includes(error.code)
      ? `try.errors.${error.code}`
      : "try.errors.failed";
    return data({ result: submission.reply({ formErrors: [key] }) }, { status: error.code === "story_already_trying" ? 409 : 400 });
  }
}

export default function TryStoryPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("stories");
  const [form, fields] = useForm<TryStoryInput>({ id: "try-story", lastResult: actionData?.result, defaultValue: loaderData.defaults, shouldValidate: "onSubmit" });
  const storyPath = `/historier/${encodeURIComponent(loaderData.story.slug)}`;
  const blocked = loaderData.ownOrganisation || loaderData.existingTrial;
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{t("try.title")}</h1>
      <p className="mt-2 text-lg">
        <Link to={storyPath} className={linkClass}>
          {loaderData.story.title}
        </Link>{" "}
        ({loaderData.story.organisationName})
      </p>
      {blocked ? (
        <p className="mt-6 rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
          {loaderData.ownOrganisation ? t("try.ownOrganisation") : t("try.alreadyTrying", { publicId: loaderData.existingTrial?.ideaPublicId ?? "" })}
        </p>
      ) : (
        <>
          <p className="mt-4">{t("try.intro", { organisation: loaderData.organisationName })}</p>
          <Form method="post" className="mt-6 space-y-6" {...getFormProps(form)}>
            <StoryFormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name={fields.idempotencyKey.name} value={loaderData.defaults.idempotencyKey} />
            <div>
              <label htmlFor={fields.title.id} className="block font-semibold">
                {t("try.fields.title")}
              </label>
              <input id={fields.title.id} name={fields.title.name} type="text" defaultValue={fields.title.initialValue} aria-invalid={fields.title.errors ? true : undefined} aria-describedby={describedBy(fields.title.errors && fields.title.errorId)} className={inputClass} />
              <StoryFieldErrors id={fields.title.errorId} errors={fields.title.errors} />
            </div>
            <div>
              <label htmlFor={fields.problem.id} className="block font-semibold">
                {t("try.fields.problem")}
              </label>
              <p id={`${fields.problem.id}-hint`} className="text-sm text-slate-700">
                {t("try.hints.problem")}
              </p>
              <textarea id={fields.problem.id} name={fields.problem.name} rows={5} defaultValue={fields.problem.initialValue} aria-invalid={fields.problem.errors ? true : undefined} aria-describedby={describedBy(`${fields.problem.id}-hint`, fields.problem.errors && fields.problem.errorId)} className={inputClass} />
              <StoryFieldErrors id={fields.problem.errorId} errors={fields.problem.errors} />
            </div>
            <div>
              <label htmlFor={fields.proposal.id} className="block font-semibold">
                {t("try.fields.proposal")}
              </label>
              <textarea id={fields.proposal.id} name={fields.proposal.name} rows={6} defaultValue={fields.proposal.initialValue} aria-invalid={fields.proposal.errors ? true : undefined} aria-describedby={describedBy(fields.proposal.errors && fields.proposal.errorId)} className={inputClass} />
              <StoryFieldErrors id={fields.proposal.errorId} errors={fields.proposal.errors} />
            </div>
            <div>
              <div className="flex items-start gap-2">
                <input id={fields.privacyConfirmed.id} name={fields.privacyConfirmed.name} type="checkbox" aria-invalid={fields.privacyConfirmed.errors ? true : undefined} aria-describedby={describedBy(fields.privacyConfirmed.errors && fields.privacyConfirmed.errorId)} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" />
                <label htmlFor={fields.privacyConfirmed.id}>{t("try.fields.privacyConfirmed")}</label>
              </div>
              <StoryFieldErrors id={fields.privacyConfirmed.errorId} errors={fields.privacyConfirmed.errors} />
            </div>
            <p className="text-slate-700">{t("try.routingNote")}</p>
            <button type="submit" className={primaryButtonClass}>
              {t("try.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
