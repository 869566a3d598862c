/**
 * After signing in, the login page sends a person on to `next`: only ever to
 * a path on this site, however `next` is written (issue 15, finding 3). Both
 * ways there are checked: the form post (signing in) and opening the login
 * page while already signed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	// every case signs in once: keep the login limiter out of the way
	server = await startServer({ env: { LOGIN_LIMIT_PER_ACCOUNT: '1000', LOGIN_LIMIT_PER_IP: '1000' }, demo: true });
}, 90_000);
afterAll(async () => {
	await server?.stop();
});

/** `next` as it stands in the address: the query decodes %09 to a tab, %0A to a line break. */
const HOSTILE = [
	'/\\evil.example',
	'/%09/evil.example',
	'/%5Cevil.example',
	'//evil.example',
	'%2F%2Fevil.example',
	'https://evil.example',
	'https%3A%2F%2Fevil.example%2F',
	'/%09/evil',
	'/%0A/evil.example',
	'/%0D%0A/evil.example',
	'%0A',
	'/%0d%0aSet-Cookie:%20x=1',
	'/.//evil.example',
	'/..//evil.example',
	'%5C%5Cevil.example',
	'/%5C/evil.example',
	'javascript:alert(1)',
	'javascript%3Aalert(1)',
	'%09javascript:alert(1)',
	'https://127.0.0.1@evil.example/'
];

/** Where a browser goes with this Location header: it must stay on the server's origin. */
function expectSameOrigin(res: Response, next: string) {
	expect(res.status, next).toBe(303);
	const location = res.headers.get('location') ?? '';
	expect(location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\'), `${next} → ${location}`).toBe(true);
	expect(new URL(location, server.url).origin, `${next} → ${location}`).toBe(new URL(server.url).origin);
	return location;
}

const signIn = (next: string) =>
	new ApiClient(server.url).request('POST', `/login?next=${next}`, new URLSearchParams({ email: 'it@norrby.example', password: 'demo1234' }).toString(), {
		'content-type': 'application/x-www-form-urlencoded',
		accept: 'text/html',
		origin: server.url
	});

describe('login next', () => {
	it.each(HOSTILE)('the form sends %s to a path on this site', async (next) => {
		const res = await signIn(next);
		expectSameOrigin(res, next);
		expect(res.headers.getSetCookie().some((c) => c.startsWith('samverkan_session='))).toBe(true);
	});

	it.each(HOSTILE)('an open login page sends a signed-in person with %s to a path on this site', async (next) => {
		const client = await new ApiClient(server.url).login('it@norrby.example');
		expectSameOrigin(await client.get(`/login?next=${next}`), next);
	});

	it('keeps a path on this site, with its query and fragment', async () => {
		const next = encodeURIComponent('/meetings/5?x=1#y');
		expect(expectSameOrigin(await signIn(next), next)).toBe('/meetings/5?x=1#y');
		const client = await new ApiClient(server.url).login('it@norrby.example');
		expect(expectSameOrigin(await client.get(`/login?next=${next}`), next)).toBe('/meetings/5?x=1#y');
		expect(expectSameOrigin(await client.get('/login?next=/customers'), '/customers')).toBe('/customers');
	});
});
