/** The OpenAPI description of /api/v1/openapi.json; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { OpenApiDocumentSchema } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getOpenApi',
		tag: 'meta',
		summary: 'This document',
		auth: false,
		success: { status: 200, description: 'The OpenAPI 3.1 description of /api/v1', schema: OpenApiDocumentSchema }
	}
};
