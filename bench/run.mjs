// `npm run bench`: builds the app, loads a large generated data set into PostgreSQL 15 and into PGlite,
// drives the production server over loopback with autocannon, measures a bare Node http server as the
// floor, weighs each page's JavaScript and CSS, captures EXPLAIN ANALYZE of the app's own queries and
// writes bench/RESULTS.md. Not part of CI or `npm test`. Options (environment variables):
//   BENCH_IDEAS=100000  BENCH_STORIES=500  BENCH_DURATION=10 (seconds per run)  BENCH_CONNECTIONS=1,10,50
//   BENCH_DATABASES=postgres,pglite  BENCH_SKIP_BUILD=1 (reuse the last snapshot)  BENCH_OUT=bench/RESULTS.md
//   BENCH_WEB_CONCURRENCY=<cores> (worker processes on PostgreSQL, as in production; PGlite is always 1)
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { parseHTML } from "linkedom";
import pg from "pg";
import { checkDataset, generateDataset } from "./generate.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WORK = path.join(ROOT, "bench/.work");
const SNAPSHOT = path.join(WORK, "app");
const config = {
  ideas: Number(process.env.BENCH_IDEAS ?? 100_000),
  stories: Number(process.env.BENCH_STORIES ?? 500),
  duration: Number(process.env.BENCH_DURATION ?? 10),
  connections: (process.env.BENCH_CONNECTIONS ?? "1,10,50").split(",").map(Number),
  databases: (process.env.BENCH_DATABASES ?? "postgres,pglite").split(","),
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  out: path.resolve(ROOT, process.env.BENCH_OUT ?? "bench/RESULTS.md"),
  webConcurrency: Number(process.env.BENCH_WEB_CONCURRENCY ?? os.cpus().length),
};
const USERS = {
  employee: { id: "50000000-0000-4000-8000-000000000001", name: "Kari Nordby (employee, Asker)" },
  coordinator: { id: "50000000-0000-4000-8000-000000000004", name: "Marius Bakken (coordinator, digi-asker)" },
};
const started = Date.now();
const log = (line) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)}s] ${line}`);

// ---------------------------------------------------------------------------------------------------
// Build: under the e2e lock (two builds at once break each other), then copied aside so that other
// builds cannot change the app under test.
// ---------------------------------------------------------------------------------------------------
function buildSnapshot() {
  fs.mkdirSync(SNAPSHOT, { recursive: true });
  if (config.skipBuild && fs.existsSync(path.join(SNAPSHOT, "build/server/index.js"))) {
    log("reusing the build snapshot in bench/.work/app (BENCH_SKIP_BUILD=1)");
  } else {
    log("building the production app (npm run build, under /tmp/idehub-e2e.lock)…");
    const script = `set -e; cd '${ROOT}'; node node_modules/@remix-run/dev/dist/cli.js vite:build >'${WORK}/build.log' 2>&1; rm -rf '${SNAPSHOT}/build'; cp -r build '${SNAPSHOT}/build'`;
    // A source file added while the build runs (client and server bundles disagree) fails it: try again.
    let result;
    for (let attempt = 1; attempt <= 3; attempt++) {
      result = spawnSync("flock", ["/tmp/idehub-e2e.lock", "bash", "-c", script], { stdio: "inherit" });
      if (result.status === 0) break;
      log(`build attempt ${attempt} failed (see bench/.work/build.log)`);
    }
    if (result.status !== 0) throw new Error(`build failed, see ${WORK}/build.log`);
  }
  const link = path.join(SNAPSHOT, "supabase");
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(ROOT, "supabase"), link);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startApp(dbEnv, label) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(WORK, `server-${label}.log`);
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
    cwd: SNAPSHOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? WORK,
      NODE_ENV: "production",
      APP_ENV: "test",
      PORT: String(port),
      APP_URL: baseUrl,
      SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
      SEED_DEMO_DATA: "true",
      // Background jobs off: the runs measure the request path only.
      OUTBOX_DISPATCH: "off",
      SLA_SWEEP: "off",
      LOG_LEVEL: "warn",
      // The shared limiters still run (their database round trip is part of every measured request),
      // but one benchmark user must not trip them.
      RATE_LIMIT_SEARCH_PER_MINUTE: "100000",
      RATE_LIMIT_IDEAS_PER_HOUR: "100000",
      ...dbEnv,
    },
    stdio: ["ignore", out, out],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server not healthy; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
      fs.closeSync(out);
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Databases
// ---------------------------------------------------------------------------------------------------
async function fixtures(query) {
  const one = async (sql) => (await query(sql)).rows;
  const [idea] = await one(`select i.public_id from public.ideas i
    where i.visibility = 'partners' and i.status not in ('withdrawn', 'merged') and i.public_id not like 'IDE-%-000_'
    order by (select count(*) from public.idea_comments c where c.idea_id = i.id) + (select count(*) from public.idea_supports s where s.idea_id = i.id) desc, i.public_id
    limit 1`);
  const triage = await one(`select i.public_id from public.ideas i join public.networks n on n.id = i.network_id
    where n.slug = 'digi-asker' and i.status = 'under_review' order by i.submitted_at desc limit 200`);
  const [refs] = await one(`select (select id from public.themes where slug = 'trygghetsskapende-teknologi') as theme_id,
    (select id from public.service_areas where slug = 'hjemmetjenester') as area_id`);
  return { ideaPublicId: idea.public_id, triageIds: triage.map((r) => r.public_id), themeId: refs.theme_id, areaId: refs.area_id };
}

async function preparePostgres() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "idehub-bench-pg-"));
  const started = spawnSync("bash", [path.join(ROOT, "scripts/ci-postgres.sh"), "start", dir], { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`cannot start PostgreSQL: ${started.stderr}`);
  const url = started.stdout.trim();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const version = (await admin.query("show server_version")).rows[0].server_version;
  // auto_explain is loaded for every app connection but off until explainPages() switches it on.
  await admin.query("alter system set session_preload_libraries = 'auto_explain'");
  await admin.query("select pg_reload_conf()");
  await admin.end();
  const dbEnv = { DATABASE_URL: url, DATABASE_POOL_SIZE: "10", WEB_CONCURRENCY: String(config.webConcurrency) };
  log(`PostgreSQL ${version} at ${url.replace(/:[^:@]*@/, ":***@")}; migrating and seeding through the app…`);
  const stopServer = () => spawnSync("bash", [path.join(ROOT, "scripts/ci-postgres.sh"), "stop", dir]);
  let gen, check, fx;
  try {
    const first = await startApp(dbEnv, "postgres-setup");
    await first.stop();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const query = (sql) => client.query(sql);
    try {
      gen = await generateDataset(query, { ideas: config.ideas, stories: config.stories }, log);
      check = await checkDataset(query);
      fx = await fixtures(query);
    } finally {
      await client.end();
    }
  } catch (error) {
    stopServer();
    throw error;
  }
  return {
    kind: "postgres",
    title: `PostgreSQL ${version}`,
    dbEnv,
    url,
    logFile: path.join(dir, "server.log"),
    generation: { ...gen, ...check },
    fixtures: fx,
    cleanup: async () => stopServer(),
  };
}

async function preparePglite() {
  const dataDir = path.join(WORK, `pglite-${process.pid}`);
  await fsp.rm(dataDir, { recursive: true, force: true });
  const dbEnv = { PGLITE_DATA_DIR: dataDir };
  log(`PGlite in ${path.relative(ROOT, dataDir)}; migrating and seeding through the app…`);
  const first = await startApp(dbEnv, "pglite-setup");
  await first.stop();
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const version = (await db.query("show server_version")).rows[0].server_version;
  const query = (sql) => db.query(sql);
  const gen = await generateDataset(query, { ideas: config.ideas, stories: config.stories }, log);
  const check = await checkDataset(query);
  const fx = await fixtures(query);
  await db.close();
  return {
    kind: "pglite",
    title: `PGlite 0.5.14 (Postgres ${version}, WASM, one session)`,
    dbEnv,
    generation: { ...gen, ...check },
    fixtures: fx,
    cleanup: async () => fsp.rm(dataDir, { recursive: true, force: true }),
  };
}

// ---------------------------------------------------------------------------------------------------
// HTTP helpers: a cookie jar and real forms (hidden fields included, so a CSRF token travels too)
// ---------------------------------------------------------------------------------------------------
function makeSession(baseUrl) {
  const jar = new Map();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return {
    cookieHeader,
    async request(pathname, init = {}) {
      const response = await fetch(`${baseUrl}${pathname}`, {
        redirect: "manual",
        ...init,
        headers: { cookie: cookieHeader(), ...(init.headers ?? {}) },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const eq = pair.indexOf("=");
        jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
      return response;
    },
  };
}

/** The hidden fields of the first form matching `pick`, as [name, value] pairs. */
function formFields(html, pick) {
  const { document } = parseHTML(html);
  const form = [...document.querySelectorAll("form")].find(pick);
  if (!form) return null;
  const fields = [];
  for (const input of form.querySelectorAll('input[type="hidden"][name]')) {
    fields.push([input.getAttribute("name"), input.getAttribute("value") ?? ""]);
  }
  return fields;
}

async function signIn(baseUrl, profileId) {
  const session = makeSession(baseUrl);
  const page = await (await session.request("/logg-inn")).text();
  const fields = formFields(page, (f) => f.querySelector(`input[name="profileId"][value="${profileId}"]`));
  if (!fields) throw new Error(`no demo sign-in form for ${profileId}`);
  const response = await session.request("/logg-inn", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams(fields).toString(),
  });
  if (response.status >= 400) throw new Error(`demo sign-in failed: ${response.status}`);
  const check = await session.request("/ideer");
  if (check.status !== 200) throw new Error(`signed-in session cannot open /ideer (${check.status})`);
  return session;
}

// ---------------------------------------------------------------------------------------------------
// Load runs
// ---------------------------------------------------------------------------------------------------
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(baseUrl, scenario, connections) {
  const times = [];
  const statuses = {};
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: config.duration,
    timeout: 30,
    requests: [
      {
        method: scenario.method ?? "GET",
        path: scenario.path,
        headers: scenario.headers ?? {},
        ...(scenario.body ? { setupRequest: (req) => ({ ...req, ...scenario.body() }) } : {}),
      },
    ],
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const ok = Object.entries(statuses).reduce((n, [code, count]) => (Number(code) < 400 ? n + count : n), 0);
  return {
    connections,
    requests: times.length,
    rps: times.length / (result.duration || config.duration),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    failed: times.length - ok + result.errors + result.timeouts,
    statuses,
  };
}

function scenarios(app, fx, employee, coordinator, postForms) {
  const headersOf = (session) => ({ cookie: session.cookieHeader(), "accept-language": "nb" });
  const formHeaders = (session) => ({ ...headersOf(session), "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl });
  let triageTurn = 0;
  return [
    { key: "front", name: "Front page `/`", path: "/", headers: headersOf(employee), read: true },
    { key: "list", name: "Idea list `/ideer`", path: "/ideer", headers: headersOf(employee), read: true, budget: "listSearch" },
    { key: "search1", name: "Search `trygghetsalarm`", path: "/ideer?q=trygghetsalarm", headers: headersOf(employee), read: true, budget: "listSearch" },
    { key: "search2", name: "Search `digital hjemmeoppfølging`", path: `/ideer?q=${encodeURIComponent("digital hjemmeoppfølging")}`, headers: headersOf(employee), read: true, budget: "listSearch" },
    { key: "search3", name: "Search with a typo `trygghetsalram`", path: "/ideer?q=trygghetsalram", headers: headersOf(employee), read: true, budget: "listSearch" },
    { key: "idea", name: `Idea page \`/ideer/${fx.ideaPublicId}\``, path: `/ideer/${fx.ideaPublicId}`, headers: headersOf(employee), read: true },
    { key: "gallery", name: "Story gallery `/historier`", path: "/historier", headers: headersOf(employee), read: true },
    // Not in issue 8's list; timed since they took ~50 s and ~8 s on this data set (FINDINGS item 19).
    { key: "guarantee", name: "Answer guarantee `/svargaranti`", path: "/svargaranti", headers: headersOf(employee), read: true },
    { key: "insight", name: "Insight `/innsikt` (coordinator, 12 months)", path: "/innsikt", headers: headersOf(coordinator) },
    { key: "inbox", name: "Network inbox `/nettverk/digi-asker/innboks` (coordinator)", path: "/nettverk/digi-asker/innboks", headers: headersOf(coordinator) },
    {
      key: "submit",
      name: "Submit an idea (POST `/ideer/ny`)",
      method: "POST",
      path: "/ideer/ny",
      headers: formHeaders(employee),
      body: () => {
        const fields = new URLSearchParams(postForms.submit);
        fields.set("idempotencyKey", crypto.randomUUID());
        return { body: fields.toString() };
      },
    },
    {
      key: "triage",
      name: "Triage answer (POST `/ideer/:id/behandle`, intent=status)",
      method: "POST",
      path: `/ideer/${fx.triageIds[0]}/behandle`,
      headers: formHeaders(coordinator),
      body: () => {
        const id = fx.triageIds[triageTurn++ % fx.triageIds.length];
        return { path: `/ideer/${id}/behandle`, body: new URLSearchParams(postForms.triage).toString() };
      },
    },
  ];
}

