import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { clientIp } from "~/modules/auth/rate-limits.server";
import { parseEnv, setEnv } from "~/utils/env.server";
import { CLIENT_IP_HEADER, securityMiddleware, trustProxySetting } from "./security-middleware.server";

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

/** A real Express server with the production middleware; it answers with the address the app would see. */
async function serverWith(trustProxy: string) {
  setEnv(parseEnv({ APP_ENV: "test", PGLITE_DATA_DIR: "memory", TRUST_PROXY: trustProxy }));
  const app = express();
  app.set("trust proxy", trustProxySetting());
  app.use(securityMiddleware);
  app.get("/ip", (req, res) => {
    const request = new Request("http://localhost/ip", { headers: { [CLIENT_IP_HEADER]: String(req.headers[CLIENT_IP_HEADER] ?? "") } });
    res.type("text/plain").send(clientIp(request) ?? "none");
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  close = () => server.close();
  const { port } = server.address() as AddressInfo;
  return (headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}/ip`, { headers }).then((r) => r.text());
}

describe("the client's address for rate limits", () => {
  it("is the connecting address by default: a forged X-Forwarded-For or our own header changes nothing", async () => {
    const ip = await serverWith("false");
    expect(await ip()).toBe("127.0.0.1");
    expect(await ip({ "X-Forwarded-For": "203.0.113.7" })).toBe("127.0.0.1");
    expect(await ip({ [CLIENT_IP_HEADER]: "203.0.113.7" })).toBe("127.0.0.1");
  });

  it("comes from X-Forwarded-For only through proxies TRUST_PROXY names", async () => {
    const oneHop = await serverWith("1");
    // The proxy appends the address it saw; anything the client put in front of it is not believed.
    expect(await oneHop({ "X-Forwarded-For": "198.51.100.9, 203.0.113.7" })).toBe("203.0.113.7");
    close?.();
    const loopback = await serverWith("loopback");
    expect(await loopback({ "X-Forwarded-For": "203.0.113.7" })).toBe("203.0.113.7");
    close?.();
    const elsewhere = await serverWith("10.0.0.0/8");
    expect(await elsewhere({ "X-Forwarded-For": "203.0.113.7" })).toBe("127.0.0.1");
  });

  it("refuses a TRUST_PROXY value that is not a hop count or a list of addresses", () => {
    expect(() => parseEnv({ APP_ENV: "test", TRUST_PROXY: "yes please; drop table" })).toThrow(/TRUST_PROXY/);
    expect(trustProxySetting("2")).toBe(2);
    expect(trustProxySetting("loopback, 10.0.0.0/8")).toEqual(["loopback", "10.0.0.0/8"]);
  });
});
