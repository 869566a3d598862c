/** The OpenAPI description of /api/v1/outbox/{id}/resend; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { NoInput } from '$lib/server/http/openapi-meetings';
import { noContent } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: noContent('resendOutboxMail', 'notifications', 'Send a dead (or kept) mail again, from its first attempt', 'Queued again', { body: { NoInput }, errors: [403, 409] })
};
