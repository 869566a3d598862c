/**
 * Sign-in with the organisation's own identity provider (issue 17), against
 * the real server and real OpenID providers in this process: oidc-provider
 * for the supplier, Norrby and Vattensyd, and a hand-rolled provider that
 * misbehaves on request for a third customer (Roguebolaget). Every refusal
 * sends the browser back to the sign-in page with its reason, which the page
 * puts in words, and leaves every table as it was (no person, link or
 * session).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { OidcBrowser, startRogueIdp, startTestIdp, type RogueIdp, type TestIdp } from '../helpers/oidc-provider';
import { startServer, type TestServer } from '../helpers/server';
import { openTestDb, tableDigests } from '../helpers/test-db';

let server: TestServer;
let ids: DemoIds;
let admin: ApiClient;
let norrbyIdp: TestIdp;
let vattenIdp: TestIdp;
let supplierIdp: TestIdp;
let rogue: RogueIdp;
let norrby: string;
let vattensyd: string;
let rogueCustomer: string;

/** Reading moves these on; a refused sign-in must change nothing else. */
const VOLATILE = { sessions: ['expires_at', 'last_seen_at'] };
const digest = () => tableDigests(server.databaseUrl, VOLATILE);

/** A form post as a browser without JavaScript makes it. */
const postForm = (client: ApiClient, path: string, data: Record<string, string>) =>
	client.request('POST', path, new URLSearchParams(data).toString(), {
		'content-type': 'application/x-www-form-urlencoded',
		accept: 'text/html',
		origin: server.url
	});

const providerForm = (idp: TestIdp, domains: string, extra: Record<string, string> = {}) => ({
	_form: 'save',
	issuer: idp.issuer,
	clientId: idp.clientId,
	clientSecret: idp.clientSecret,
	domains,
	jitEnabled: '0',
	jitAccess: '',
	groupsClaim: '',
	groupAccess: '',
	passwordSignIn: '1',
	...extra
});

async function save(path: string, form: Record<string, string>): Promise<void> {
	const res = await postForm(admin, `${path}?/save`, form);
	const body = await res.text();
	if (res.status !== 200 || body.includes('"ok":false')) throw new Error(`save ${path}: ${res.status} ${body.slice(0, 500)}`);
}

async function rows<T = Record<string, unknown>>(table: string): Promise<T[]> {
	const db = openTestDb(server.databaseUrl);
	try {
		return (await db.selectFrom(table).selectAll().execute()) as T[];
	} finally {
		await db.destroy();
	}
}

/** The sign-in page's words for a refusal reason (Swedish, the default). */
async function loginPageSays(location: string): Promise<string> {
	const res = await fetch(new URL(location, server.url));
	return res.text();
}

/** A refused sign-in: back to /login?oidc=<reason>, its words on the page, nothing changed, not signed in. */
async function expectRefused(browser: OidcBrowser, result: { status: number; location: string }, reason: string, words: string, before: Record<string, string>) {
	expect(result).toEqual({ status: 303, location: `/login?oidc=${reason}` });
	expect(await loginPageSays(result.location)).toContain(words);
	expect(await browser.me(server.url)).toBeNull();
	expect(await digest()).toEqual(before);
}

