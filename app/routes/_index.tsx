import type { MetaFunction } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { readPageHandle } from "~/components/hydration";
import { pageTitle } from "~/components/page-title";
import type { loader as rootLoader } from "~/root";

export const handle = readPageHandle;

export const meta: MetaFunction = () => pageTitle();

const steps = [
  { title: "home.step1Title", text: "home.step1" },
  { title: "home.step2Title", text: "home.step2" },
  { title: "home.step3Title", text: "home.step3" },
] as const;

export default function Index() {
  const { t } = useTranslation();
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user ?? null;
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold sm:text-4xl">{t("home.title")}</h1>
      {user ? (
        <p className="mt-4 text-lg" data-testid="home-greeting">
          <span className="font-semibold">{t("home.greeting", { name: user.fullName || user.email })}</span>{" "}
          {t("home.signedInFrom", { organisation: user.organisationName })}
        </p>
      ) : null}
      <p className="mt-4 text-lg leading-relaxed">{t("home.lead")}</p>

      <section aria-labelledby="promise-heading" className="mt-8 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-5">
        <h2 id="promise-heading" className="text-xl font-bold text-brand-900">
          {t("home.promiseTitle")}
        </h2>
        <p className="mt-2 text-lg">{t("home.promise")}</p>
      </section>

      <section aria-labelledby="steps-heading" className="mt-10">
        <h2 id="steps-heading" className="text-2xl font-bold">
          {t("home.stepsTitle")}
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-3">
          {steps.map((step, index) => (
            <li key={step.title} className="rounded-lg border border-slate-300 p-4">
              <span aria-hidden="true" className="flex h-9 w-9 items-center justify-center rounded-full bg-brand-700 font-bold text-white">
                {index + 1}
              </span>
              <h3 className="mt-3 text-lg font-semibold">{t(step.title)}</h3>
              <p className="mt-1">{t(step.text)}</p>
            </li>
          ))}
        </ol>
      </section>

      {user ? null : (
        <section aria-labelledby="start-heading" className="mt-10">
          <h2 id="start-heading" className="text-2xl font-bold">
            {t("home.signInTitle")}
          </h2>
          <p className="mt-2">{t("home.signInText")}</p>
          <p className="mt-4">
            <Link
              to="/logg-inn"
              className="inline-block rounded bg-brand-700 px-5 py-3 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              {t("home.signInAction")}
            </Link>
          </p>
        </section>
      )}

      <p className="mt-10 text-slate-700">{t("home.avvik")}</p>
    </div>
  );
}
