import { listMaterial, uploadMaterial } from '$lib/server/domain/material/material.service';
import { authed, readBody } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => listMaterial(app.db, actor, event.params.id!));

/**
 * The body is the file itself; its name and where it belongs are query
 * parameters. The body is read only after the caller's right to upload is
 * checked, and at most MATERIAL_MAX_BYTES of it. The meeting page uploads here.
 */
export const POST = authed(async ({ app, actor, event }) => {
	const q = event.url.searchParams;
	const input = { fileName: q.get('fileName') ?? '', agendaItemId: q.get('agendaItemId') ?? undefined, internal: q.get('internal') ?? undefined };
	return { material: await uploadMaterial(app.db, actor, event.params.id!, input, (limit) => readBody(event.request, limit)) };
}, 201);
