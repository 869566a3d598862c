import { resendOutboxMail } from '$lib/server/domain/notifications/outbox-admin.service';
import { authed, noContent, readNoInput } from '$lib/server/http/api';

export const POST = authed(async ({ app, actor, event }) => {
	await readNoInput(event.request);
	await resendOutboxMail(app.db, actor, event.params.id!);
	app.notifications.nudge();
	return noContent();
});
