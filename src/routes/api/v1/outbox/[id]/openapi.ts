/** The OpenAPI description of /api/v1/outbox/{id}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok, one, OutboxMailPreview } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getOutboxMail', 'notifications', 'One notification mail as its recipient reads it', 'The mail', one('mail', OutboxMailPreview), { errors: [403, 404] })
};
