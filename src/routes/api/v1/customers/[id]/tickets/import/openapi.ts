/** The OpenAPI description of /api/v1/customers/{id}/tickets/import; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { DATE_ORDERS } from '$lib/server/domain/itsm/import/dates';
import { PRESET_KEYS } from '$lib/server/domain/itsm/import/presets';
import { ImportReport } from '$lib/server/http/openapi-itsm';
import { one, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: ok('importTickets', 'itsm', 'Import a CSV export (supplier staff, or a token with scope tickets:write)', 'The report', one('report', ImportReport), {
		description:
			'The body is the file (CSV or gzip of it). One transaction: when any row is bad, nothing changes and the report lists every bad row with its number and reasons.',
		rawBody: { contentTypes: ['text/csv', 'application/gzip', 'application/octet-stream'], description: 'The exported file' },
		query: {
			preset: { schema: z.enum(PRESET_KEYS), description: 'How to read the file' },
			source: { schema: z.string(), description: "The source system's name (part of each ticket's key); default per preset" },
			dateOrder: { schema: z.enum(DATE_ORDERS), description: 'Day/month order of numeric dates; ISO-8601 is always understood' },
			timeZone: { schema: z.string(), description: 'IANA zone of times without an offset (default per preset)' },
			mappingId: { schema: z.uuid(), description: 'generic preset: a saved mapping' },
			fileName: { schema: z.string(), description: 'For the import record' },
			dryRun: { schema: z.enum(['true', 'false']), description: 'Check only, change nothing' }
		},
		errors: [400, 403]
	})
};
