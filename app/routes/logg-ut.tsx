import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getAuthProvider } from "~/modules/auth/auth-provider.server";
import { destroyUserSession } from "~/modules/auth/session.server";

// Signing out changes state, so only POST does it; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const { headers } = await getAuthProvider().signOut(request);
  headers.append("Set-Cookie", await destroyUserSession(request));
  return redirect("/", { headers });
}
