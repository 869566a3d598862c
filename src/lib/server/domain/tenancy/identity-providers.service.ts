/**
 * An organisation's own identity provider (OpenID Connect): the supplier's,
 * and each customer's. The supplier admin configures every organisation's, a
 * customer's admin only their own (policy: identity.configure). The client
 * secret is sealed at rest (crypto/secret-box.ts) and never shown again: the
 * page only says whether one is set. Every change is audited.
 */
import { z } from 'zod';
import { ACCESS_OF_PARTY, type Access } from '$lib/domain-types';
import { open, seal, secretsKeySet } from '$lib/server/crypto/secret-box';
import type { Db } from '$lib/server/db';
import type { IdentityProvidersTable } from '$lib/server/db/identity-schema';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { conflict, invalid, notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { authorize } from '../policy';
import { parseInput } from '../validation';
import { discover, isLoopbackHttp } from './oidc-client';
import {
	deleteProvider,
	findDomainsTakenByOthers,
	findProviderOfOrg,
	insertProvider,
	listDomainsOf,
	listPeopleOfDomainOutsideOrg,
	replaceDomains,
	updateProvider
} from './identity-providers.repository';
import { findCustomer } from './tenancy.repository';

/** Where the provider sends people back: register `<ORIGIN>` + this at the provider. */
export const OIDC_CALLBACK_PATH = '/login/oidc/callback';

export interface GroupAccess {
	group: string;
	access: Access;
}

export interface IdentityProviderView {
	customerId: string | null;
	configured: boolean;
	issuer: string;
	clientId: string;
	/** a secret is stored; it is never shown */
	secretSet: boolean;
	domains: string[];
	jitEnabled: boolean;
	jitAccess: Access;
	groupsClaim: string | null;
	groupAccess: GroupAccess[];
	/** only for a customer: whether its people may still sign in with a password */
	passwordSignIn: boolean;
	/** the access levels of this organisation's party, the ordinary one first */
	accessLevels: readonly Access[];
	/** SECRETS_KEY is set on this installation (without it no secret can be stored) */
	secretsKeySet: boolean;
}

const partyLevels = (customerId: string | null) => ACCESS_OF_PARTY[customerId ? 'customer' : 'supplier'];

// no actor: pure parsing of a stored column
export const parseGroupAccess = (json: string): GroupAccess[] => {
	try {
		const v: unknown = JSON.parse(json);
		return Array.isArray(v) ? (v as GroupAccess[]) : [];
	} catch {
		return [];
	}
};

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const bool = z.union([z.boolean(), z.enum(['on', 'true', '1', 'false', '0', ''])]).transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

export const ProviderInput = z.object({
	issuer: z
		.string()
		.trim()
		.min(1, 'field.required')
		.max(500, 'field.too_long')
		.refine((v) => {
			try {
				const url = new URL(v);
				return (url.protocol === 'https:' || isLoopbackHttp(url)) && !url.search && !url.hash;
			} catch {
				return false;
			}
		}, 'field.https'),
	clientId: z.string().trim().min(1, 'field.required').max(500, 'field.too_long'),
	/** empty: keep the stored secret */
	clientSecret: z.string().max(2000, 'field.too_long').optional().default(''),
	/** one per line or separated by commas or spaces */
	domains: z
		.union([z.string(), z.array(z.string())])
		.transform((v) => [...new Set((Array.isArray(v) ? v : v.split(/[\s,;]+/)).map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))])
		.refine((v) => v.length > 0, 'field.required')
		.refine((v) => v.length <= 50, 'field.too_many')
		.refine((v) => v.every((d) => DOMAIN.test(d)), 'idp.domain_format'),
	jitEnabled: bool.optional().default(false),
	jitAccess: z.string().optional(),
	groupsClaim: z
		.string()
		.trim()
		.max(100, 'field.too_long')
		.optional()
		.transform((v) => (v ? v : null)),
	/** "group = access" per line, or a list */
	groupAccess: z
		.union([z.string(), z.array(z.object({ group: z.string(), access: z.string() }))])
		.optional()
		.transform((v, ctx) => {
			if (v === undefined) return [];
			const pairs = Array.isArray(v)
				? v
				: v
						.split(/\r?\n/)
						.map((l) => l.trim())
						.filter(Boolean)
						.map((l) => {
							const at = l.lastIndexOf('=');
							return at < 0 ? { group: l, access: '' } : { group: l.slice(0, at).trim(), access: l.slice(at + 1).trim() };
						});
			if (pairs.length > 100 || pairs.some((p) => !p.group || p.group.length > 200 || !p.access)) {
				ctx.addIssue({ code: 'custom', message: 'idp.group_mapping' });
				return z.NEVER;
			}
			return pairs;
		}),
	passwordSignIn: bool.optional().default(true)
});