beforeAll(async () => {
	server = await startServer({ demo: true, env: { SECRETS_KEY: 'k'.repeat(64) } });
	ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	vattensyd = ids.customers[VATTENSYD].id;
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
	const redirectUri = `${server.url}/login/oidc/callback`;
	norrbyIdp = await startTestIdp({
		redirectUri,
		accounts: {
			'norrby-it': { email: 'it@norrby.example', email_verified: true, name: 'Norrby IT' },
			'norrby-new': { email: 'ny.person@norrby.example', email_verified: true, name: 'Ny Person' },
			'norrby-unverified': { email: 'forandring@norrby.example', email_verified: false },
			// the provider lies: an address of another customer, and one of the supplier
			'norrby-says-vattensyd': { email: 'it@vattensyd.example', email_verified: true },
			'norrby-says-supplier': { email: 'admin@itmastaren.example', email_verified: true }
		}
	});
	vattenIdp = await startTestIdp({
		redirectUri,
		accounts: {
			'vatten-it': { email: 'it@vattensyd.example', email_verified: true },
			'vatten-new-chief': { email: 'ny.chef@vattensyd.example', email_verified: true, name: 'Ny Chef', groups: ['alla', 'samverkan-admins'] },
			// Vattensyd's provider claims a person of Norrby, in Norrby's domain
			'vatten-says-norrby': { email: 'avtal@norrby.example', email_verified: true }
		}
	});
	supplierIdp = await startTestIdp({ redirectUri, accounts: { 'staff-cm': { email: 'cm@itmastaren.example', email_verified: true } } });
	rogue = await startRogueIdp({ redirectUri, accounts: { 'rogue-1': { email: 'anna@roguebolaget.example', email_verified: true, name: 'Anna' } } });

	const created = await admin.json('POST', '/api/v1/customers', { name: 'Roguebolaget AB' });
	rogueCustomer = created.body.customer?.id ?? created.body.id;
	const person = await admin.json('POST', `/api/v1/customers/${rogueCustomer}/people`, { name: 'Anna Rogue', email: 'anna@roguebolaget.example', access: 'customer_member' });
	expect(person.status).toBe(201);

	await save(`/customers/${norrby}/sign-in`, providerForm(norrbyIdp, 'norrby.example'));
	await save(`/customers/${vattensyd}/sign-in`, providerForm(vattenIdp, 'vattensyd.example'));
	await save('/admin/sign-in', providerForm(supplierIdp, 'itmastaren.example'));
	await save(`/customers/${rogueCustomer}/sign-in`, providerForm(rogue, 'roguebolaget.example'));
}, 120_000);

afterAll(async () => {
	await Promise.all([norrbyIdp?.stop(), vattenIdp?.stop(), supplierIdp?.stop(), rogue?.stop()]);
	await server?.stop();
});

