import { z } from "zod";
import { hasAtLeastCharacters } from "~/utils/character-count";

// Messages are keys in admin.json; the forms show them translated.
const required = "admin:errors.required";
const uuid = z.string({ required_error: required }).uuid("admin:errors.invalid_value");
const name = z.string({ required_error: required }).trim().min(2, "admin:errors.name_length").max(200, "admin:errors.name_length").refine(hasAtLeastCharacters(2), "admin:errors.name_length");
const slug = z
  .string({ required_error: required })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+$/, "admin:errors.slug_format")
  .max(60, "admin:errors.slug_format");
const httpsUrl = z
  .string()
  .trim()
  .url("admin:errors.avvik_url")
  .regex(/^https:\/\//, "admin:errors.avvik_url")
  .optional();
const uuidList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().uuid("admin:errors.invalid_value")));

export const ORGANISATION_KINDS = ["municipality", "health_trust", "university", "partner", "other"] as const;
export const NETWORK_KINDS = ["municipal", "focus_area", "regional"] as const;
export const PLATFORM_ROLES = ["employee", "partner_viewer", "admin"] as const;

export const OrganisationSchema = z.object({
  name,
  kind: z.enum(ORGANISATION_KINDS, { required_error: required, invalid_type_error: "admin:errors.invalid_value" }),
  avvikUrl: httpsUrl,
  fallbackNetworkId: z.string({ required_error: "admin:errors.fallback_required" }).uuid("admin:errors.fallback_required"),
});
export const CreateOrganisationSchema = OrganisationSchema.extend({ intent: z.literal("create"), slug });
export const UpdateOrganisationSchema = OrganisationSchema.extend({ intent: z.literal("update") });

export const DomainSchema = z.object({
  intent: z.literal("add-domain"),
  domain: z
    .string({ required_error: required })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "admin:errors.domain_format"),
});
export const RemoveDomainSchema = z.object({ intent: z.literal("remove-domain"), domain: z.string({ required_error: required }) });
export const UnitSchema = z.object({ intent: z.literal("save-unit"), unitId: uuid.optional(), name });
export const DeleteUnitSchema = z.object({ intent: z.literal("delete-unit"), unitId: uuid });

export const OrganisationPageSchema = z.discriminatedUnion("intent", [UpdateOrganisationSchema, DomainSchema, RemoveDomainSchema, UnitSchema, DeleteUnitSchema]);

// SLA: working days to the first answer, days between later updates. Zero or less is refused here
// and by the table's check constraints.
export const SlaSchema = z.object({
  intent: z.literal("sla"),
  firstAnswerDays: z
    .number({ required_error: required, invalid_type_error: "admin:errors.sla_number" })
    .int("admin:errors.sla_number")
    .min(1, "admin:errors.sla_positive")
    .max(60, "admin:errors.sla_first_max"),
  updateIntervalDays: z
    .number({ required_error: required, invalid_type_error: "admin:errors.sla_number" })
    .int("admin:errors.sla_number")
    .min(1, "admin:errors.sla_positive")
    .max(365, "admin:errors.sla_update_max"),
});

const networkOwner = z.string({ required_error: required }).regex(/^(organisation|group):[0-9a-f-]{36}$/i, "admin:errors.invalid_value");
export const CreateNetworkSchema = z.object({
  intent: z.literal("create"),
  slug,
  name,
  kind: z.enum(NETWORK_KINDS, { required_error: required }),
  owner: networkOwner,
  description: z.string().trim().max(2000, "admin:errors.description_length").optional(),
});
export const UpdateNetworkSchema = z.object({
  intent: z.literal("update"),
  name,
  description: z.string().trim().max(2000, "admin:errors.description_length").optional(),
});
export const AddMemberSchema = z.object({
  intent: z.literal("add-member"),
  email: z.string({ required_error: required }).trim().toLowerCase().email("admin:errors.email_format"),
  role: z.enum(["member", "coordinator"]).default("member"),
});
export const MemberRoleSchema = z.object({ intent: z.literal("member-role"), profileId: uuid, role: z.enum(["member", "coordinator"]) });
export const RemoveMemberSchema = z.object({ intent: z.literal("remove-member"), profileId: uuid });
export const DeleteNetworkSchema = z.object({ intent: z.literal("delete-network") });

export const NetworkPageSchema = z.discriminatedUnion("intent", [
  UpdateNetworkSchema,
  SlaSchema,
  AddMemberSchema,
  MemberRoleSchema,
  RemoveMemberSchema,
  DeleteNetworkSchema,
]);

/** A sample idea for the routing preview. */
export const SampleIdeaSchema = z.object({
  sampleOrganisationId: uuid,
  sampleThemeId: uuid,
  sampleServiceAreaIds: uuidList.pipe(z.array(z.string()).min(1, "admin:errors.area_required")),
  sampleSeveral: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const RoutingRuleFieldsSchema = z.object({
  ruleId: uuid.optional(),
  name,
  position: z.number({ required_error: required, invalid_type_error: "admin:errors.position_number" }).int("admin:errors.position_number").min(1, "admin:errors.position_number").max(100000, "admin:errors.position_number"),
  networkId: uuid,
  organisationIds: uuidList,
  groupIds: uuidList,
  themeIds: uuidList,
  serviceAreaIds: uuidList,
  several: z.enum(["any", "yes", "no"]).default("any"),
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const PreviewRuleSchema = RoutingRuleFieldsSchema.merge(SampleIdeaSchema).extend({ intent: z.literal("preview") });
export const SaveRuleSchema = RoutingRuleFieldsSchema.extend({ intent: z.literal("save") });
export const DeleteRuleSchema = z.object({ intent: z.literal("delete"), ruleId: uuid });
export const RoutingPageSchema = z.discriminatedUnion("intent", [PreviewRuleSchema, SaveRuleSchema, DeleteRuleSchema]);

export const REFERENCE_KINDS = ["themes", "service_areas"] as const;
export const ReferenceItemSchema = z.object({
  intent: z.literal("save"),
  kind: z.enum(REFERENCE_KINDS),
  itemId: uuid.optional(),
  slug,
  nameNb: name,
  nameNn: name,
  nameEn: name,
  sortOrder: z.number({ invalid_type_error: "admin:errors.position_number" }).int("admin:errors.position_number").min(0, "admin:errors.position_number").max(100000, "admin:errors.position_number").default(0),
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const UserRoleSchema = z.object({ intent: z.literal("role"), profileId: uuid, role: z.enum(PLATFORM_ROLES) });

export type RoutingRuleFields = z.infer<typeof RoutingRuleFieldsSchema>;
export type SampleIdea = z.infer<typeof SampleIdeaSchema>;
