import type { StoryBenefitUnit } from "~/db/schema";

/** What the story form shows: exactly what was typed (strings), so nothing is lost on a refusal. */
export type StoryFormValues = {
  ideaId: string;
  title: string;
  summary: string;
  whatChanged: string;
  stoppedDoing: string;
  unplannedBenefits: string;
  successFactors: string;
  costs: string;
  themeId: string;
  serviceAreaIds: string[];
  organisationIds: string[];
  visibility: string;
  contactEmail: string;
  benefits: { indicator: string; unit: StoryBenefitUnit | ""; baseline: string; after: string; period: string; category: string }[];
  newImageAlts: string[];
};

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** The posted form as the user typed it, to show again after a refusal. */
export function storyFormValuesFrom(formData: FormData): StoryFormValues {
  const benefits: StoryFormValues["benefits"] = [];
  for (let i = 0; i < 20; i++) {
    const row = {
      indicator: text(formData, `benefits[${i}].indicator`),
      unit: text(formData, `benefits[${i}].unit`) as StoryBenefitUnit | "",
      baseline: text(formData, `benefits[${i}].baseline`),
      after: text(formData, `benefits[${i}].after`),
      period: text(formData, `benefits[${i}].period`),
      category: text(formData, `benefits[${i}].category`),
    };
    if (!formData.has(`benefits[${i}].indicator`)) break;
    benefits.push(row);
  }
  return {
    ideaId: text(formData, "ideaId"),
    title: text(formData, "title"),
    summary: text(formData, "summary"),
    whatChanged: text(formData, "whatChanged"),
    stoppedDoing: text(formData, "stoppedDoing"),
    unplannedBenefits: text(formData, "unplannedBenefits"),
    successFactors: text(formData, "successFactors"),
    costs: text(formData, "costs"),
    themeId: text(formData, "themeId"),
    serviceAreaIds: formData.getAll("serviceAreaIds").filter((v): v is string => typeof v === "string"),
    organisationIds: formData.getAll("organisationIds").filter((v): v is string => typeof v === "string"),
    visibility: text(formData, "visibility"),
    contactEmail: text(formData, "contactEmail"),
    benefits,
    newImageAlts: [0, 1].map((i) => text(formData, `newImageAlt${i}`)),
  };
}
