import { withUser, type SessionUser } from "~/db/client.server";
import type { Locale } from "~/db/schema";

const nameColumn = { nb: "name_nb", nn: "name_nn", en: "name_en" } as const;
export type StoryFormOption = { id: string; name: string };

/** Themes, service areas and organisations for the story form, in the user's language. */
export async function loadStoryFormOptions(options: { user: SessionUser; locale: Locale }) {
  const name = nameColumn[options.locale];
  return withUser(options.user, async (trx) => {
    const [themes, serviceAreas, organisations] = await Promise.all([
      trx.selectFrom("themes").select(["id", `${name} as name`]).where("active", "=", true).orderBy("sort_order").execute(),
      trx.selectFrom("service_areas").select(["id", `${name} as name`]).where("active", "=", true).orderBy("sort_order").execute(),
      trx.selectFrom("organisations").select(["id", "name"]).orderBy("name").execute(),
    ]);
    return { themes, serviceAreas, organisations } satisfies Record<string, StoryFormOption[]>;
  });
}
