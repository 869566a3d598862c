/**
 * Signing in through the organisation's own identity provider (OpenID Connect).
 *
 * 1. Home-realm discovery: the e-mail's domain names the organisation whose
 *    provider answers for it (`providerForEmail`).
 * 2. `startOidcSignIn` keeps the sign-in under way as a row (the digest of its
 *    state, the PKCE verifier, the nonce; 10 minutes) and answers the
 *    provider's authorization URL; the route binds the state to the browser
 *    with a cookie.
 * 3. `finishOidcSignIn` takes that row (once), lets openid-client exchange the
 *    code and check the ID token, then finds the person: the identity's link,
 *    else the person with that verified e-mail in the provider's organisation
 *    (and links them), else creates them if just-in-time creation is on. An
 *    identity from one organisation's provider never signs anyone into another:
 *    the e-mail's domain must be one of the provider's and the person must
 *    belong to the provider's organisation, whatever the provider claims.
 *
 * No actor: this is authentication, there is no actor before it succeeds.
 */
import { createHash } from 'node:crypto';
import type { Db, Executor } from '$lib/server/db';
import type { IdentityProvidersTable } from '$lib/server/db/identity-schema';
import { ACCESS_OF_PARTY, type Access } from '$lib/domain-types';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/audit.repository';
import { newId } from '../ids';
import { accessChanged } from './access-events';
import { parseGroupAccess } from './identity-providers.service';
import {
	findLinkedPerson,
	findPersonForLink,
	hasAccount,
	findProvider,
	findProviderByDomain,
	findProviderOfOrg,
	insertLink,
	insertSignIn,
	listDomainsOf,
	takeSignIn,
	touchLink,
	deleteSignInsExpiredBy
} from './identity-providers.repository';
import { authorizationStart, exchangeCode, providerConfig, type Claims } from './oidc-client';
import type { LoginLimiter } from './login-limiter';
import { createSession } from './sessions';
import { findPerson, insertAccount, insertPerson, setAccountLastLogin, updatePersonRow } from './tenancy.repository';

/** How long a sign-in may stay at the provider. */
export const OIDC_SIGN_IN_TTL_MS = 10 * 60 * 1000;
/** An account of a person who signs in only through their provider: no password can match it. */
const NO_PASSWORD = '!oidc-only';

/** Why a sign-in through a provider was refused; each has words on the sign-in page. */
export const OIDC_REFUSALS = [
	'state', // the answer does not belong to a sign-in this browser started
	'expired', // the sign-in took too long, or its answer was used already
	'provider', // the provider answered with an error (the person cancelled, …)
	'unavailable', // the provider could not be reached
	'token', // the code exchange or the ID token's checks failed (issuer, audience, expiry, nonce, signature)
	'unverified', // the provider does not vouch for the e-mail address
	'domain', // the e-mail or the person belongs to another organisation
	'no_account', // no such person, and just-in-time creation is off
	'disabled', // the person's login is disabled
	'rate_limited' // too many sign-ins started from this address or for this e-mail
] as const;
export type OidcRefusalReason = (typeof OIDC_REFUSALS)[number];

// no actor: a type guard
export const isOidcRefusal = (v: unknown): v is OidcRefusalReason => typeof v === 'string' && (OIDC_REFUSALS as readonly string[]).includes(v);

export class OidcRefused extends Error {
	constructor(
		readonly reason: OidcRefusalReason,
		detail: string
	) {
		super(`OIDC sign-in refused (${reason}): ${detail}`);
		this.name = 'OidcRefused';
	}
}

const digest = (state: string) => createHash('sha256').update(state).digest('base64url');
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The provider that answers for this e-mail's domain, if one is registered. */
// no actor: authentication (home-realm discovery happens before anyone is signed in)
export async function providerForEmail(db: Executor, email: string) {
	const at = email.lastIndexOf('@');
	if (at < 1) return undefined;
	return findProviderByDomain(db, domainOf(email.trim()));
}

/**
 * Whether a password sign-in of someone of this organisation is refused because
 * their customer signs in only through its provider (the supplier never is).
 */
// no actor: authentication (asked while a password is checked)
export async function passwordSignInOff(db: Executor, customerId: string | null): Promise<boolean> {
	if (!customerId) return false;
	const row = await findProviderOfOrg(db, customerId);
	return row !== undefined && row.password_sign_in === 0;
}

export interface OidcStart {
	/** the provider's authorization URL to send the browser to */
	url: string;
	/** to keep in the browser's cookie until the provider sends it back */
	state: string;
}

