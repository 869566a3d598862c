/** The OpenAPI description of /api/v1/me/notifications/read; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import { MarkReadInput } from '$lib/server/domain/notifications/inbox.service';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: ok('markMyNotificationsRead', 'notifications', "Mark the caller's notifications read: the given ids, or all", 'How many changed and how many stay unread', z.strictObject({ marked: z.int().nonnegative(), unread: z.int().nonnegative() }), {
		description: 'Send `ids` or `all: true`. Ids of notifications that are not the caller\'s are ignored like unknown ones.',
		body: { MarkReadInput },
		errors: [403]
	})
};
