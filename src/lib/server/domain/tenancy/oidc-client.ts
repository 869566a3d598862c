/**
 * The one place that speaks OpenID Connect to an organisation's identity
 * provider, through `openid-client`: discovery (cached per provider and its
 * last change, so a saved change is read at once), the authorization URL with
 * PKCE, state and nonce, and the code exchange: openid-client checks the ID
 * token's issuer, audience, expiry (30 s clock tolerance), nonce and the state;
 * its signature is checked here against the provider's JWKS (openid-client
 * would trust TLS alone for a token from the token endpoint), with the keys
 * cached and fetched again when a token names a key not held: rotation.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { open } from '$lib/server/crypto/secret-box';
import type { IdentityProvidersTable } from '$lib/server/db/identity-schema';

/** Allowed clock difference between us and the provider when checking exp, iat and nbf. */
export const CLOCK_TOLERANCE_S = 30;
const DISCOVERY_TTL_MS = 10 * 60 * 1000;
const TIMEOUT_S = 10;

/** Plain http is only for a provider on this machine (development and tests); everything else must be https. */
export function isLoopbackHttp(url: URL): boolean {
	return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

type ProviderRow = Pick<IdentityProvidersTable, 'id' | 'issuer' | 'client_id' | 'client_secret_sealed' | 'updated_at'>;

const cache = new Map<string, { version: string; at: number; config: Promise<oidc.Configuration> }>();

/** Runs discovery against the issuer (no cache): the admin's "Testa" and the cache's filler. */
export function discover(issuer: string, clientId: string, clientSecret: string): Promise<oidc.Configuration> {
	const url = new URL(issuer);
	return oidc.discovery(
		url,
		clientId,
		{ client_secret: clientSecret, [oidc.clockTolerance]: CLOCK_TOLERANCE_S },
		oidc.ClientSecretPost(clientSecret),
		{ execute: isLoopbackHttp(url) ? [oidc.allowInsecureRequests] : [], timeout: TIMEOUT_S }
	);
}

/** The provider's configuration, discovered once per 10 minutes and per saved change. */
export function providerConfig(row: ProviderRow, now = Date.now()): Promise<oidc.Configuration> {
	const version = `${row.updated_at}|${row.issuer}|${row.client_id}`;
	const hit = cache.get(row.id);
	if (hit && hit.version === version && now - hit.at < DISCOVERY_TTL_MS) return hit.config;
	const config = discover(row.issuer, row.client_id, open(row.client_secret_sealed));
	cache.set(row.id, { version, at: now, config });
	// a failed discovery is not kept: the next sign-in tries again
	config.catch(() => cache.get(row.id)?.config === config && cache.delete(row.id));
	return config;
}

/** Keys of each provider's JWKS: kept up to 10 minutes, fetched again (at most once a second) for a key id not held. */
const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function jwksOf(jwksUri: string) {
	let jwks = jwksCache.get(jwksUri);
	if (!jwks) {
		jwks = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: 1000, cacheMaxAge: DISCOVERY_TTL_MS, timeoutDuration: TIMEOUT_S * 1000 });
		jwksCache.set(jwksUri, jwks);
	}
	return jwks;
}

export interface AuthorizationStart {
	url: URL;
	state: string;
	nonce: string;
	codeVerifier: string;
}

export async function authorizationStart(config: oidc.Configuration, redirectUri: string, loginHint: string | null): Promise<AuthorizationStart> {
	const codeVerifier = oidc.randomPKCECodeVerifier();
	const state = oidc.randomState();
	const nonce = oidc.randomNonce();
	const params: Record<string, string> = {
		redirect_uri: redirectUri,
		scope: 'openid email profile',
		response_type: 'code',
		code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	};
	if (loginHint) params.login_hint = loginHint;
	return { url: oidc.buildAuthorizationUrl(config, params), state, nonce, codeVerifier };
}

export type Claims = Record<string, unknown> & { iss: string; sub: string };

/**
 * Exchanges the code of the provider's answer (currentUrl) and checks the ID
 * token; throws when anything does not hold. The claims are the ID token's,
 * completed from the userinfo endpoint when it carries no e-mail.
 */
export async function exchangeCode(
	config: oidc.Configuration,
	currentUrl: URL,
	checks: { state: string; nonce: string; codeVerifier: string }
): Promise<Claims> {
	const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
		pkceCodeVerifier: checks.codeVerifier,
		expectedState: checks.state,
		expectedNonce: checks.nonce,
		idTokenExpected: true
	});
	const claims = tokens.claims();
	if (!claims || !tokens.id_token) throw new Error('No ID token');
	const meta = config.serverMetadata();
	if (!meta.jwks_uri) throw new Error('The provider publishes no jwks_uri');
	await jwtVerify(tokens.id_token, jwksOf(meta.jwks_uri), {
		issuer: meta.issuer,
		audience: config.clientMetadata().client_id,
		clockTolerance: CLOCK_TOLERANCE_S
	});
	if (claims.email === undefined && tokens.access_token && meta.userinfo_endpoint) {
		const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
		return { ...info, ...claims, email: info.email, email_verified: info.email_verified } as Claims;
	}
	return claims as Claims;
}
