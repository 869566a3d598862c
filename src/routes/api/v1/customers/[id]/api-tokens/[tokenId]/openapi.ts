/** The OpenAPI description of /api/v1/customers/{id}/api-tokens/{tokenId}; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';

export const openapi: RouteDescription = {
	DELETE: {
		operationId: 'revokeApiToken',
		tag: 'itsm',
		summary: 'Revoke an API token (supplier admin)',
		success: { status: 204, description: 'Revoked' },
		errors: [403]
	}
};
