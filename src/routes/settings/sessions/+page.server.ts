import { endMyOtherSessions, endMySession, listMySessions } from '$lib/server/domain/tenancy/sessions.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { readSessionCookie } from '$lib/server/http/session-cookie';
import type { Actions, PageServerLoad } from './$types';

/** The person's own sign-ins (sessions): where, since when, last seen; end one or all the others. */
export const load: PageServerLoad = (event) => loadWith(event, async ({ db }, actor) => ({ sessions: await listMySessions(db, actor, readSessionCookie(event.cookies)) }));

export const actions: Actions = {
	end: formAction(({ app, actor, data }) => endMySession(app.db, actor, data.sessionId)),
	endOthers: formAction(({ app, actor, event }) => endMyOtherSessions(app.db, actor, readSessionCookie(event.cookies)))
};
