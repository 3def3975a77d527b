/**
 * What the signed-in role may call, read from the worker's own rule table (generated into
 * api/admin-rules.json by `npm run api:types`), so menu entries and buttons follow the API's 403s.
 */
import table from "../api/admin-rules.json";
import { type StaffRole, session } from "./session";

const segments = (path: string) => path.split("/").filter(Boolean);

/** Same matching as worker/shared/admin-guard.ts: first rule that covers the path wins; "*" = one segment. */
export function allowedRoles(path: string): readonly string[] {
  const parts = segments(path);
  const rule = table.rules.find((r) => {
    const rs = segments(r.path);
    return rs.length <= parts.length && rs.every((seg, i) => seg === "*" || seg === parts[i]);
  });
  return rule?.roles ?? table.defaultRoles;
}

export function roleMay(role: StaffRole | undefined, apiPath: string): boolean {
  return !!role && allowedRoles(apiPath).includes(role);
}

/** Whether the signed-in staff member may call this /api/admin path (ids as any segment, e.g. "1"). */
export const may = (apiPath: string) => roleMay(session.current?.staff.role, apiPath);

/** Whether a role may open a console page: its own `roles` when it names them, else the API's rules. */
export function pageAllowed(
  role: StaffRole | undefined,
  meta: { api?: string | undefined; roles?: readonly StaffRole[] | undefined } | undefined,
): boolean {
  if (meta?.roles) return !!role && meta.roles.includes(role);
  return !meta?.api || roleMay(role, meta.api);
}
