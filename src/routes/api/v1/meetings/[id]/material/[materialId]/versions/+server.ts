import { uploadVersion } from '$lib/server/domain/material/material.service';
import { authed, readBody } from '$lib/server/http/api';

/** A new version of the material: the body is the file, its name a query parameter; the old versions stay. */
export const POST = authed(async ({ app, actor, event }) => {
	const input = { fileName: event.url.searchParams.get('fileName') ?? '' };
	return { material: await uploadVersion(app.db, actor, event.params.id!, event.params.materialId!, input, (limit) => readBody(event.request, limit)) };
}, 201);
