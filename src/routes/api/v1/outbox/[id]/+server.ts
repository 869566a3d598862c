import { previewOutboxMail } from '$lib/server/domain/notifications/outbox-admin.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ mail: await previewOutboxMail(app.db, actor, event.params.id!, app.notifications.mailContext) }));
