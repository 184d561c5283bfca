/**
 * Loads react-email and a template when the first mail is rendered, not when the server starts:
 * importing @react-email/components costs more than half a second, and `npm start` must be quick.
 */
export async function loadMailRenderer<Template extends object>(template: () => Promise<Template>) {
  const [{ render }, module] = await Promise.all([import("@react-email/components"), template()]);
  return { render, ...module };
}
