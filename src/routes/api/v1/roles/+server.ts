import { listRoles } from '$lib/server/domain/tenancy/roles.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app }) => ({ roles: await listRoles(app.db) }));
