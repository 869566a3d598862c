/**
 * Identity providers for the OpenID Connect sign-in tests (issue 17), in the
 * test process, speaking real OIDC over HTTP:
 *
 * - `startTestIdp`: the `oidc-provider` package (a certified OpenID provider)
 *   with its development login page, one instance per organisation (the
 *   supplier, each test customer). Its accounts are what the test gives it;
 *   an account may "lie" (an e-mail of another organisation's domain, an
 *   unverified e-mail). Consent is granted without asking.
 * - `startRogueIdp`: a small hand-rolled provider (discovery, JWKS, authorize,
 *   token; ID tokens signed with `jose`) that can be told to misbehave: a token
 *   for another audience, from another issuer, already expired, with another
 *   nonce, signed with a key it does not publish, or to rotate its keys.
 *
 * `OidcBrowser` walks a sign-in the way a browser does (cookies per origin,
 * redirects by hand) without a browser: start at Samverkan, sign in at the
 * provider, come back to the callback.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import Provider, { type Account, type KoaContextWithOIDC } from 'oidc-provider';

export interface IdpAccount {
	email?: string;
	email_verified?: boolean;
	name?: string;
	groups?: string[];
}

export interface TestIdp {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** account id (the login typed on the provider's page) → claims; add to it at will */
	accounts: Map<string, IdpAccount>;
	stop(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

const close = (server: Server) =>
	new Promise<void>((resolve) => {
		server.closeAllConnections();
		server.close(() => resolve());
	});

/** A real OpenID provider (oidc-provider) for one organisation. */
export async function startTestIdp(opts: { redirectUri: string; accounts?: Record<string, IdpAccount>; clientId?: string }): Promise<TestIdp> {
	const accounts = new Map(Object.entries(opts.accounts ?? {}));
	const clientId = opts.clientId ?? `samverkan-${randomBytes(4).toString('hex')}`;
	const clientSecret = randomBytes(24).toString('base64url');
	const server = createServer();
	const port = await listen(server);
	const issuer = `http://127.0.0.1:${port}`;
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: [opts.redirectUri],
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_post'
			}
		],
		// Lax: on plain http (tests) a browser drops SameSite=None cookies, which need Secure
		cookies: { keys: [randomBytes(16).toString('hex')], long: { sameSite: 'lax' }, short: { sameSite: 'lax' } },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
		// e-mail and groups in the ID token itself, as Entra ID and Keycloak put them
		conformIdTokenClaims: false,
		features: { devInteractions: { enabled: true } },
		findAccount: (_ctx: unknown, id: string): Account | undefined => {
			const account = accounts.get(id);
			if (!account) return undefined;
			return { accountId: id, claims: () => ({ sub: id, ...account }) };
		},
		// consent is granted at once: the tests are about Samverkan, not the provider's consent page
		loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
			const { client, session, provider: p } = ctx.oidc;
			if (!client || !session?.accountId) return undefined;
			const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
			grant.addOIDCScope('openid email profile');
			await grant.save();
			return grant;
		}
	});
	server.on('request', provider.callback());
	return { issuer, clientId, clientSecret, accounts, stop: () => close(server) };
}

export type Misbehaviour = 'none' | 'audience' | 'issuer' | 'expired' | 'nonce' | 'unpublished-key';

export interface RogueIdp extends TestIdp {
	/** what the next ID tokens get wrong */
	misbehave: Misbehaviour;
	/** the account the authorize endpoint signs in (no login page) */
	signInAs: string;
	/** a new signing key under a new kid; the JWKS publishes only it from now on */
	rotateKeys(): Promise<void>;
	/** how often its JWKS was fetched */
	jwksFetches: number;
}

async function readBody(req: IncomingMessage): Promise<string> {
	let body = '';
	for await (const chunk of req) body += chunk;
	return body;
}

