/** The OpenAPI description of /api/v1/customers/{id}/identity-provider; assembled by $lib/server/http/openapi. */
import { ProviderInput } from '$lib/server/domain/tenancy/identity-providers.service';
import type { RouteDescription } from '$lib/server/http/openapi';
import { IdentityProviderSchema } from '$lib/server/http/openapi-identity';
import { noContent, ok } from '$lib/server/http/openapi-schemas';
import { z } from 'zod';

const Answer = z.strictObject({ identityProvider: IdentityProviderSchema });
const who = "The customer's admin or a supplier admin (403 for others of the customer).";

export const openapi: RouteDescription = {
	GET: ok('getIdentityProvider', 'customers', "The customer's own identity provider for signing in (OpenID Connect)", 'Its settings (never the client secret)', Answer, {
		description: `${who} configured false: none is set up.`,
		errors: [403]
	}),
	PUT: ok('setIdentityProvider', 'customers', "Set up or change the customer's identity provider", 'Its settings now', Answer, {
		description: `${who} clientSecret may be left empty to keep the stored one (required the first time); it is stored encrypted with SECRETS_KEY. A domain registered to another organisation, or used by people of another, is refused (409, idp.domain_taken). Recorded in the audit log.`,
		body: { IdentityProviderInput: ProviderInput },
		errors: [403, 409]
	}),
	DELETE: noContent('removeIdentityProvider', 'customers', "Remove the customer's identity provider (its people sign in with passwords again)", 'Removed', {
		description: `${who} Recorded in the audit log.`,
		errors: [403]
	})
};
