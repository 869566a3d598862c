/** The OpenAPI description of /api/v1/customers/{id}/api-tokens/{tokenId}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { noContent } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	DELETE: noContent('revokeApiToken', 'itsm', 'Revoke an API token (supplier admin)', 'Revoked', { errors: [403] })
};
