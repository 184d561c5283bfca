import { asService, type Db } from "~/db/client.server";
import { loadCurrentUser, type CurrentUser } from "~/modules/auth/current-user.server";
import { StoryFormSchema } from "~/modules/stories/story-form-schema";
import { demoUser } from "../support/demo-data";

/** A seeded demo user as the app sees them after sign-in (organisation, role, networks). */
export async function storyUser(db: Db, email: string): Promise<CurrentUser> {
  const user = await demoUser(db, email);
  const current = await loadCurrentUser({ id: user.id, email: user.email });
  if (!current) throw new Error(`no profile for ${email}`);
  return current;
}

/** Story form input as the schema returns it; benefit values as typed ("420"). */
export function storyInput(ref: { theme(slug: string): string; serviceArea(slug: string): string }, overrides: Record<string, unknown> = {}) {
  return StoryFormSchema.parse({
    intent: "save",
    title: "Digitalt tilsyn om natta",
    summary: "Nattpatruljen byttet faste besøk med digitalt tilsyn og kjører mye mindre.",
    whatChanged: "Tilsyn skjer digitalt etter en individuell plan.",
    themeId: ref.theme("mestringsteknologi"),
    serviceAreaIds: [ref.serviceArea("hjemmetjenester")],
    visibility: "partners",
    contactEmail: "kari.nordby@asker.example.no",
    benefits: [{ indicator: "Kjørte km per uke", unit: "km", baseline: "420", after: "260", category: "less_driving" }],
    ...overrides,
  });
}

export const service = <T>(work: Parameters<typeof asService<T>>[1]) => asService("test: inspect stories", work);
