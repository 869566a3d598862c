import { createToken, listTokens } from '$lib/server/domain/itsm/tokens/api-tokens.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ tokens: await listTokens(app.db, actor, event.params.id!) }));

/** The secret is in this answer only. */
export const POST = authed(async ({ app, actor, event }) => createToken(app.db, actor, event.params.id!, await readJson(event.request)), 201);