async function postFormsFor(app, fx, employee, coordinator) {
  const newPage = await (await employee.request("/ideer/ny")).text();
  const hidden = formFields(newPage, (f) => f.querySelector('input[name="idempotencyKey"]')) ?? [];
  const submit = hidden.filter(([name]) => !["idempotencyKey", "draftId", "intent"].includes(name));
  submit.push(
    ["intent", "submit"],
    ["title", "Felles rutine for trygghetsalarm i hjemmesykepleien (last)"],
    ["problem", "Vi bruker mye tid på trygghetsalarm, og rutinene er ulike fra sone til sone."],
    ["proposalText", "Lage en felles rutine og en kort opplæringsvideo om trygghetsalarm som alle enheter bruker."],
    ["beneficiaries", "users_and_relatives"],
    ["serviceAreaIds", fx.areaId],
    ["themeId", fx.themeId],
    ["needContexts", "home"],
    ["expectedBenefits", "time_saved"],
    ["visibility", "partners"],
    ["privacyConfirmed", "on"],
  );
  const triagePage = await (await coordinator.request(`/ideer/${fx.triageIds[0]}/behandle`)).text();
  const statusHidden = formFields(triagePage, (f) => f.querySelector('input[name="intent"][value="status"]')) ?? [];
  const triage = statusHidden.filter(([name]) => !["intent", "fromStatus", "toStatus", "body"].includes(name));
  triage.push(
    ["intent", "status"],
    ["fromStatus", "under_review"],
    ["toStatus", "under_review"],
    ["body", "Oppdatering: vi jobber fortsatt med forslaget og tar det opp i nettverksmøtet."],
  );
  // One real post each, so a broken form fails loudly before the load runs.
  for (const [label, session, pathname, fields] of [
    ["submit", employee, "/ideer/ny", [...submit, ["idempotencyKey", crypto.randomUUID()]]],
    ["triage", coordinator, `/ideer/${fx.triageIds[0]}/behandle`, triage],
  ]) {
    const response = await session.request(pathname, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.baseUrl },
      body: new URLSearchParams(fields).toString(),
    });
    if (response.status !== 302 && response.status !== 303) {
      const page = await response.text();
      fs.writeFileSync(path.join(WORK, `${label}-refused.html`), page);
      throw new Error(`${label} post answered ${response.status} (page in bench/.work/${label}-refused.html): ${JSON.stringify(fields.filter(([n]) => !["body", "problem", "proposalText"].includes(n)))}`);
    }
  }
  return { submit, triage };
}