function view(customerId: string | null, row: IdentityProvidersTable | undefined, domains: string[]): IdentityProviderView {
	const levels = partyLevels(customerId);
	return {
		customerId,
		configured: Boolean(row),
		issuer: row?.issuer ?? '',
		clientId: row?.client_id ?? '',
		secretSet: Boolean(row?.client_secret_sealed),
		domains,
		jitEnabled: row?.jit_enabled === 1,
		jitAccess: (row?.jit_access as Access | undefined) ?? levels[0],
		groupsClaim: row?.groups_claim ?? null,
		groupAccess: row ? parseGroupAccess(row.group_access) : [],
		passwordSignIn: row ? row.password_sign_in === 1 : true,
		accessLevels: levels,
		secretsKeySet: secretsKeySet()
	};
}

async function authorizeOrg(db: Db, actor: Actor, customerId: string | null): Promise<void> {
	authorize(actor, 'identity.configure', { customerId, kind: 'Customer' });
	if (customerId && !(await findCustomer(db, customerId))) throw notFound('Customer');
}

/** The organisation's provider settings as its page shows them (never the secret). */
export async function getIdentityProvider(db: Db, actor: Actor, customerId: string | null): Promise<IdentityProviderView> {
	await authorizeOrg(db, actor, customerId);
	const row = await findProviderOfOrg(db, customerId);
	return view(customerId, row, row ? await listDomainsOf(db, row.id) : []);
}

/** What an audit entry says about a provider: everything but the secret, which is only "set" or "replaced". */
const auditShape = (v: IdentityProviderView) => ({
	issuer: v.issuer,
	clientId: v.clientId,
	domains: v.domains.join(', '),
	jit: v.jitEnabled,
	jitAccess: v.jitAccess,
	groupsClaim: v.groupsClaim,
	groupAccess: v.groupAccess.map((g) => `${g.group} = ${g.access}`).join(', '),
	...(v.customerId ? { passwordSignIn: v.passwordSignIn } : {})
});

