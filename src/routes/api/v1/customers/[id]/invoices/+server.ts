import { ingestInvoiceLines } from '$lib/server/domain/agreement/invoice-import.service';
import { authed, readJson } from '$lib/server/http/api';

/** JSON from the billing system (a token with scope invoices:write, or supplier staff). */
export const POST = authed(async ({ app, actor, event }) => ({ report: await ingestInvoiceLines(app.db, actor, event.params.id!, await readJson(event.request)) }));
