/** The OpenAPI description of /api/v1/customers/{id}/api-tokens; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { TokenInput } from '$lib/server/domain/itsm/tokens/api-tokens.service';
import { ApiToken } from '$lib/server/http/openapi-itsm';
import { list, created, ok } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listApiTokens', 'itsm', "The customer's API tokens (supplier admin); secrets are never shown again", 'Tokens', list('tokens', ApiToken), { errors: [403] }),
	POST: created('createApiToken', 'itsm', 'Create an API token for this customer (supplier admin)', 'Created', z.strictObject({ token: ApiToken, secret: z.string() }), {
		description:
			'The answer holds the secret, once. Send it as `Authorization: Bearer <secret>`. Scopes: `tickets:read` (tickets, SLA and KPIs), `tickets:write` (import and send tickets), `kb:read` (list, search and read the knowledge-base articles for every user), `governance:read` (governance health), `invoices:write` (send and import invoice lines), `documents:read` / `documents:write` (the shared documents over /collab). A token does nothing else; a token created before a scope existed does not have it.',
		body: { ApiTokenInput: TokenInput },
		errors: [403]
	})
};