/**
 * Each start writes a pending sign-in (state, nonce, verifier) before anyone
 * has signed in, so starts are counted per e-mail+IP and per IP address, on every
 * instance (`limiter`), and refused past the limit before anything is written.
 */
// no actor: authentication (a sign-in is being started)
export async function admitOidcStart(limiter: LoginLimiter, email: string, ip: string): Promise<void> {
	// per e-mail *and* address: nobody elsewhere can lock a person out of signing in
	const wait = await limiter.retryAfter(email, ip);
	if (wait > 0) throw new OidcRefused('rate_limited', `too many sign-ins started; ${wait} s to wait`);
	await limiter.recordAttempt(email, ip);
}

// no actor: authentication: there is no actor before the provider vouches for one
export async function startOidcSignIn(
	db: Db,
	provider: Pick<IdentityProvidersTable, 'id' | 'issuer' | 'client_id' | 'client_secret_sealed' | 'updated_at'>,
	opts: { redirectUri: string; loginHint: string | null; next: string | null; now?: Date }
): Promise<OidcStart> {
	const now = opts.now ?? new Date();
	let config;
	try {
		config = await providerConfig(provider);
	} catch (err) {
		throw new OidcRefused('unavailable', String(err));
	}
	const start = await authorizationStart(config, opts.redirectUri, opts.loginHint);
	await deleteSignInsExpiredBy(db, now.toISOString());
	await insertSignIn(db, {
		id: digest(start.state),
		provider_id: provider.id,
		code_verifier: start.codeVerifier,
		nonce: start.nonce,
		next: opts.next,
		created_at: now.toISOString(),
		expires_at: new Date(now.getTime() + OIDC_SIGN_IN_TTL_MS).toISOString()
	});
	return { url: start.url.href, state: start.state };
}

export interface OidcSignedIn {
	token: string;
	expiresAt: Date;
	actor: Actor;
	/** where the person was going before signing in (unchecked: the route makes it safe) */
	next: string | null;
}

/** The access a groups claim maps to: the highest of the matching levels (the party's list is lowest first). */
function mappedAccess(provider: IdentityProvidersTable, claims: Claims): Access | null {
	if (!provider.groups_claim) return null;
	const raw = claims[provider.groups_claim];
	const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
	const levels = ACCESS_OF_PARTY[provider.customer_id ? 'customer' : 'supplier'];
	let best: Access | null = null;
	for (const { group, access } of parseGroupAccess(provider.group_access)) {
		if (groups.includes(group) && levels.includes(access) && (best === null || levels.indexOf(access) > levels.indexOf(best))) best = access;
	}
	return best;
}

/**
 * Finishes a sign-in from the provider's answer (currentUrl, the callback's
 * URL) and the state the browser kept; refuses with OidcRefused and then
 * changes nothing.
 */
// no actor: authentication: there is no actor before the provider vouches for one
export async function finishOidcSignIn(
	db: Db,
	input: { currentUrl: URL; browserState: string | undefined; now?: Date }
): Promise<OidcSignedIn> {
	const now = input.now ?? new Date();
	const state = input.currentUrl.searchParams.get('state');
	if (!state || !input.browserState || state !== input.browserState) throw new OidcRefused('state', 'state does not match the browser');
	// taken once: a replayed answer finds nothing
	const pending = await takeSignIn(db, digest(state));
	if (!pending || new Date(pending.expires_at) <= now) throw new OidcRefused('expired', 'no sign-in under way for this state');
	const provider = await findProvider(db, pending.provider_id);
	if (!provider) throw new OidcRefused('expired', 'the provider was removed');
	const providerError = input.currentUrl.searchParams.get('error');
	if (providerError) throw new OidcRefused('provider', providerError);

	let config;
	try {
		config = await providerConfig(provider);
	} catch (err) {
		throw new OidcRefused('unavailable', String(err));
	}
	let claims: Claims;
	try {
		claims = await exchangeCode(config, input.currentUrl, { state, nonce: pending.nonce, codeVerifier: pending.code_verifier });
	} catch (err) {
		throw new OidcRefused('token', err instanceof Error ? `${err.message}${err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : ''}` : String(err));
	}
	// the issuer the token was checked against is the discovered one, which is the configured one
	const issuer = config.serverMetadata().issuer;

	const actor = await db.transaction().execute((tx) => personFor(tx, provider, issuer, claims, now));
	const session = await createSession(db, actor.personId, now, { authMethod: 'oidc' });
	return { ...session, actor, next: pending.next };
}

