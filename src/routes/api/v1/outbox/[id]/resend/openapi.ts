/** The OpenAPI description of /api/v1/outbox/{id}/resend; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { noContent } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: noContent('resendOutboxMail', 'notifications', 'Send a dead (or kept) mail again, from its first attempt', 'Queued again', { errors: [403, 404, 409] })
};
