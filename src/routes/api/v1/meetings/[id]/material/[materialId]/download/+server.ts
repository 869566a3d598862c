import { downloadMaterial } from '$lib/server/domain/material/material.service';
import { authed } from '$lib/server/http/api';
import { downloadResponse } from '$lib/server/http/content-disposition';

export const GET = authed(async ({ app, actor, event }) =>
	downloadResponse(await downloadMaterial(app.db, actor, event.params.id!, event.params.materialId!, event.url.searchParams.get('version')))
);
