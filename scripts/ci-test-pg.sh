#!/usr/bin/env bash
# `npm run test:pg`: the unit + integration suite against a real PostgreSQL server.
# Each test file gets a fresh database on TEST_DATABASE_URL (tests/support/test-database.ts).
set -euo pipefail

if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  echo "npm run test:pg needs TEST_DATABASE_URL, e.g." >&2
  echo "  TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres npm run test:pg" >&2
  echo "(a role that may create and drop databases; .ci/run starts a throwaway PostgreSQL 15 for this)" >&2
  exit 2
fi

# Fail fast, with the server named (never the password), when it is unreachable.
node --input-type=module -e '
import pg from "pg";
const url = new URL(process.env.TEST_DATABASE_URL);
const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL, connectionTimeoutMillis: 10000 });
try {
  await client.connect();
  const { rows } = await client.query("show server_version");
  console.log(`[test:pg] PostgreSQL ${rows[0].server_version} at ${where}`);
} catch (error) {
  console.error(`[test:pg] cannot reach TEST_DATABASE_URL (${where}): ${error.message}`);
  process.exit(2);
} finally {
  await client.end().catch(() => {});
}'

exec npx vitest run --project unit "$@"
