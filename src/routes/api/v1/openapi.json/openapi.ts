/** The OpenAPI description of /api/v1/openapi.json; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { OpenApiDocumentSchema, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('getOpenApi', 'meta', 'This document', 'The OpenAPI 3.1 description of /api/v1', OpenApiDocumentSchema, { auth: false })
};
