/** Response schemas of an organisation's own identity provider (tenancy/identity-providers.service.ts). */
import { z } from 'zod';
import { ACCESS_LEVELS } from '$lib/domain-types';

const Access = z.enum(ACCESS_LEVELS);

export const IdentityProviderSchema = z.strictObject({
	customerId: z.uuid().nullable().describe("null: the supplier's own"),
	configured: z.boolean(),
	issuer: z.string(),
	clientId: z.string(),
	secretSet: z.boolean().describe('a client secret is stored (it is never shown)'),
	domains: z.array(z.string()).describe('e-mail domains sent to this provider at sign-in'),
	jitEnabled: z.boolean().describe('people unknown to Samverkan are created at their first sign-in'),
	jitAccess: Access,
	groupsClaim: z.string().nullable(),
	groupAccess: z.array(z.strictObject({ group: z.string(), access: Access })),
	passwordSignIn: z.boolean().describe("the customer's people may still sign in with a password"),
	accessLevels: z.array(Access),
	secretsKeySet: z.boolean().describe('SECRETS_KEY is set on this installation')
});

export const ProviderTestSchema = z.union([
	z.strictObject({ ok: z.literal(true), issuer: z.string(), authorizationEndpoint: z.string(), tokenEndpoint: z.string() }),
	z.strictObject({ ok: z.literal(false), problem: z.string() })
]);

export const IDENTITY_OUTPUT_SCHEMAS = { IdentityProvider: IdentityProviderSchema } satisfies Record<string, z.ZodType>;
