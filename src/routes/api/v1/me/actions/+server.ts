import { myActions } from '$lib/server/domain/meetings/actions.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor }) => ({ actions: await myActions(app.db, actor) }));