/** A hand-rolled OpenID provider that can be told to misbehave. */
export async function startRogueIdp(opts: { redirectUri: string; accounts?: Record<string, IdpAccount> }): Promise<RogueIdp> {
	const accounts = new Map(Object.entries(opts.accounts ?? {}));
	const clientId = `samverkan-${randomBytes(4).toString('hex')}`;
	const clientSecret = randomBytes(24).toString('base64url');
	const newKey = async () => {
		const pair = await generateKeyPair('RS256');
		return { ...pair, kid: randomBytes(6).toString('hex'), jwk: { ...(await exportJWK(pair.publicKey)), use: 'sig', alg: 'RS256' } as JWK };
	};
	let key = await newKey();
	const unpublished = await newKey();
	const codes = new Map<string, { nonce: string; challenge: string; redirectUri: string; sub: string }>();
	const server = createServer();
	const port = await listen(server);
	const issuer = `http://127.0.0.1:${port}`;
	const idp: RogueIdp = {
		issuer,
		clientId,
		clientSecret,
		accounts,
		misbehave: 'none',
		signInAs: '',
		jwksFetches: 0,
		rotateKeys: async () => {
			key = await newKey();
		},
		stop: () => close(server)
	};
	const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
		res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
		res.end(JSON.stringify(body));
	};
	server.on('request', async (req, res) => {
		const url = new URL(req.url ?? '/', issuer);
		if (url.pathname === '/.well-known/openid-configuration') {
			return json(res, 200, {
				issuer,
				authorization_endpoint: `${issuer}/authorize`,
				token_endpoint: `${issuer}/token`,
				jwks_uri: `${issuer}/jwks`,
				response_types_supported: ['code'],
				subject_types_supported: ['public'],
				id_token_signing_alg_values_supported: ['RS256'],
				code_challenge_methods_supported: ['S256'],
				token_endpoint_auth_methods_supported: ['client_secret_post']
			});
		}
		if (url.pathname === '/jwks') {
			idp.jwksFetches++;
			return json(res, 200, { keys: [{ ...key.jwk, kid: key.kid }] });
		}
		if (url.pathname === '/authorize') {
			const p = url.searchParams;
			if (p.get('client_id') !== clientId || p.get('redirect_uri') !== opts.redirectUri || p.get('code_challenge_method') !== 'S256') {
				return json(res, 400, { error: 'invalid_request' });
			}
			const code = randomBytes(16).toString('base64url');
			codes.set(code, { nonce: p.get('nonce') ?? '', challenge: p.get('code_challenge') ?? '', redirectUri: opts.redirectUri, sub: idp.signInAs });
			const back = new URL(opts.redirectUri);
			back.searchParams.set('code', code);
			back.searchParams.set('state', p.get('state') ?? '');
			res.writeHead(303, { location: back.href });
			return res.end();
		}
		if (url.pathname === '/token' && req.method === 'POST') {
			const form = new URLSearchParams(await readBody(req));
			if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) return json(res, 401, { error: 'invalid_client' });
			const code = form.get('code') ?? '';
			const grant = codes.get(code);
			codes.delete(code);
			const verifier = form.get('code_verifier') ?? '';
			if (!grant || form.get('redirect_uri') !== grant.redirectUri || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
				return json(res, 400, { error: 'invalid_grant' });
			}
			const account = accounts.get(grant.sub) ?? {};
			const now = Math.floor(Date.now() / 1000);
			const m = idp.misbehave;
			const signing = m === 'unpublished-key' ? unpublished : key;
			const idToken = await new SignJWT({ ...account, nonce: m === 'nonce' ? 'another-nonce' : grant.nonce })
				.setProtectedHeader({ alg: 'RS256', kid: signing.kid })
				.setIssuer(m === 'issuer' ? 'https://idp.another.example' : issuer)
				.setSubject(grant.sub)
				.setAudience(m === 'audience' ? 'another-client' : clientId)
				.setIssuedAt(m === 'expired' ? now - 7200 : now)
				.setExpirationTime(m === 'expired' ? now - 3600 : now + 300)
				.sign(signing.privateKey);
			return json(res, 200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
		}
		json(res, 404, { error: 'not_found' });
	});
	return idp;
}

/** Cookies per origin and redirects by hand: a browser's part of the sign-in, without a browser. */
export class OidcBrowser {
	private jars = new Map<string, Map<string, string>>();

	async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
		const u = new URL(url);
		const jar = this.jars.get(u.origin) ?? new Map<string, string>();
		this.jars.set(u.origin, jar);
		const headers: Record<string, string> = {};
		if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
		if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
		const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual' });
		for (const c of res.headers.getSetCookie()) {
			const [pair] = c.split(';');
			const at = pair.indexOf('=');
			const name = pair.slice(0, at);
			const value = pair.slice(at + 1);
			if (!value || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(name);
			else jar.set(name, value);
		}
		return res;
	}

	cookie(origin: string, name: string): string | undefined {
		return this.jars.get(new URL(origin).origin)?.get(name);
	}

	setCookie(origin: string, name: string, value: string | null): void {
		const jar = this.jars.get(new URL(origin).origin) ?? new Map<string, string>();
		this.jars.set(new URL(origin).origin, jar);
		if (value === null) jar.delete(name);
		else jar.set(name, value);
	}

	/** Home-realm discovery at Samverkan: answers the provider's authorization URL it sends the browser to. */
	async start(appUrl: string, email: string, next?: string): Promise<string> {
		const res = await this.request(`${appUrl}/login/oidc/start?${new URLSearchParams({ email, ...(next ? { next } : {}) })}`);
		const location = res.headers.get('location');
		if (res.status !== 303 || !location) throw new Error(`start: ${res.status} ${await res.text()}`);
		return new URL(location, appUrl).href;
	}

	/**
	 * At the provider: follows its redirects, signs in on oidc-provider's login
	 * page as `login` when it asks, and answers the URL it sends the browser
	 * back to (Samverkan's callback).
	 */
	async authorize(authUrl: string, login: string, appUrl: string): Promise<string> {
		let url = authUrl;
		for (let hop = 0; hop < 10; hop++) {
			if (url.startsWith(appUrl)) return url;
			const res = /\/interaction\/[^/]+$/.test(new URL(url).pathname)
				? await this.request(url, { method: 'POST', form: { prompt: 'login', login, password: 'x' } })
				: await this.request(url);
			const location = res.headers.get('location');
			if (!location) {
				if (res.status === 200 && /\/interaction\//.test(url)) {
					// the login page itself: post the form the way a person would
					continue;
				}
				throw new Error(`authorize: ${res.status} at ${url}: ${(await res.text()).slice(0, 300)}`);
			}
			url = new URL(location, url).href;
		}
		throw new Error('authorize: too many redirects');
	}

	/** Back at Samverkan's callback: where it sends the browser (the start page, or /login?oidc=<reason>). */
	async finish(callbackUrl: string): Promise<{ status: number; location: string }> {
		const res = await this.request(callbackUrl);
		return { status: res.status, location: res.headers.get('location') ?? '' };
	}

	/** start → provider → callback. */
	async signIn(appUrl: string, email: string, login: string): Promise<{ status: number; location: string }> {
		return this.finish(await this.authorize(await this.start(appUrl, email), login, appUrl));
	}

	/** Who Samverkan says this browser is (GET /api/v1/me), or null. */
	async me(appUrl: string): Promise<{ personId: string; email: string; access: string; customerId: string | null } | null> {
		const res = await this.request(`${appUrl}/api/v1/me`);
		if (res.status !== 200) return null;
		return ((await res.json()) as { person: { personId: string; email: string; access: string; customerId: string | null } }).person;
	}
}
