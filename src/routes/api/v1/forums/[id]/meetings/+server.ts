import { listForumMeetings, scheduleMeeting } from '$lib/server/domain/meetings/meetings.service';
import { authed, readJson } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({
	meetings: await listForumMeetings(app.db, actor, event.params.id!)
}));

export const POST = authed(
	async ({ app, actor, event }) => ({
		meeting: await scheduleMeeting(app.db, actor, event.params.id!, await readJson(event.request))
	}),
	201
);