async function personFor(tx: Executor, provider: IdentityProvidersTable, issuer: string, claims: Claims, now: Date): Promise<Actor> {
	const at = now.toISOString();
	const mapped = mappedAccess(provider, claims);
	const linked = await findLinkedPerson(tx, issuer, claims.sub);
	if (linked) {
		if (linked.provider_id !== provider.id || linked.customer_id !== provider.customer_id) throw new OidcRefused('domain', 'the linked person belongs to another organisation');
		if (linked.disabled_at) throw new OidcRefused('disabled', 'the login is disabled');
		await touchLink(tx, issuer, claims.sub, at);
		await setAccountLastLogin(tx, linked.id, at);
		const access = await applyMappedAccess(tx, provider, linked, mapped, at);
		return { personId: linked.id, name: linked.name, email: linked.email, access, customerId: linked.customer_id };
	}

	const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
	if (!email || !email.includes('@')) throw new OidcRefused('unverified', 'the provider gave no e-mail address');
	// Entra ID sends no email_verified for work accounts; its xms_edov ("the domain owner verified the address") says the same
	if (claims.email_verified !== true && claims.xms_edov !== true) throw new OidcRefused('unverified', 'email_verified is not true');
	const domains = await listDomainsOf(tx, provider.id);
	if (!domains.includes(domainOf(email))) throw new OidcRefused('domain', `${domainOf(email)} is not a domain of this provider`);

	const person = await findPersonForLink(tx, email);
	const selfActor = (p: { id: string; name: string; email: string; access: Access; customer_id: string | null }): Actor => ({
		personId: p.id,
		name: p.name,
		email: p.email,
		access: p.access,
		customerId: p.customer_id
	});
	if (person) {
		if (person.customer_id !== provider.customer_id) throw new OidcRefused('domain', 'the person with this e-mail belongs to another organisation');
		if (person.disabled_at) throw new OidcRefused('disabled', 'the login is disabled');
		await insertLink(tx, { issuer, subject: claims.sub, person_id: person.id, provider_id: provider.id, created_at: at, last_used_at: at });
		await ensureAccount(tx, person.id, at);
		await recordAudit(tx, selfActor(person), {
			action: 'identity.link',
			entity: 'person',
			entityId: person.id,
			customerId: person.customer_id,
			after: { issuer, subject: claims.sub }
		});
		const access = await applyMappedAccess(tx, provider, person, mapped, at);
		return { ...selfActor(person), access };
	}

	if (provider.jit_enabled !== 1) throw new OidcRefused('no_account', 'no person with this e-mail, and just-in-time creation is off');
	const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : email;
	const created = {
		id: newId(),
		customer_id: provider.customer_id,
		name,
		email,
		phone: null,
		title: null,
		access: mapped ?? (provider.jit_access as Access),
		created_at: at,
		updated_at: at
	};
	await insertPerson(tx, created);
	await ensureAccount(tx, created.id, at);
	await insertLink(tx, { issuer, subject: claims.sub, person_id: created.id, provider_id: provider.id, created_at: at, last_used_at: at });
	await recordAudit(tx, selfActor(created), {
		action: 'person.create',
		entity: 'person',
		entityId: created.id,
		customerId: created.customer_id,
		after: { id: created.id, customer_id: created.customer_id, name, email, access: created.access, account: true, via: issuer }
	});
	return selfActor(created);
}

/** A person signing in through a provider needs an account row (sessions join it); one without a usable password. */
async function ensureAccount(tx: Executor, personId: string, at: string): Promise<void> {
	if (!(await hasAccount(tx, personId))) await insertAccount(tx, { person_id: personId, password_hash: NO_PASSWORD, disabled_at: null, last_login_at: at, created_at: at, updated_at: at });
	else await setAccountLastLogin(tx, personId, at);
}

/** The groups claim decides the access level when it maps to one; the change is audited like an admin's. */
async function applyMappedAccess(
	tx: Executor,
	provider: IdentityProvidersTable,
	person: { id: string; name: string; email: string; access: Access; customer_id: string | null },
	mapped: Access | null,
	at: string
): Promise<Access> {
	if (!mapped || mapped === person.access) return person.access;
	const full = await findPerson(tx, person.id);
	if (!full) return person.access;
	await updatePersonRow(tx, person.id, { name: full.name, email: full.email, phone: full.phone, title: full.title, access: mapped, updated_at: at });
	await recordAudit(tx, { personId: person.id, name: person.name, email: person.email, access: mapped, customerId: person.customer_id }, {
		action: 'person.update',
		entity: 'person',
		entityId: person.id,
		customerId: person.customer_id,
		before: { access: person.access },
		after: { access: mapped, via: provider.issuer }
	});
	accessChanged({ kind: 'person', personId: person.id });
	return mapped;
}
