import { parseWithZod } from "@conform-to/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminForm, CheckboxField, TextField, useAdminForm } from "~/components/admin/admin-form";
import { AdminNav } from "~/components/admin/admin-nav";
import { FlashMessage } from "~/components/idea/flash-message";
import { pageTitle } from "~/components/page-title";
import { getTranslator } from "~/i18n/i18n.server";
import { invalidForm, postedFormId, refusedForm } from "~/modules/admin/admin-action.server";
import { requirePlatformAdmin } from "~/modules/admin/admin-access.server";
import { ReferenceItemSchema } from "~/modules/admin/admin-schemas";
import { listReferenceItems } from "~/modules/admin/list-reference-items.server";
import { saveReferenceItem } from "~/modules/admin/save-reference-item.server";
import { requireUser } from "~/modules/auth/current-user.server";
import { secondaryButtonClass } from "~/modules/auth/form-feedback";
import { resolveLocale } from "~/modules/preferences/resolve-locale.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const t = await getTranslator(await resolveLocale(request, user));
  const items = await listReferenceItems({ user });
  return { title: t("reference.title", { ns: "admin" }), ...items, flash: new URL(request.url).searchParams.get("lagret") === "1" ? "admin:saved.reference" : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requirePlatformAdmin(user);
  const formData = await request.formData();
  const formId = postedFormId(formData);
  const submission = parseWithZod(formData, { schema: ReferenceItemSchema });
  if (submission.status !== "success") return invalidForm(formId, submission);
  try {
    await saveReferenceItem({ user, ...submission.value });
  } catch (error) {
    return refusedForm(request, user, formId, submission, error);
  }
  throw redirect("/admin/temaer?lagret=1", 303);
}

type Item = { id: string; slug: string; name_nb: string; name_nn: string; name_en: string; sort_order: number; active: boolean };

function ItemForm({ kind, item }: { kind: "themes" | "service_areas"; item?: Item }) {
  const { t } = useTranslation("admin");
  const formId = item ? `${kind}-${item.id}` : `${kind}-new`;
  const [form, fields] = useAdminForm(formId, {
    slug: item?.slug ?? "",
    nameNb: item?.name_nb ?? "",
    nameNn: item?.name_nn ?? "",
    nameEn: item?.name_en ?? "",
    sortOrder: String(item?.sort_order ?? 0),
    active: item && !item.active ? "" : "on",
  });
  return (
    <AdminForm
      formId={formId}
      intent="save"
      form={form}
      hidden={{ kind, ...(item ? { itemId: item.id } : {}) }}
      submitClass={item ? secondaryButtonClass : undefined}
      submitLabel={item ? t("reference.saveNamed", { name: item.name_nb }) : t("reference.create")}
      className="grid gap-3 sm:grid-cols-2"
    >
      <TextField fields={fields} name="nameNb" label={t("fields.nameNb")} />
      <TextField fields={fields} name="nameNn" label={t("fields.nameNn")} />
      <TextField fields={fields} name="nameEn" label={t("fields.nameEn")} />
      <TextField fields={fields} name="slug" label={t("fields.slug")} />
      <TextField fields={fields} name="sortOrder" type="number" inputMode="numeric" label={t("fields.sortOrder")} />
      <CheckboxField fields={fields} name="active" label={t("fields.activeItem")} />
    </AdminForm>
  );
}

function ItemList({ kind, items }: { kind: "themes" | "service_areas"; items: Item[] }) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby={`${kind}-heading`} className="mt-6">
      <h2 id={`${kind}-heading`} className="text-2xl font-semibold">
        {t(`reference.${kind}`)}
      </h2>
      <ul className="mt-3 space-y-4">
        {items.map((item) => (
          <li key={`${item.id}-${item.slug}-${item.sort_order}-${String(item.active)}`} className="rounded-md border border-gray-300 bg-white p-3">
            <h3 className="font-semibold">
              {item.name_nb} {item.active ? null : <span className="font-normal">({t("reference.retired")})</span>}
            </h3>
            <ItemForm kind={kind} item={item} />
          </li>
        ))}
      </ul>
      <div className="mt-4 rounded-md border border-gray-300 bg-white p-3">
        <h3 className="font-semibold">{t(`reference.new_${kind}`)}</h3>
        <ItemForm kind={kind} />
      </div>
    </section>
  );
}

export default function AdminReferenceLists() {
  const { themes, serviceAreas, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-4xl">
      <FlashMessage messageKey={flash} />
      <h1 className="text-3xl font-bold">{t("reference.title")}</h1>
      <AdminNav isAdmin />
      <p>{t("reference.intro")}</p>
      <ItemList kind="themes" items={themes} />
      <ItemList kind="service_areas" items={serviceAreas} />
    </div>
  );
}
