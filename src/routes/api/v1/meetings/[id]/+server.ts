import { getMeetingDetail } from '$lib/server/domain/meetings/meetings.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ meeting: await getMeetingDetail(app.db, actor, event.params.id!) }));
