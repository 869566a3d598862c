/** The OpenAPI description of /api/v1/me/notifications; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import { InboxQuery } from '$lib/server/domain/notifications/inbox.service';
import type { RouteDescription } from '$lib/server/http/openapi';
import { InboxNotification } from '$lib/server/http/openapi-notifications';
import { ok, queryOf } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listMyNotifications', 'notifications', "The caller's in-app notifications (the bell), newest first", 'The notifications and how many are unread', z.strictObject({ items: z.array(InboxNotification), unread: z.int().nonnegative() }), {
		description: "Headlines in the caller's language (Accept-Language or the language cookie). Only the caller's own; API tokens have none (403).",
		query: queryOf(InboxQuery, { limit: 'How many (1–100, default 30)' }),
		errors: [400, 403]
	})
};
