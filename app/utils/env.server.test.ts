import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("gives a working embedded demo set-up with no variables at all", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      APP_ENV: "demo",
      PORT: 3000,
      AUTH_PROVIDER: "local",
      MAILER: "mailbox",
      SEED_DEMO_DATA: true,
      DEMO_MODE: true,
      APP_URL: "http://localhost:3000",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("serves from one process unless WEB_CONCURRENCY asks for more, which needs PostgreSQL", () => {
    expect(parseEnv({}).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ WEB_CONCURRENCY: "4", DATABASE_URL: "postgres://u:p@db/idehub" }).WEB_CONCURRENCY).toBe(4);
    expect(() => parseEnv({ WEB_CONCURRENCY: "2" })).toThrow(/WEB_CONCURRENCY: more than 1 needs DATABASE_URL/);
    expect(() => parseEnv({ WEB_CONCURRENCY: "0", DATABASE_URL: "postgres://u:p@db/idehub" })).toThrow(/WEB_CONCURRENCY/);
  });

  it("picks Supabase Auth and Resend when their settings are present", () => {
    const env = parseEnv({
      SUPABASE_URL: "https://abc.supabase.co",
      SUPABASE_ANON_KEY: "anon-key-that-is-long-enough",
      RESEND_API_KEY: "re_123456",
    });
    expect(env.AUTH_PROVIDER).toBe("supabase");
    expect(env.MAILER).toBe("resend");
  });

  it("names every bad variable without echoing its value", () => {
    const secretLooking = "postgresx://user:hunter2@db";
    try {
      parseEnv({ PORT: "seventy", DATABASE_URL: secretLooking, AUTH_PROVIDER: "okta" });
      expect.unreachable("parseEnv should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL: must start with postgres:\/\//);
      expect(message).toMatch(/AUTH_PROVIDER/);
      expect(message).not.toContain("hunter2");
    }
  });

  it("refuses demo shortcuts and missing secrets in production", () => {
    expect(() => parseEnv({ APP_ENV: "production" })).toThrow(/DATABASE_URL.*\n.*SESSION_SECRET.*\n.*APP_URL.*\n.*MAILER/s);
    expect(() =>
      parseEnv({
        APP_ENV: "production",
        DATABASE_URL: "postgres://x@y/z",
        SESSION_SECRET: "s".repeat(40),
        APP_URL: "https://idehub.example.no",
        RESEND_API_KEY: "re_abc",
        SEED_DEMO_DATA: "true",
      }),
    ).toThrow(/SEED_DEMO_DATA/);
    const env = parseEnv({
      APP_ENV: "production",
      DATABASE_URL: "postgres://x@y/z",
      SESSION_SECRET: "s".repeat(40),
      APP_URL: "https://idehub.example.no",
      RESEND_API_KEY: "re_abc",
    });
    expect(env.DEMO_MODE).toBe(false);
    expect(env.SEED_DEMO_DATA).toBe(false);
  });

  it("requires the Supabase keys when Supabase Auth is chosen explicitly", () => {
    expect(() => parseEnv({ AUTH_PROVIDER: "supabase" })).toThrow(/SUPABASE_URL.*\n.*SUPABASE_ANON_KEY/s);
  });
});
