/** The OpenAPI description of /api/v1/customers/{id}/import-mappings; assembled by $lib/server/http/openapi. */
import type { RouteDescription } from '$lib/server/http/openapi';
import { MappingInput } from '$lib/server/domain/itsm/import/saved-mappings.service';
import { SavedMapping } from '$lib/server/http/openapi-itsm';
import { list, one, created, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listImportMappings', 'itsm', 'Saved column mappings for the generic CSV preset', 'Mappings', list('mappings', SavedMapping), { errors: [403] }),
	POST: created('saveImportMapping', 'itsm', 'Save a column mapping (by name; the same name replaces it)', 'Saved', one('mapping', SavedMapping), {
		body: { MappingInput },
		errors: [403]
	})
};
