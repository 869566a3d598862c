import { saveMapping, savedMappings } from '$lib/server/domain/itsm/import/saved-mappings.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ mappings: await savedMappings(app.db, actor, event.params.id!) }));

/** Saved by name: saving again under the same name replaces it. */
export const POST = authed(async ({ app, actor, event }) => ({ mapping: await saveMapping(app.db, actor, event.params.id!, await readJson(event.request)) }), 201);
