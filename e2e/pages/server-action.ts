import type { APIRequestContext } from "@playwright/test";

/**
 * The id of the server action behind the form that has a field `fieldName`, read from a rendered
 * page as anyone allowed to see that page could.
 */
export function actionIdFor(html: string, fieldName: string): string {
  for (const chunk of html.split("<form").slice(1)) {
    const form = chunk.slice(0, chunk.indexOf("</form>"));
    if (!form.includes(`name="${fieldName}"`)) continue;
    const m = form.match(/name="\$ACTION_\d+:0" value="([^"]*)"/);
    if (m) return (JSON.parse(m[1].replaceAll("&quot;", '"')) as { id: string }).id;
  }
  throw new Error(`no server action form with a field "${fieldName}"`);
}

/**
 * Calls a server action directly, as any HTTP client can: the Next-Action header and the
 * arguments (previous state, input) in React's reply encoding. Server actions are public
 * endpoints, so this is what an attacker holding the id would send.
 */
export function callAction(request: APIRequestContext, path: string, actionId: string, fields: Record<string, string | number>) {
  const input = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));
  return request.post(path, {
    headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify(["$undefined", input]),
  });
}
