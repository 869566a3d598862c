import { listAttendance, markAttendance } from '$lib/server/domain/meetings/attendance.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ attendance: await listAttendance(app.db, actor, event.params.id!) }));

export const PUT = authed(async ({ app, actor, event }) => ({
	attendance: await markAttendance(app.db, actor, event.params.id!, await readJson(event.request))
}));
