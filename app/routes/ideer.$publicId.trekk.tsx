import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dangerButtonClass, describedBy, FieldErrors, FormErrors } from "~/components/idea/form-feedback";
import { IdeaPageHeading } from "~/components/idea/idea-page-heading";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser, type CurrentUser } from "~/modules/auth/current-user.server";
import { inputClass } from "~/modules/auth/form-feedback";
import { getIdea } from "~/modules/ideas/get-idea.server";
import { CLOSED_STATUSES } from "~/modules/ideas/idea-vocabulary";
import { WithdrawIdeaSchema } from "~/modules/ideas/withdraw-idea-schema";
import { withdrawIdea } from "~/modules/ideas/withdraw-idea.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

/** Only the submitter's own idea; anyone else gets the same 404 as for an idea that does not exist. */
async function loadOwnIdea(user: CurrentUser, publicId: string | undefined) {
  const idea = await getIdea({ user, publicId: publicId ?? "" });
  if (!idea || !idea.isMine) throw new Response(null, { status: 404 });
  return idea;
}

const isClosed = (status: string) => (CLOSED_STATUSES as readonly string[]).includes(status);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const idea = await loadOwnIdea(user, params.publicId);
  const t = await getTranslator(await resolveLocale(request, user));
  return {
    title: t("withdraw.title", { ns: "my-ideas" }),
    idea: { publicId: idea.publicId, title: idea.title, status: idea.status, closed: isClosed(idea.status) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const idea = await loadOwnIdea(user, params.publicId);
  const submission = parseWithZod(await request.formData(), { schema: WithdrawIdeaSchema });
  if (submission.status !== "success") return submission.reply();
  try {
    await withdrawIdea({ user, ideaId: idea.id, reason: submission.value.reason });
  } catch (error) {
    if (isAppError(error) && error.code === "idea_closed") return submission.reply({ formErrors: ["withdraw.errors.closed"] });
    if (isAppError(error) && error.code === "idea_not_found") throw new Response(null, { status: 404 });
    throw error;
  }
  throw redirect("/mine-forslag?trukket=1");
}

export default function WithdrawIdeaPage() {
  const { idea } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("my-ideas");
  const [form, fields] = useForm({
    id: "withdraw-idea",
    lastResult,
    constraint: getZodConstraint(WithdrawIdeaSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WithdrawIdeaSchema }),
  });
  const ideaPath = `/ideer/${encodeURIComponent(idea.publicId)}`;
  const hintId = `${fields.reason.id}-hint`;

  return (
    <div className="max-w-2xl">
      <IdeaPageHeading heading={t("withdraw.title")} publicId={idea.publicId} title={idea.title} status={idea.status} />
      {idea.closed ? (
        <div className="mt-6">
          <p className="text-lg">{idea.status === "withdrawn" ? t("withdraw.alreadyWithdrawn") : t("withdraw.closedExplanation")}</p>
          <p className="mt-4">
            <Link to={ideaPath}>{t("withdraw.backToIdea")}</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="mt-4">{t("withdraw.intro")}</p>
          <Form method="post" className="mt-6 space-y-5" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <div>
              <label htmlFor={fields.reason.id} className="block font-semibold">
                {t("withdraw.reasonLabel")}
              </label>
              <p id={hintId} className="text-sm text-slate-700">
                {t("withdraw.reasonHint")}
              </p>
              <textarea
                {...getTextareaProps(fields.reason)}
                rows={4}
                aria-describedby={describedBy(hintId, fields.reason.errors && fields.reason.errorId)}
                className={inputClass}
              />
              <FieldErrors id={fields.reason.errorId} errors={fields.reason.errors} />
            </div>
            <div className="flex flex-wrap items-center gap-4">
              <button type="submit" className={dangerButtonClass}>
                {t("withdraw.confirm")}
              </button>
              <Link to={ideaPath}>{t("withdraw.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
