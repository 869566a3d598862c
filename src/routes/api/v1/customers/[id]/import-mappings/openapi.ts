/** The OpenAPI description of /api/v1/customers/{id}/import-mappings; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { MappingInput } from '$lib/server/domain/itsm/import/saved-mappings.service';
import { SavedMapping } from '$lib/server/http/openapi-itsm';
import { list, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'listImportMappings',
		tag: 'itsm',
		summary: 'Saved column mappings for the generic CSV preset',
		success: { status: 200, description: 'Mappings', schema: list('mappings', SavedMapping) },
		errors: [403]
	},
	POST: {
		operationId: 'saveImportMapping',
		tag: 'itsm',
		summary: 'Save a column mapping (by name; the same name replaces it)',
		body: { MappingInput },
		success: { status: 201, description: 'Saved', schema: one('mapping', SavedMapping) },
		errors: [403]
	}
};
