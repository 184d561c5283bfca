import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessages } from "~/components/comments/form-messages";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { takeOverIdeaContact } from "~/modules/cocreators/take-over-contact.server";
import { describeCocreationError } from "~/modules/comments/describe-cocreation-error.server";
import { findIdeaRef } from "~/modules/comments/find-idea-ref.server";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";
import { isAppError } from "~/utils/app-error";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => pageTitle(loaderData?.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getTranslator(await resolveLocale(request, user));
  return { title: t("contact.errorTitle", { ns: "cocreation" }), publicId: params.publicId ?? "" };
}

/** "Overta som kontaktperson" for an idea whose submitter has left; a plain form post. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const idea = await findIdeaRef({ user, publicId: params.publicId ?? "" });
  if (!idea) throw new Response(null, { status: 404 });
  try {
    await takeOverIdeaContact({ user, ideaId: idea.id });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { message, status } = await describeCocreationError(error, await resolveLocale(request, user));
    return data({ message }, { status });
  }
  throw redirect(`/ideer/${encodeURIComponent(idea.publicId)}?kontakt=overtatt`, { status: 303 });
}

export default function TakeOverRefusedPage() {
  const actionData = useActionData<typeof action>();
  const loaderData = useLoaderData<typeof loader>();
  const { t } = useTranslation("cocreation");
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{loaderData.title}</h1>
      <div className="mt-6">
        <FormMessages id="contact-errors" errors={actionData ? [actionData.message] : []} />
      </div>
      <p className="mt-6">
        <Link to={`/ideer/${encodeURIComponent(loaderData.publicId)}`}>{t("comments.backToIdea")}</Link>
      </p>
    </div>
  );
}
