import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/current-user.server";
import { exportMyData } from "~/modules/privacy-rights/export-my-data.server";

/** The person's own data as a JSON file (a plain GET link, so it works without JavaScript). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const exported = await exportMyData({ user, now });
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="idehub-mine-data-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