/** Creates or changes the organisation's provider. Bad input changes nothing. */
export async function saveIdentityProvider(db: Db, actor: Actor, customerId: string | null, input: unknown): Promise<IdentityProviderView> {
	await authorizeOrg(db, actor, customerId);
	const data = parseInput(ProviderInput, input);
	const levels = partyLevels(customerId);
	const jitAccess = (data.jitAccess || levels[0]) as Access;
	if (!levels.includes(jitAccess)) throw invalid('This access level does not belong to this party', { jitAccess: 'person.access_not_for_party' });
	const badGroup = data.groupAccess.find((g) => !levels.includes(g.access as Access));
	if (badGroup) throw invalid('This access level does not belong to this party', { groupAccess: 'person.access_not_for_party' });
	if (data.clientSecret && !secretsKeySet()) throw invalid('SECRETS_KEY is not set on this installation', { clientSecret: 'idp.no_secrets_key' });

	return db.transaction().execute(async (tx) => {
		const before = await findProviderOfOrg(tx, customerId);
		if (!before && !data.clientSecret) throw invalid('A client secret is required', { clientSecret: 'field.required' });
		const providerId = before?.id ?? newId();
		const taken = await findDomainsTakenByOthers(tx, data.domains, providerId);
		if (taken.length) throw conflict('A domain is registered to another organisation', { domains: { code: 'idp.domain_taken', params: { domain: taken[0] } } });
		// a domain whose addresses belong to people of another organisation would send them to this provider
		for (const domain of data.domains) {
			if (await listPeopleOfDomainOutsideOrg(tx, domain, customerId)) {
				throw conflict('People of another organisation use this domain', { domains: { code: 'idp.domain_taken', params: { domain } } });
			}
		}
		const now = nowIso();
		const row: IdentityProvidersTable = {
			id: providerId,
			org_key: customerId ?? 'supplier',
			customer_id: customerId,
			issuer: data.issuer,
			client_id: data.clientId,
			client_secret_sealed: data.clientSecret ? seal(data.clientSecret) : before!.client_secret_sealed,
			jit_enabled: data.jitEnabled ? 1 : 0,
			jit_access: jitAccess,
			groups_claim: data.groupsClaim,
			group_access: JSON.stringify(data.groupAccess),
			// the supplier's staff keep their passwords: a broken provider must not lock the installation out
			password_sign_in: customerId && !data.passwordSignIn ? 0 : 1,
			created_at: before?.created_at ?? now,
			updated_at: now
		};
		const beforeDomains = before ? await listDomainsOf(tx, providerId) : [];
		if (before) {
			const { id: _i, org_key: _o, customer_id: _c, created_at: _cr, ...changes } = row;
			await updateProvider(tx, providerId, changes);
		} else await insertProvider(tx, row);
		await replaceDomains(tx, providerId, data.domains);
		const after = view(customerId, row, [...data.domains].sort());
		await recordAudit(tx, actor, {
			action: 'identity_provider.update',
			entity: 'identity_provider',
			entityId: providerId,
			customerId,
			before: before ? { ...auditShape(view(customerId, before, beforeDomains)), clientSecret: 'set' } : undefined,
			after: { ...auditShape(after), clientSecret: data.clientSecret ? (before ? 'replaced' : 'set') : 'set' }
		});
		return after;
	});
}

/** Removes the organisation's provider: its people sign in with passwords again; their links go with it. */
export async function removeIdentityProvider(db: Db, actor: Actor, customerId: string | null): Promise<void> {
	await authorizeOrg(db, actor, customerId);
	await db.transaction().execute(async (tx) => {
		const before = await findProviderOfOrg(tx, customerId);
		if (!before) throw notFound('Identity provider');
		const domains = await listDomainsOf(tx, before.id);
		await deleteProvider(tx, before.id);
		await recordAudit(tx, actor, {
			action: 'identity_provider.remove',
			entity: 'identity_provider',
			entityId: before.id,
			customerId,
			before: auditShape(view(customerId, before, domains))
		});
	});
}

export type ProviderTestResult = { ok: true; issuer: string; authorizationEndpoint: string; tokenEndpoint: string } | { ok: false; problem: string };

/** "Testa": runs discovery against the stored issuer now and says what failed. */
export async function testIdentityProvider(db: Db, actor: Actor, customerId: string | null): Promise<ProviderTestResult> {
	await authorizeOrg(db, actor, customerId);
	const row = await findProviderOfOrg(db, customerId);
	if (!row) throw notFound('Identity provider');
	try {
		const config = await discover(row.issuer, row.client_id, open(row.client_secret_sealed));
		const meta = config.serverMetadata();
		if (!meta.authorization_endpoint || !meta.token_endpoint || !meta.jwks_uri) {
			return { ok: false, problem: 'The discovery document lacks authorization_endpoint, token_endpoint or jwks_uri' };
		}
		return { ok: true, issuer: meta.issuer, authorizationEndpoint: meta.authorization_endpoint, tokenEndpoint: meta.token_endpoint };
	} catch (err) {
		return { ok: false, problem: describeError(err) };
	}
}

/** An error and its causes in one line (openid-client wraps the network's). */
// no actor: pure formatting of an error
export function describeError(err: unknown): string {
	const parts: string[] = [];
	let e: unknown = err;
	for (let i = 0; e && i < 4; i++) {
		if (e instanceof Error) {
			const code = (e as { code?: unknown }).code;
			parts.push(`${e.message}${typeof code === 'string' && !e.message.includes(code) ? ` (${code})` : ''}`);
			e = e.cause;
		} else {
			parts.push(String(e));
			break;
		}
	}
	return parts.join(': ').slice(0, 500);
}
