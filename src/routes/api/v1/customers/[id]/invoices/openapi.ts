/** The OpenAPI description of /api/v1/customers/{id}/invoices; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { InvoiceIngestInput, InvoiceLineInput } from '$lib/server/domain/agreement/invoice-import.service';
import { InvoiceImportReport } from '$lib/server/http/openapi-agreement';
import { ok, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	POST: ok('ingestInvoiceLines', 'agreement', 'Send invoice lines as JSON (the billing system)', 'The report (status rejected: nothing changed)', one('report', InvoiceImportReport), {
		description:
			'Keyed by (invoice number, period, service): sending the same lines again changes nothing. One transaction: when any line is bad, nothing is stored and the report lists every bad line (row = its 1-based position). amountOre must be quantity × unitPriceOre. `Authorization: Bearer <token>` with scope invoices:write, or supplier staff.',
		body: { InvoiceIngest: InvoiceIngestInput.extend({ lines: z.array(InvoiceLineInput).min(1).max(10_000) }) },
		errors: [403]
	})
};
