import { getMaterial } from '$lib/server/domain/material/material.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ material: await getMaterial(app.db, actor, event.params.id!, event.params.materialId!) }));
