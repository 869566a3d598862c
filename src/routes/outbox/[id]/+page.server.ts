import { previewOutboxMail, resendOutboxMail } from '$lib/server/domain/notifications/outbox-admin.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

/** One mail as its recipient reads it; a supplier admin or the admin of the mail's customer (others: 403, other customers: 404). */
export const load: PageServerLoad = (event) =>
	loadWith(event, async (app, actor) => ({ mail: await previewOutboxMail(app.db, actor, event.params.id, app.notifications.mailContext) }));

export const actions: Actions = {
	resend: formAction(async ({ app, actor, event }) => {
		await resendOutboxMail(app.db, actor, event.params.id!);
		app.notifications.nudge();
		return { resent: true };
	})
};
