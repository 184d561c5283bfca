import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  asReceived,
  call,
  changedCounts,
  discoverRoutes,
  echoes,
  fieldsToEcho,
  formArb,
  fuzzContext,
  fuzzOptions,
  importRoute,
  isRefusal,
  paramsArb,
  request,
  rowCounts,
  useFuzzSetup,
} from "./fuzz-support";

// Every form action in app/routes, signed in as each kind of user (or not at all), posted random and
// hostile fields: never a 500, nothing written when refused, and the typed text comes back.

const ROUTES = discoverRoutes().filter((route) => route.hasAction);
const OPTIONS = fuzzOptions(20);

const setup = useFuzzSetup();

describe("fuzzing every form action", () => {
  it("finds the routes", () => {
    expect(ROUTES.length).toBeGreaterThan(15);
  });

  for (const route of ROUTES) {
    it(`${route.file}: no 500, no partial write, typed text kept`, async () => {
      const { testDb, ctx, personas } = setup;
      const module = await importRoute(route.file);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: personas.length - 1 }), paramsArb(route, ctx), formArb(route, ctx), async (who, params, form) => {
          const persona = personas[who]!;
          const before = await rowCounts(testDb.db);
          const outcome = await call(() => module.action!({ request: request("POST", route.pathFor(params), persona.cookie, form), params, context: {} }));
          const label = `${persona.email} POST ${route.pathFor(params)}`;
          if (outcome.kind === "crash") throw new Error(`${label} crashed: ${outcome.message}`);
          expect(outcome.status, `${label} answered ${outcome.status}`).toBeLessThan(500);
          if (!isRefusal(outcome)) return;
          expect(changedCounts(before, await rowCounts(testDb.db)), `${label} was refused but wrote`).toEqual([]);
          const expected = fieldsToEcho(outcome, route);
          // A browser sends one value per text field: what formData.get() returns is what must come back.
          const firsts = form.filter(([name], index) => form.findIndex(([other]) => other === name) === index);
          const typed = firsts.filter(([name, value]) => expected.includes(name) && value.trim().length > 0);
          const lost = typed.filter(([, value]) => !echoes(outcome, asReceived(value))).map(([name]) => name);
          expect(lost, `${label} refused without giving back what was typed`).toEqual([]);
        }),
        OPTIONS,
      );
    });
  }
});