// ---------------------------------------------------------------------------------------------------
// The floor: a bare Node http server returning a fixed page of the same size
// ---------------------------------------------------------------------------------------------------
async function startFloor(bytes) {
  const port = await freePort();
  const code = `const http=require("http");const body=Buffer.alloc(${bytes},"x");http.createServer((q,s)=>{s.writeHead(200,{"content-type":"text/html; charset=utf-8","content-length":body.length});s.end(body)}).listen(${port},"127.0.0.1",()=>console.log("up"))`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => child.stdout.once("data", resolve));
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

// ---------------------------------------------------------------------------------------------------
// What each page ships: JavaScript (static imports, plus what it may load later) and CSS, gzipped
// ---------------------------------------------------------------------------------------------------
async function pageAssets(app, session, pages) {
  const cache = new Map();
  const fetchAsset = async (url) => {
    if (!cache.has(url)) {
      const text = await (await fetch(`${app.baseUrl}${url}`)).text();
      cache.set(url, { text, gzip: zlib.gzipSync(Buffer.from(text)).length, lexical: /lexical/i.test(text) });
    }
    return cache.get(url);
  };
  const resolveFrom = (from, spec) => new URL(spec, `http://x${from}`).pathname;
  const importsOf = (url, text) => {
    const staticImports = [...text.matchAll(/(?:^|[^.\w$(])(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => resolveFrom(url, m[1]));
    const dynamicImports = [
      ...[...text.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) => resolveFrom(url, m[1])),
      ...[...text.matchAll(/["'](assets\/[^"']+\.js)["']/g)].map((m) => `/${m[1]}`),
    ];
    return { staticImports, dynamicImports };
  };
  const results = [];
  for (const page of pages) {
    const response = await page.session.request(page.path);
    const html = await response.text();
    const { document } = parseHTML(html);
    const entry = new Set([...html.matchAll(/["'](\/assets\/[^"']+\.js)["']/g)].map((m) => m[1]));
    const css = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute("href")).filter(Boolean);
    const shipped = new Set();
    const later = new Set();
    const queue = [...entry];
    while (queue.length) {
      const url = queue.shift();
      if (shipped.has(url)) continue;
      shipped.add(url);
      const asset = await fetchAsset(url);
      const { staticImports, dynamicImports } = importsOf(url, asset.text);
      for (const next of staticImports) if (!shipped.has(next)) queue.push(next);
      for (const next of dynamicImports) later.add(next);
    }
    const laterOnly = [...later].filter((u) => !shipped.has(u));
    let jsGzip = 0;
    let lexicalShipped = false;
    for (const url of shipped) {
      const asset = await fetchAsset(url);
      jsGzip += asset.gzip;
      lexicalShipped ||= asset.lexical;
    }
    let laterGzip = 0;
    let lexicalLater = false;
    for (const url of laterOnly) {
      const asset = await fetchAsset(url);
      laterGzip += asset.gzip;
      lexicalLater ||= asset.lexical;
    }
    const largest = [];
    for (const url of shipped) largest.push([url.replace(/^\/assets\//, "").replace(/-[\w-]{8}\.js$/, ".js"), (await fetchAsset(url)).gzip]);
    largest.sort((x, y) => y[1] - x[1]);
    let cssGzip = 0;
    for (const url of css) cssGzip += (await fetchAsset(url)).gzip;
    results.push({
      ...page,
      status: response.status,
      htmlBytes: Buffer.byteLength(html),
      htmlGzip: zlib.gzipSync(Buffer.from(html)).length,
      jsFiles: shipped.size,
      jsGzip,
      laterGzip,
      cssGzip,
      lexicalShipped,
      lexicalLater,
      largest: largest.slice(0, 4).map(([name, size]) => `${name} ${kb(size)}`).join(", "),
    });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------
// EXPLAIN ANALYZE of the app's own queries (auto_explain on the PostgreSQL server, one request each)
// ---------------------------------------------------------------------------------------------------
async function explainPages(db, pages) {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const setExplain = async (on) => {
    for (const [name, value] of [
      ["auto_explain.log_min_duration", on ? "0" : "-1"],
      ["auto_explain.log_analyze", on ? "on" : "off"],
      ["auto_explain.log_nested_statements", on ? "on" : "off"],
      ["auto_explain.log_timing", on ? "on" : "off"],
    ]) {
      await admin.query(`alter system set ${name} = '${value}'`);
    }
    await admin.query("select pg_reload_conf()");
    await new Promise((r) => setTimeout(r, 500));
  };
  const out = [];
  try {
    await setExplain(true);
    for (const page of pages) {
      const offset = fs.statSync(db.logFile).size;
      await (await page.session.request(page.path)).text();
      await new Promise((r) => setTimeout(r, 500));
      const text = fs.readFileSync(db.logFile, "utf8").slice(offset);
      const entries = text
        .split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/)
        .filter((e) => e.includes("plan:") && /public\.ideas|"ideas"|\bideas\b|idea_search_documents/.test(e))
        .map((e) => ({ ms: Number(/duration: ([\d.]+) ms/.exec(e)?.[1] ?? 0), text: e.replace(/^.*?plan:\n/s, "").replace(/^\t/gm, "") }))
        .sort((a, b) => b.ms - a.ms);
      const all = entries.map((e) => e.text).join("\n");
      const indexes = [...new Set([...all.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan) (?:Backward )?(?:using|on) (\w+)/g)].map((m) => m[1]))];
      const seqOnIdeas = /Seq Scan on ideas\b/.test(all);
      out.push({ ...page, entries: entries.slice(0, page.keep ?? 3), indexes, seqOnIdeas, total: entries.length });
    }
  } finally {
    await setExplain(false).catch(() => {});
    await admin.end();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------------
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : "–");
const kb = (v) => (v / 1024).toFixed(1);

function writeReport({ machine, runs, floor, assets, explains, notes }) {
  const lines = [];
  const push = (...l) => lines.push(...l);
  push(
    "# Benchmark results",
    "",
    `Generated by \`npm run bench\` on ${new Date().toISOString()} (${Math.round((Date.now() - started) / 60000)} min). Re-run to refresh; see the README, section Benchmarks.`,
    "",
    "## Machine and settings",
    "",
    `- CPU: ${machine.cpus} × ${machine.cpuModel}; memory ${machine.memGb} GB; ${machine.platform}`,
    `- Node ${process.version}; load average at start ${machine.loadStart}, at end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`,
    `- Data set: ${config.ideas.toLocaleString("en")} generated ideas + the demo data, ${config.stories} generated stories (see the counts per database below)`,
    `- Each run: ${config.duration} s of autocannon 8.0.0 over loopback at ${config.connections.join(", ")} connections; the app, the database and autocannon share the machine's cores, so every figure includes their competition for CPU`,
    "- Production build (`npm run build`), `node server.mjs` with `NODE_ENV=production`, demo sign-in, background jobs (outbox dispatch, SLA sweeper) off; pages requested as a signed-in employee (Kari Nordby, Asker), triage as the coordinator of digi-asker (Marius Bakken)",
    `- Worker processes: \`WEB_CONCURRENCY=${config.webConcurrency}\` on PostgreSQL (one per core, as in production), 1 on PGlite (the embedded database belongs to one process); each has a pool of 10 connections`,
    "- Latency percentiles are computed from every response's time; \"vs floor\" is the app's requests/s as a share of the bare Node `http` server's at the same connection count (higher is better; 100 % would be as fast as serving a fixed page)",
    "- Requests still open when a run ends are not counted: a dash means no response completed within the run",
    `- Floor: a bare Node \`http\` server returning a fixed ${kb(floor.bytes)} KB page (the size of the idea list's HTML) on its own process`,
    "",
  );
  push("## Floor (bare Node http server)", "", "| connections | p50 ms | p95 ms | p99 ms | requests/s |", "|---:|---:|---:|---:|---:|");
  for (const r of floor.results) push(`| ${r.connections} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.rps.toFixed(0)} |`);
  push("");
  for (const run of runs) {
    push(`## ${run.db.title}`, "");
    const g = run.db.generation;
    push(
      `Data set loaded in ${(g.ms / 1000).toFixed(1)} s: ${Object.entries(g.counts).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")}.`,
      `Consistency checks (all must be 0): ${Object.entries(g.problems).map(([k, v]) => `${k} ${v}`).join(", ")}.`,
      "",
      "| scenario | conn | p50 ms | p95 ms | p99 ms | requests/s | vs floor | requests | failed (status ≥ 400, errors, timeouts) |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    );
    for (const s of run.results) {
      for (const r of s.levels) {
        const f = floor.results.find((x) => x.connections === r.connections);
        const failed = r.failed ? `${r.failed} (${Object.entries(r.statuses).filter(([c]) => Number(c) >= 400).map(([c, n]) => `${c}: ${n}`).join(", ") || "errors"})` : "0";
        push(`| ${s.name} | ${r.connections} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.rps.toFixed(1)} | ${f ? ((100 * r.rps) / f.rps).toFixed(1) + " %" : "–"} | ${r.requests} | ${failed} |`);
      }
    }
    push("");
  }
  push("## JavaScript and CSS per page (gzip)", "", "\"Loaded\" is what the page's HTML pulls in (module preloads, the entry script and their static imports); \"on demand\" is what those files may import later (dynamic `import()`), not counted as shipped.", "");
  push("| page | kind | HTML gzip KB | JS loaded gzip KB (files) | JS on demand gzip KB | CSS gzip KB | Lexical loaded | Lexical on demand | largest loaded files (gzip KB) |", "|---|---|---:|---:|---:|---:|---|---|---|");
  for (const a of assets) {
    push(`| ${a.name} | ${a.kind} | ${kb(a.htmlGzip)} | ${kb(a.jsGzip)} (${a.jsFiles}) | ${kb(a.laterGzip)} | ${kb(a.cssGzip)} | ${a.lexicalShipped ? "yes" : "no"} | ${a.lexicalLater ? "yes" : "no"} | ${a.largest} |`);
  }
  push("");
  push("## Budgets", "", "| budget | measured | result |", "|---|---|---|");
  for (const b of notes.budgets) push(`| ${b.name} | ${b.measured} | **${b.pass ? "PASS" : "FAIL"}** |`);
  push("");
  if (notes.remarks.length) push("## Remarks", "", ...notes.remarks.map((r) => `- ${r}`), "");
  const findings = path.join(ROOT, "bench/FINDINGS.md");
  if (fs.existsSync(findings)) push(fs.readFileSync(findings, "utf8").trim(), "");
  push(
    "## EXPLAIN ANALYZE on the PostgreSQL data set",
    "",
    "Captured with `auto_explain` (log_analyze, nested statements) on the PostgreSQL server while the app served one request per page as the user shown: these are the app's own queries under row-level security, not hand-written copies. The slowest plans touching `ideas` are shown per page.",
    "",
  );
  for (const e of explains) {
    push(`### ${e.name} — ${e.user}`, "", `Indexes used: ${e.indexes.map((i) => `\`${i}\``).join(", ") || "none"}; sequential scan on ideas: ${e.seqOnIdeas ? "**yes**" : "no"} (${e.total} plans touching ideas in this request).`, "");
    for (const entry of e.entries) push("```", entry.text.trim(), "```", "");
  }
  fs.writeFileSync(config.out, lines.join("\n"));
  log(`wrote ${path.relative(ROOT, config.out)}`);
}

// ---------------------------------------------------------------------------------------------------
async function main() {
  fs.mkdirSync(WORK, { recursive: true });
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memGb: (os.totalmem() / 1024 ** 3).toFixed(1),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadStart: os.loadavg().map((l) => l.toFixed(2)).join(" "),
  };
  log(`ideas=${config.ideas} stories=${config.stories} duration=${config.duration}s connections=${config.connections} databases=${config.databases}; load ${machine.loadStart}`);
  buildSnapshot();
  const runs = [];
  let assets = [];
  let explains = [];
  let floorBytes = 0;
  for (const kind of config.databases) {
    const db = kind === "postgres" ? await preparePostgres() : await preparePglite();
    log(`${db.title}: data set in ${(db.generation.ms / 1000).toFixed(1)} s; problems ${JSON.stringify(db.generation.problems)}`);
    const app = await startApp(db.dbEnv, kind);
    try {
      const employee = await signIn(app.baseUrl, USERS.employee.id);
      const coordinator = await signIn(app.baseUrl, USERS.coordinator.id);
      const postForms = await postFormsFor(app, db.fixtures, employee, coordinator);
      const list = scenarios(app, db.fixtures, employee, coordinator, postForms);
      if (!floorBytes) floorBytes = Buffer.byteLength(await (await employee.request("/ideer")).text());
      if (assets.length === 0) {
        log("weighing JavaScript and CSS per page…");
        assets = await pageAssets(app, employee, [
          ...list.filter((s) => s.read).map((s) => ({ name: s.name, path: s.path, session: employee, kind: "read" })),
          { name: "Write an idea `/ideer/ny`", path: "/ideer/ny", session: employee, kind: "writing" },
          { name: "Write a story `/historier/ny`", path: "/historier/ny", session: employee, kind: "writing" },
          { name: "Triage page `/ideer/:id/behandle`", path: `/ideer/${db.fixtures.triageIds[0]}/behandle`, session: coordinator, kind: "triage (form, no editor)" },
        ]);
      }
      if (kind === "postgres") {
        log("capturing EXPLAIN ANALYZE of the list, search and inbox queries…");
        explains = await explainPages(db, [
          { name: "Idea list `/ideer`", path: "/ideer", session: employee, user: USERS.employee.name },
          { name: "Search `/ideer?q=trygghetsalarm`", path: "/ideer?q=trygghetsalarm", session: employee, user: USERS.employee.name },
          { name: "Search with a typo `/ideer?q=trygghetsalram`", path: "/ideer?q=trygghetsalram", session: employee, user: USERS.employee.name },
          { name: "Network inbox `/nettverk/digi-asker/innboks`", path: "/nettverk/digi-asker/innboks", session: coordinator, user: USERS.coordinator.name },
        ]);
      }
      const results = [];
      for (const scenario of list) {
        // Warm-up: a few sequential requests (plans, caches, JIT) that are not measured.
        for (let i = 0; i < 5; i++) {
          const init = scenario.body ? { method: scenario.method, headers: scenario.headers, ...scenario.body() } : { headers: scenario.headers };
          await (await fetch(`${app.baseUrl}${init.path ?? scenario.path}`, { ...init, redirect: "manual" })).arrayBuffer();
        }
        const levels = [];
        for (const connections of config.connections) {
          const r = await load(app.baseUrl, scenario, connections);
          log(`${kind} ${scenario.key} c=${connections}: p50 ${ms(r.p50)} p95 ${ms(r.p95)} p99 ${ms(r.p99)} ms, ${r.rps.toFixed(1)} req/s, failed ${r.failed}`);
          levels.push(r);
        }
        results.push({ ...scenario, levels });
      }
      runs.push({ db, results });
    } finally {
      await app.stop();
      await db.cleanup();
    }
  }
  log(`floor: bare http server, ${floorBytes} bytes per response`);
  const floorServer = await startFloor(floorBytes);
  const floorResults = [];
  try {
    for (const connections of config.connections) floorResults.push(await load(floorServer.baseUrl, { path: "/" }, connections));
  } finally {
    floorServer.stop();
  }
  const floor = { bytes: floorBytes, results: floorResults };

  const budgets = [];
  const pgRun = runs.find((r) => r.db.kind === "postgres");
  if (pgRun) {
    for (const s of pgRun.results.filter((x) => x.budget === "listSearch")) {
      const at10 = s.levels.find((l) => l.connections === 10);
      if (at10) budgets.push({ name: `${s.name}: p95 < 100 ms at 10 connections (PostgreSQL)`, measured: `${ms(at10.p95)} ms`, pass: at10.p95 < 100 && at10.failed === 0 });
    }
  }
  for (const a of assets.filter((x) => x.kind === "read")) {
    budgets.push({ name: `${a.name}: ≤ 100 KB gzip JavaScript`, measured: `${kb(a.jsGzip)} KB`, pass: a.jsGzip <= 100 * 1024 });
    budgets.push({ name: `${a.name}: no Lexical`, measured: a.lexicalShipped ? "Lexical loaded" : a.lexicalLater ? "not loaded (reachable on demand)" : "not loaded", pass: !a.lexicalShipped });
  }
  const writing = assets.find((x) => x.path === "/ideer/ny");
  if (writing) budgets.push({ name: "`/ideer/ny` loads the Lexical editor chunk", measured: writing.lexicalShipped ? "loaded with the page" : writing.lexicalLater ? "loaded on demand (dynamic import)" : "not found", pass: writing.lexicalShipped || writing.lexicalLater });
  for (const e of explains) {
    budgets.push({ name: `EXPLAIN: ${e.name} uses indexes on ideas`, measured: `${e.indexes.join(", ") || "no index"}${e.seqOnIdeas ? "; Seq Scan on ideas" : ""}`, pass: !e.seqOnIdeas && e.indexes.length > 0 });
  }
  const remarks = [];
  for (const run of runs) {
    for (const s of run.results) for (const l of s.levels) if (l.failed) remarks.push(`${run.db.title}, ${s.name} at ${l.connections} connections: ${l.failed} failed responses (${JSON.stringify(l.statuses)}).`);
  }
  writeReport({ machine, runs, floor, assets, explains, notes: { budgets, remarks } });
  const failed = budgets.filter((b) => !b.pass);
  log(failed.length ? `budgets failed: ${failed.map((b) => b.name).join("; ")}` : "all budgets pass");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
