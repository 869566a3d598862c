/** The OpenAPI description of /api/v1/customers/{id}/invoices/import; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { InvoiceImportReport } from '$lib/server/http/openapi-agreement';
import { ok, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: ok('importInvoiceCsv', 'agreement', "Import the billing system's CSV export (supplier staff, or a token with scope invoices:write)", 'The report', one('report', InvoiceImportReport), {
		description:
			'Columns (default names, Swedish or English): Kund, Period (yyyy-mm), Tjänst, Antal, À-pris, Belopp, Fakturanummer. Amounts in kronor ("12 345,67"). One transaction: when any row is bad, nothing changes and the report lists every bad row with its line and reasons. Re-importing the same file changes nothing.',
		rawBody: { contentTypes: ['text/csv', 'application/gzip', 'application/octet-stream'], description: 'The exported file' },
		query: {
			mapping: { schema: z.string(), description: 'JSON: column names that differ from the defaults, e.g. {"service":"Produkt"}' },
			fileName: { schema: z.string(), description: 'For the import record' },
			dryRun: { schema: z.enum(['true', 'false']), description: 'Check only, change nothing' }
		},
		errors: [400, 403]
	})
};