describe('OIDC sign-in', () => {
	it('home-realm discovery: an e-mail of a registered domain goes to its organisation\'s provider, PKCE, state and nonce on the way', async () => {
		const browser = new OidcBrowser();
		const auth = new URL(await browser.start(server.url, 'it@norrby.example'));
		expect(auth.origin).toBe(new URL(norrbyIdp.issuer).origin);
		expect(auth.searchParams.get('client_id')).toBe(norrbyIdp.clientId);
		expect(auth.searchParams.get('redirect_uri')).toBe(`${server.url}/login/oidc/callback`);
		expect(auth.searchParams.get('scope')).toBe('openid email profile');
		expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
		expect(auth.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
		expect(auth.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
		expect(browser.cookie(server.url, 'samverkan_oidc')).toBe(auth.searchParams.get('state'));

		// the login form without a password: the same discovery, as a link (no form post to another origin)
		const form = await postForm(new ApiClient(server.url), '/login', { email: 'it@vattensyd.example', password: '' });
		expect(form.status).toBe(200);
		expect(await form.text()).toContain('/login/oidc/start?email=it%40vattensyd.example');
		// an address of a domain nobody registered asks for the password as before
		const plain = await postForm(new ApiClient(server.url), '/login', { email: 'someone@elsewhere.example', password: '' });
		expect(plain.status).toBe(400);
	});

	it('happy path: links the person with that verified e-mail in that customer, and gives a session marked oidc', async () => {
		const browser = new OidcBrowser();
		const result = await browser.signIn(server.url, 'it@norrby.example', 'norrby-it');
		expect(result).toEqual({ status: 303, location: '/' });
		const me = await browser.me(server.url);
		expect(me).toMatchObject({ email: 'it@norrby.example', customerId: norrby });
		const links = await rows<{ issuer: string; subject: string; person_id: string }>('identity_links');
		expect(links.filter((l) => l.issuer === norrbyIdp.issuer)).toEqual([expect.objectContaining({ subject: 'norrby-it', person_id: me!.personId })]);
		const sessions = await rows<{ person_id: string; auth_method: string }>('sessions');
		expect(sessions.filter((s) => s.person_id === me!.personId).map((s) => s.auth_method)).toContain('oidc');

		// the second time the link is used (the e-mail no longer matters), and nothing new is created
		const peopleBefore = (await rows('people')).length;
		const again = new OidcBrowser();
		expect(await again.signIn(server.url, 'it@norrby.example', 'norrby-it')).toEqual({ status: 303, location: '/' });
		expect((await again.me(server.url))?.personId).toBe(me!.personId);
		expect((await rows('people')).length).toBe(peopleBefore);
		expect((await rows('identity_links')).length).toBe(links.length);

		// the link is in the customer's audit log
		const audit = await admin.json('GET', `/api/v1/audit?customerId=${norrby}`);
		expect(JSON.stringify(audit.body)).toContain('identity.link');
	});

	it('the supplier\'s staff sign in through the supplier\'s provider, and keep their return path', async () => {
		const browser = new OidcBrowser();
		const start = await browser.start(server.url, 'cm@itmastaren.example', '/customers');
		const result = await browser.finish(await browser.authorize(start, 'staff-cm', server.url));
		expect(result).toEqual({ status: 303, location: '/customers' });
		expect(await browser.me(server.url)).toMatchObject({ email: 'cm@itmastaren.example', customerId: null });
	});

	it('JIT off: an unknown person is refused with a clear message and nothing is created; JIT on: created with the default access level', async () => {
		const before = await digest();
		const browser = new OidcBrowser();
		await expectRefused(browser, await browser.signIn(server.url, 'ny.person@norrby.example', 'norrby-new'), 'no_account', 'Det finns inget konto för dig i Samverkan', before);

		await save(`/customers/${norrby}/sign-in`, providerForm(norrbyIdp, 'norrby.example', { clientSecret: '', jitEnabled: '1', jitAccess: 'customer_member' }));
		const jit = new OidcBrowser();
		expect(await jit.signIn(server.url, 'ny.person@norrby.example', 'norrby-new')).toEqual({ status: 303, location: '/' });
		expect(await jit.me(server.url)).toMatchObject({ email: 'ny.person@norrby.example', customerId: norrby, access: 'customer_member' });
		const created = (await rows<{ email: string; name: string; customer_id: string }>('people')).find((p) => p.email === 'ny.person@norrby.example');
		expect(created).toMatchObject({ name: 'Ny Person', customer_id: norrby });
		await save(`/customers/${norrby}/sign-in`, providerForm(norrbyIdp, 'norrby.example', { clientSecret: '' }));
	});

	it('a groups claim maps to the access level: the highest matching one, at creation and at every sign-in', async () => {
		const groupAccess = 'alla = customer_member\nsamverkan-admins = customer_admin';
		await save(`/customers/${vattensyd}/sign-in`, providerForm(vattenIdp, 'vattensyd.example', { clientSecret: '', jitEnabled: '1', groupsClaim: 'groups', groupAccess }));
		try {
			const browser = new OidcBrowser();
			expect(await browser.signIn(server.url, 'ny.chef@vattensyd.example', 'vatten-new-chief')).toEqual({ status: 303, location: '/' });
			expect(await browser.me(server.url)).toMatchObject({ email: 'ny.chef@vattensyd.example', customerId: vattensyd, access: 'customer_admin' });
			// out of the admins' group at the provider: the next sign-in lowers the access, and the change is audited
			vattenIdp.accounts.set('vatten-new-chief', { email: 'ny.chef@vattensyd.example', email_verified: true, name: 'Ny Chef', groups: ['alla'] });
			const again = new OidcBrowser();
			expect(await again.signIn(server.url, 'ny.chef@vattensyd.example', 'vatten-new-chief')).toEqual({ status: 303, location: '/' });
			expect(await again.me(server.url)).toMatchObject({ access: 'customer_member' });
			const audit = await admin.json('GET', `/api/v1/audit?customerId=${vattensyd}`);
			expect(audit.body.entries.some((e: { action: string }) => e.action === 'person.update')).toBe(true);
		} finally {
			await save(`/customers/${vattensyd}/sign-in`, providerForm(vattenIdp, 'vattensyd.example', { clientSecret: '' }));
		}
	});

	it('an unverified e-mail is refused and nothing is created', async () => {
		const before = await digest();
		const browser = new OidcBrowser();
		await expectRefused(browser, await browser.signIn(server.url, 'forandring@norrby.example', 'norrby-unverified'), 'unverified', 'har inte bekräftat din e-postadress', before);
	});

	it('a provider that lies about the e-mail never signs anyone into another customer or the supplier', async () => {
		for (const [login, email] of [
			['norrby-says-vattensyd', 'it@norrby.example'],
			['norrby-says-supplier', 'it@norrby.example']
		]) {
			const before = await digest();
			const browser = new OidcBrowser();
			await expectRefused(browser, await browser.signIn(server.url, email, login), 'domain', 'hör inte till den organisation', before);
		}
		// even with JIT on, and a provider claiming an address in another customer's domain
		await save(`/customers/${vattensyd}/sign-in`, providerForm(vattenIdp, 'vattensyd.example', { clientSecret: '', jitEnabled: '1' }));
		const before = await digest();
		const browser = new OidcBrowser();
		await expectRefused(browser, await browser.signIn(server.url, 'it@vattensyd.example', 'vatten-says-norrby'), 'domain', 'hör inte till den organisation', before);
		await save(`/customers/${vattensyd}/sign-in`, providerForm(vattenIdp, 'vattensyd.example', { clientSecret: '' }));
	});

	it('a wrong state, a missing state cookie and a replayed answer are refused', async () => {
		const before = await digest();
		// the answer to another browser's sign-in (login CSRF): this browser's cookie names another state
		const victim = new OidcBrowser();
		const attacker = new OidcBrowser();
		const callback = await attacker.authorize(await attacker.start(server.url, 'it@norrby.example'), 'norrby-it', server.url);
		await victim.start(server.url, 'it@norrby.example');
		await expectRefused(victim, await victim.finish(callback), 'state', 'kunde inte kopplas till den här webbläsaren', await digestWithout(before));
		// no cookie at all
		const bare = new OidcBrowser();
		await expectRefused(bare, await bare.finish(callback), 'state', 'kunde inte kopplas', await digestWithout(before));

		// replayed: the same answer again after it signed in once
		const browser = new OidcBrowser();
		const start = await browser.start(server.url, 'it@norrby.example');
		const answer = await browser.authorize(start, 'norrby-it', server.url);
		const state = browser.cookie(server.url, 'samverkan_oidc')!;
		expect(await browser.finish(answer)).toEqual({ status: 303, location: '/' });
		const afterFirst = await digest();
		const replay = new OidcBrowser();
		replay.setCookie(server.url, 'samverkan_oidc', state);
		await expectRefused(replay, await replay.finish(answer), 'expired', 'redan använts', afterFirst);

		// the used code with a fresh sign-in's state: the provider refuses the code (and PKCE would too)
		const fresh = new OidcBrowser();
		const freshStart = new URL(await fresh.start(server.url, 'it@norrby.example'));
		const forged = new URL(answer);
		forged.searchParams.set('state', freshStart.searchParams.get('state')!);
		await expectRefused(fresh, await fresh.finish(forged.href), 'token', 'kunde inte godkännas', await digestWithout(afterFirst));
	});

	describe('ID tokens the provider gets wrong', () => {
		it.each([
			['audience', 'a token for another client'],
			['issuer', 'a token from another issuer'],
			['expired', 'an expired token'],
			['nonce', 'a token for another sign-in (nonce)'],
			['unpublished-key', 'a token signed with a key the provider does not publish']
		] as const)('%s: %s is refused and nothing is created', async (misbehaviour, _what) => {
			rogue.signInAs = 'rogue-1';
			rogue.misbehave = misbehaviour;
			try {
				const before = await digest();
				const browser = new OidcBrowser();
				const result = await browser.finish(await browser.authorize(await browser.start(server.url, 'anna@roguebolaget.example'), 'rogue-1', server.url));
				await expectRefused(browser, result, 'token', 'kunde inte godkännas', before);
			} finally {
				rogue.misbehave = 'none';
			}
		});

		it('the same provider behaving signs in; after it rotates its keys the next sign-in still works (JWKS fetched again)', async () => {
			rogue.signInAs = 'rogue-1';
			const browser = new OidcBrowser();
			expect(await browser.signIn(server.url, 'anna@roguebolaget.example', 'rogue-1')).toEqual({ status: 303, location: '/' });
			expect(await browser.me(server.url)).toMatchObject({ email: 'anna@roguebolaget.example', customerId: rogueCustomer });
			const fetches = rogue.jwksFetches;
			expect(fetches).toBeGreaterThan(0);
			await rogue.rotateKeys();
			// keys are fetched again for an unknown key id at most once a second
			await new Promise((r) => setTimeout(r, 1100));
			const next = new OidcBrowser();
			expect(await next.signIn(server.url, 'anna@roguebolaget.example', 'rogue-1')).toEqual({ status: 303, location: '/' });
			expect(rogue.jwksFetches).toBeGreaterThan(fetches);
		});
	});

	it('a customer that turns passwords off: its people are refused at the password with a pointer to their provider; others are not', async () => {
		await save(`/customers/${vattensyd}/sign-in`, providerForm(vattenIdp, 'vattensyd.example', { clientSecret: '', passwordSignIn: '0' }));
		try {
			const res = await new ApiClient(server.url).request('POST', '/api/v1/session', { email: 'it@vattensyd.example', password: 'demo1234' });
			expect(res.status).toBe(403);
			expect(await res.text()).toContain('identity provider');
			const page = await postForm(new ApiClient(server.url), '/login', { email: 'it@vattensyd.example', password: 'demo1234' });
			expect(page.status).toBe(403);
			expect(await page.text()).toContain('Din organisation loggar in med sin egen identitetsleverantör');
			// a wrong password gets the usual answer (the setting is not revealed to who does not know the password)
			expect((await new ApiClient(server.url).request('POST', '/api/v1/session', { email: 'avtal@vattensyd.example', password: 'wrong-one' })).status).toBe(401);
			// Norrby keeps its passwords
			await new ApiClient(server.url).login('it@norrby.example');
			// and Vattensyd's people still sign in through their provider
			const browser = new OidcBrowser();
			expect(await browser.signIn(server.url, 'it@vattensyd.example', 'vatten-it')).toEqual({ status: 303, location: '/' });
		} finally {
			await save(`/customers/${vattensyd}/sign-in`, providerForm(vattenIdp, 'vattensyd.example', { clientSecret: '' }));
		}
	});

	it('starts are limited per e-mail and address: past the limit nothing is stored and the page says why; another e-mail still starts', async () => {
		const browser = new OidcBrowser();
		const pending = async () => (await rows('oidc_sign_ins')).length;
		// the default limit: 20 starts per e-mail and address in 15 minutes
		for (let i = 0; i < 20; i++) expect(new URL(await browser.start(server.url, 'flood@vattensyd.example')).origin).toBe(new URL(vattenIdp.issuer).origin);
		const before = await pending();
		const refused = await browser.start(server.url, 'flood@vattensyd.example');
		expect(refused).toBe(`${server.url}/login?oidc=rate_limited`);
		expect(await pending()).toBe(before);
		expect(await loginPageSays(refused)).toContain('För många inloggningsförsök på kort tid.');
		expect(new URL(await browser.start(server.url, 'it@vattensyd.example')).origin).toBe(new URL(vattenIdp.issuer).origin);
	});
});

describe('configuring an organisation\'s provider', () => {
	it('the customer\'s admin opens their own; another customer\'s answers 404, its members and staff 403, and the supplier\'s is the supplier admin\'s', async () => {
		const norrbyAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
		const norrbyMember = await new ApiClient(server.url).login('it@norrby.example');
		const staff = await new ApiClient(server.url).login('cm@itmastaren.example');
		expect((await norrbyAdmin.get(`/customers/${norrby}/sign-in`)).status).toBe(200);
		expect((await norrbyAdmin.get(`/customers/${vattensyd}/sign-in`)).status).toBe(404);
		expect((await norrbyAdmin.get('/admin/sign-in')).status).toBe(403);
		expect((await norrbyMember.get(`/customers/${norrby}/sign-in`)).status).toBe(403);
		expect((await staff.get('/admin/sign-in')).status).toBe(403);
		expect((await admin.get('/admin/sign-in')).status).toBe(200);
		const before = await digest();
		for (const [client, path, status] of [
			[norrbyAdmin, `/customers/${vattensyd}/sign-in`, 404],
			[norrbyAdmin, '/admin/sign-in', 403],
			[norrbyMember, `/customers/${norrby}/sign-in`, 403]
		] as const) {
			for (const action of ['save', 'test', 'remove']) {
				const res = await postForm(client, `${path}?/${action}`, { ...providerForm(norrbyIdp, 'evil.example'), _form: action });
				expect(res.status, `${path}?/${action}`).toBe(status);
			}
		}
		expect(await digest()).toEqual(before);
	});

	it('the secret is never shown again; a domain of another organisation is refused; every change is audited', async () => {
		const norrbyAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
		const page = await (await norrbyAdmin.get(`/customers/${norrby}/sign-in`)).text();
		expect(page).toContain(norrbyIdp.clientId);
		expect(page).not.toContain(norrbyIdp.clientSecret);
		const api = await norrbyAdmin.json('GET', `/api/v1/customers/${norrby}/identity-provider`);
		expect(api.body.identityProvider).toMatchObject({ configured: true, secretSet: true, domains: ['norrby.example'] });
		expect(JSON.stringify(api.body)).not.toContain(norrbyIdp.clientSecret);
		const stored = (await rows<{ client_secret_sealed: string }>('identity_providers')).map((r) => r.client_secret_sealed).join();
		expect(stored).not.toContain(norrbyIdp.clientSecret);

		const before = await digest();
		for (const domains of ['norrby.example\nvattensyd.example', 'itmastaren.example', 'roguebolaget.example']) {
			const res = await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/identity-provider`, { ...providerForm(norrbyIdp, domains), clientSecret: '' });
			expect(res.status, domains).toBe(409);
			expect(res.body.error.fields.domains).toMatch(/belongs to another organisation/);
		}
		const bad = await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/identity-provider`, { ...providerForm(norrbyIdp, 'norrby.example'), issuer: 'ftp://x', jitAccess: 'supplier_admin' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.error.fields).sort()).toEqual(['issuer']);
		const wrongLevel = await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/identity-provider`, { ...providerForm(norrbyIdp, 'norrby.example'), jitAccess: 'supplier_admin' });
		expect(wrongLevel.status).toBe(400);
		expect(await digest()).toEqual(before);

		// a change by the customer's admin, in the customer's audit log without the secret
		const saved = await norrbyAdmin.json('PUT', `/api/v1/customers/${norrby}/identity-provider`, { ...providerForm(norrbyIdp, 'norrby.example'), clientSecret: '', groupsClaim: 'groups' });
		expect(saved.status).toBe(200);
		const audit = await norrbyAdmin.json('GET', `/api/v1/audit?customerId=${norrby}`);
		const entry = audit.body.entries.find((e: { action: string }) => e.action === 'identity_provider.update');
		expect(entry).toBeDefined();
		expect(JSON.stringify(audit.body)).not.toContain(norrbyIdp.clientSecret);
		await save(`/customers/${norrby}/sign-in`, providerForm(norrbyIdp, 'norrby.example', { clientSecret: '' }));
	});

	it('"Testa" runs discovery and says what failed', async () => {
		const ok = await admin.json('POST', `/api/v1/customers/${norrby}/identity-provider/test`);
		expect(ok.body.test).toMatchObject({ ok: true, issuer: norrbyIdp.issuer });
		// a provider that is not there: the page shows the failure
		const gone = await startTestIdp({ redirectUri: `${server.url}/login/oidc/callback` });
		await gone.stop();
		await save(`/customers/${rogueCustomer}/sign-in`, providerForm(gone, 'roguebolaget.example'));
		try {
			const res = await postForm(admin, `/customers/${rogueCustomer}/sign-in?/test`, { _form: 'test' });
			const html = await res.text();
			expect(html).toContain('Anslutningen misslyckades');
			expect(html).toMatch(/ECONNREFUSED|fetch failed/);
		} finally {
			await save(`/customers/${rogueCustomer}/sign-in`, providerForm(rogue, 'roguebolaget.example'));
		}
	});
});

/** The digest after a sign-in that a test started but never finished (its row waits for its answer). */
async function digestWithout(before: Record<string, string>): Promise<Record<string, string>> {
	const now = await digest();
	return { ...before, oidc_sign_ins: now.oidc_sign_ins };
}
