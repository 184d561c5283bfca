import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/components/page-title";
import { SimilarIdeasList } from "~/components/idea-form/similar-ideas-list";
import { clearLocalBackup } from "~/components/idea-form/use-idea-form-live";
import { getTranslator } from "~/i18n/i18n.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { describeIdeaRouting } from "~/modules/ideas/describe-idea-routing.server";
import { findSimilarIdeas } from "~/modules/ideas/find-similar-ideas.server";
import { getIdea } from "~/modules/ideas/get-idea.server";
import { formatOsloDate } from "~/modules/notifications/format-oslo-date";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const publicId = params.publicId ?? "";
  const idea = await getIdea({ user, publicId });
  if (!idea) throw new Response("Not found", { status: 404 });
  // The receipt is the submitter's; everyone else sees the idea itself.
  if (!idea.isMine) throw redirect(`/ideer/${encodeURIComponent(idea.publicId)}`);
  const locale = await resolveLocale(request, user);
  const t = await getTranslator(locale);
  const [routing, similar] = await Promise.all([
    describeIdeaRouting({ user, ideaId: idea.id, locale }),
    findSimilarIdeas({ user, title: idea.title, text: idea.problem, limit: 5 }),
  ]);
  return {
    title: t("receipt.metaTitle", { ns: "idea-form", publicId: idea.publicId }),
    userId: user.id,
    publicId: idea.publicId,
    ideaTitle: idea.title,
    networkName: routing?.networkName ?? idea.network.name,
    reasons: routing?.reasons ?? [],
    dueDate: formatOsloDate(idea.firstAnswerDueAt, locale),
    email: user.email,
    colleague: idea.submitter?.onBehalfOfName ?? null,
    similar: similar.filter((other) => other.id !== idea.id),
  };
}

export default function IdeaReceiptPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("idea-form");

  // The idea is in: the browser's safety copy of the form is no longer needed.
  useEffect(() => clearLocalBackup(data.userId), [data.userId]);

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold text-gray-900">{t("receipt.title")}</h1>
      <p className="mt-1 text-lg text-gray-800">{data.ideaTitle}</p>

      <div className="mt-6 rounded-md border-2 border-brand-700 bg-brand-50 p-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">{t("receipt.numberLabel")}</p>
        <p className="text-4xl font-bold text-gray-900" data-testid="idea-number">
          {data.publicId}
        </p>
        <p className="mt-1 text-sm text-gray-700">{t("receipt.numberHint")}</p>
      </div>

      <section aria-labelledby="receipt-routing" className="mt-6">
        <h2 id="receipt-routing" className="text-xl font-bold text-gray-900">
          {t("routing.sentTo", { ns: "ideas", network: data.networkName })}
        </h2>
        {data.reasons.length > 0 ? (
          <>
            <p className="mt-1 text-gray-800">{t("routing.because", { ns: "ideas" })}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-gray-800">
              {data.reasons.map((reason) => (
                <li key={reason.key}>{t(reason.key, { ns: "ideas", ...reason.values })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="receipt-next" className="mt-6">
        <h2 id="receipt-next" className="text-xl font-bold text-gray-900">
          {t("receipt.nextTitle")}
        </h2>
        <ol className="mt-2 list-decimal space-y-2 pl-5 text-gray-800">
          <li>{t("receipt.stepRead")}</li>
          <li>{t("receipt.stepAnswer", { date: data.dueDate })}</li>
          <li>{t("receipt.stepFollow")}</li>
        </ol>
        <p className="mt-4 text-gray-900">
          <span className="font-semibold">{t("receipt.dueLabel")}:</span> <span data-testid="due-date">{data.dueDate}</span>
        </p>
        <p className="mt-2 text-gray-800">
          {data.colleague
            ? t("receipt.emailSentOnBehalf", { email: data.email, colleague: data.colleague })
            : t("receipt.emailSent", { email: data.email })}
        </p>
      </section>

      <ul className="mt-6 flex flex-col gap-2 sm:flex-row sm:gap-6">
        <li>
          <a href={`/ideer/${data.publicId}`}>{t("receipt.openIdea")}</a>
        </li>
        <li>
          <a href="/mine-forslag">{t("receipt.myIdeas")}</a>
        </li>
        <li>
          <a href="/ideer/ny">{t("receipt.newIdea")}</a>
        </li>
      </ul>

      <div className="mt-8">
        <SimilarIdeasList
          ideas={data.similar}
          headingId="receipt-similar"
          heading={t("similar.receiptTitle")}
          intro={t("similar.receiptIntro")}
          redirectTo={`/ideer/${data.publicId}/kvittering`}
        />
      </div>
    </div>
  );
}
