import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z
  .object({
    APP_ENV: z.enum(["demo", "development", "test", "production"]).default("demo"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.string().url().optional(),
    /** Extra origins (comma-separated) whose forms may post here, besides APP_URL's. */
    TRUSTED_ORIGINS: z
      .string()
      .refine((v) => v.split(",").every((o) => o.trim() === "" || URL.canParse(o.trim())), "must be comma-separated URLs")
      .optional(),
    /**
     * Which proxies in front of the app may say who the client is (X-Forwarded-For): "false" (none,
     * the default: the connecting address is the client), a number of hops, or comma-separated
     * addresses/subnets such as "loopback, 10.0.0.0/8". Express's "trust proxy" setting.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .regex(/^(false|true|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, "must be false, a number of hops or comma-separated addresses/subnets")
      .default("false"),
    RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    RATE_LIMIT_IDEAS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * How many processes serve HTTP (Node runs JavaScript on one core per process). 1 is a single
     * process; more needs DATABASE_URL, because the embedded database belongs to one process.
     */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
    SEED_DEMO_DATA: bool.optional(),
    AUTH_PROVIDER: z.enum(["local", "supabase"]).optional(),
    SUPABASE_URL: z.string().url().optional(),
    SUPABASE_ANON_KEY: z.string().min(20).optional(),
    STORAGE_PROVIDER: z.enum(["local", "supabase"]).default("local"),
    STORAGE_DIR: z.string().min(1).default(".data/attachments"),
    STORAGE_BUCKET: z.string().regex(/^[a-z0-9-]+$/).default("attachments"),
    SUPABASE_SERVICE_ROLE_KEY: z.string().min(20).optional(),
    MAILER: z.enum(["mailbox", "resend"]).optional(),
    RESEND_API_KEY: z.string().regex(/^re_/, "must start with re_").optional(),
    MAIL_FROM: z.string().min(3).default("HelseHub Idéhub <idehub@example.no>"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    OUTBOX_DISPATCH: z.enum(["on", "off"]).default("on"),
    /** How long a dispatcher's claim on outbox rows lasts; after a crash, its rows are sent again after this. */
    OUTBOX_LOCK_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
    SLA_SWEEP: z.enum(["on", "off"]).default("on"),
  })
  .superRefine((env, ctx) => {
    const authProvider = env.AUTH_PROVIDER ?? (env.SUPABASE_URL ? "supabase" : "local");
    if (authProvider === "supabase") {
      if (!env.SUPABASE_URL) ctx.addIssue({ code: "custom", path: ["SUPABASE_URL"], message: "is required when AUTH_PROVIDER=supabase" });
      if (!env.SUPABASE_ANON_KEY) ctx.addIssue({ code: "custom", path: ["SUPABASE_ANON_KEY"], message: "is required when AUTH_PROVIDER=supabase" });
    }
    if (env.STORAGE_PROVIDER === "supabase") {
      if (!env.SUPABASE_URL) ctx.addIssue({ code: "custom", path: ["SUPABASE_URL"], message: "is required when STORAGE_PROVIDER=supabase" });
      if (!env.SUPABASE_SERVICE_ROLE_KEY) ctx.addIssue({ code: "custom", path: ["SUPABASE_SERVICE_ROLE_KEY"], message: "is required when STORAGE_PROVIDER=supabase" });
    }
    if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["WEB_CONCURRENCY"], message: "more than 1 needs DATABASE_URL (the embedded database serves one process)" });
    }
    const mailer = env.MAILER ?? (env.RESEND_API_KEY ? "resend" : "mailbox");
    if (mailer === "resend" && !env.RESEND_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "is required when MAILER=resend" });
    }
    if (env.APP_ENV === "production") {
      if (!env.DATABASE_URL) ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "is required when APP_ENV=production" });
      if (!env.SESSION_SECRET) ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required when APP_ENV=production" });
      if (!env.APP_URL) ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required when APP_ENV=production" });
      if (mailer === "mailbox") ctx.addIssue({ code: "custom", path: ["MAILER"], message: "the local mailbox is not allowed when APP_ENV=production; set RESEND_API_KEY" });
      if (env.SEED_DEMO_DATA) ctx.addIssue({ code: "custom", path: ["SEED_DEMO_DATA"], message: "demo data is not allowed when APP_ENV=production" });
    }
  })
  .transform((env) => {
    const authProvider = env.AUTH_PROVIDER ?? (env.SUPABASE_URL ? "supabase" : "local");
    const mailer = env.MAILER ?? (env.RESEND_API_KEY ? "resend" : "mailbox");
    return {
      ...env,
      AUTH_PROVIDER: authProvider,
      MAILER: mailer,
      APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
      SEED_DEMO_DATA: env.SEED_DEMO_DATA ?? env.APP_ENV !== "production",
      /** Demo conveniences (demo sign-in list, mailbox page) — never in production. */
      DEMO_MODE: env.APP_ENV !== "production",
    };
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; the error names every bad variable and why, never its value. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests and start-up code that build the environment explicitly. */
export function setEnv(env: Env) {
  cached = env;
}
