/**
 * Tenant isolation, driven by the OpenAPI document so that no endpoint can be
 * forgotten: every path and method it lists is called by Norrby kommun's
 * people with the ids of the other customer (Vattenbolaget Syd AB). Every call
 * must answer 404 or 403, exactly as it answers for ids that do not exist
 * (so nothing reveals that the other customer's things exist), and nothing of
 * the other customer may change. Lists that are not scoped by an id must not
 * contain any of the other customer's ids.
 *
 * The same walk, as the supplier admin with Norrby's ids, checks that every
 * GET answers 200 with a body matching the schema the document declares.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { ErrorBody } from '$lib/server/http/openapi';
import { expectContract } from '../helpers/contract';
import { demoIds, NORRBY, VATTENSYD, type DemoCustomer, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
let norrby: DemoCustomer;
let other: DemoCustomer;

interface Operation {
	method: string;
	path: string;
	operationId: string;
	parameters?: { name: string; in: 'path' | 'query' }[];
	hasBody: boolean;
	/** whether success answers JSON (files such as .ics and PDF do not) */
	json: boolean;
}
const operations: Operation[] = [];
/** the supplier admin, signed in once, who takes the snapshots */
let observer: ApiClient;

beforeAll(async () => {
	// SECRETS_KEY: an identity provider's secret could be stored, so a refusal is the policy's, not the missing key's
	server = await startServer({ demo: true, env: { SECRETS_KEY: 'w'.repeat(64) } });
	ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY];
	other = ids.customers[VATTENSYD];
	observer = await new ApiClient(server.url).login('admin@itmastaren.example');
	for (const c of [norrby, other]) {
		// an identity provider of each customer's own, for the walk to try to change or remove (not reachable: never asked)
		const domain = c.people[0].email.split('@')[1];
		const idp = await observer.json('PUT', `/api/v1/customers/${c.id}/identity-provider`, { issuer: `https://idp.${domain}`, clientId: 'walk', clientSecret: 'walk-hemlighet', domains: domain });
		expect(idp.status).toBe(200);
		const created = await observer.json('POST', `/api/v1/customers/${c.id}/api-tokens`, { name: 'Walk', scopes: ['tickets:read'] });
		expect(created.status).toBe(201);
		tokenOf[c.id] = created.body.token.id;
		const { body: kb } = await observer.json('GET', `/api/v1/customers/${c.id}/articles`);
		articleOf[c.id] = kb.articles.find((a: { shared: boolean }) => !a.shared).id;
		// decision material of the meeting the walk uses (the body is the file itself)
		const meeting = c.meetings[c.forums.operational.id][0];
		const material = await fetch(`${server.url}/api/v1/meetings/${meeting}/material?fileName=walk.pdf`, {
			method: 'POST',
			headers: { cookie: observer.sessionCookie, 'content-type': 'application/octet-stream' },
			body: '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'
		});
		expect(material.status).toBe(201);
		materialOf[c.id] = (await material.json()).material.id;
		// putting material out queued a notification mail about the customer (kept: no mail server here)
		const { body: outbox } = await observer.json('GET', `/api/v1/outbox?customerId=${c.id}`);
		mailOf[c.id] = outbox.mails[0].id;
	}
	const { status, body } = await new ApiClient(server.url).json('GET', '/api/v1/openapi.json');
	expect(status).toBe(200);
	for (const [path, methods] of Object.entries(body.paths as Record<string, Record<string, { operationId: string; parameters?: Operation['parameters']; requestBody?: unknown; responses?: Record<string, { content?: Record<string, unknown> }> }>>)) {
		for (const [method, op] of Object.entries(methods)) {
			const success = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith('2'))?.[1];
			const json = success?.content !== undefined && 'application/json' in success.content;
			operations.push({ method: method.toUpperCase(), path, operationId: op.operationId, parameters: op.parameters, hasBody: Boolean(op.requestBody), json });
		}
	}
});
afterAll(async () => {
	await server?.stop();
});

/** A fresh id that exists nowhere. */
const NOWHERE = '00000000-0000-4000-8000-00000000dead';

/** The ids a walk substitutes, by what they name. */
interface IdSet {
	customer: string;
	forum: string;
	meeting: string;
	person: string;
	/** a member of `forum` */
	member: string;
	assignment: string;
	role: string;
	/** an API token of the customer */
	token: string;
	/** a knowledge-base article of the customer's own */
	article: string;
	/** decision material of `meeting` */
	material: string;
	/** a notification mail about the customer, in the outbox */
	mail: string;
}

const idsOf = (c: DemoCustomer): IdSet => {
	const forum = c.forums.operational;
	const member = forum.members.find((m) => m.party === 'customer')!.personId;
	const person = c.people.find((p) => p.access === 'customer_member')!;
	return {
		customer: c.id,
		forum: forum.id,
		meeting: c.meetings[forum.id][0],
		person: person.id,
		member,
		assignment: person.roles[0].assignmentId,
		role: ids.role('customer', 'ceo'),
		token: tokenOf[c.id],
		article: articleOf[c.id],
		material: materialOf[c.id],
		mail: mailOf[c.id]
	};
};

/** one API token per customer, created by the supplier admin before the walk */
const tokenOf: Record<string, string> = {};
/** one knowledge-base article of each customer's own (not shared), found before the walk */
const articleOf: Record<string, string> = {};
/** one decision material of each customer's first operational meeting, uploaded by the supplier admin before the walk */
const materialOf: Record<string, string> = {};
/** one outbox mail about each customer (the material's notification) */
const mailOf: Record<string, string> = {};

const nowhere = (): IdSet => ({
	customer: NOWHERE,
	forum: NOWHERE,
	meeting: NOWHERE,
	person: NOWHERE,
	member: NOWHERE,
	assignment: NOWHERE,
	role: NOWHERE,
	token: NOWHERE,
	article: NOWHERE,
	material: NOWHERE,
	mail: NOWHERE
});

/** Which id a path parameter takes: by the segment before it. A new kind of parameter fails the test until it is added here. */
function idFor(segment: string, name: string, set: IdSet): string {
	const key = `${segment}/{${name}}`;
	switch (key) {
		case 'customers/{id}':
			return set.customer;
		case 'forums/{id}':
			return set.forum;
		case 'meetings/{id}':
			return set.meeting;
		case 'people/{id}':
			return set.person;
		case 'roles/{assignmentId}':
			return set.assignment;
		case 'members/{personId}':
			return set.member;
		case 'roles/{id}':
			return set.role;
		case 'duties/{duty}':
			return 'chair';
		case 'actions/{actionId}':
			// an action of the forum in the path: the forum decides, any id will do
			return NOWHERE;
		case 'api-tokens/{tokenId}':
			return set.token;
		case 'articles/{articleId}':
			return set.article;
		case 'proposals/{proposalId}':
			// a change proposal of the customer in the path: the customer decides, any id will do
			return NOWHERE;
		case 'material/{materialId}':
			return set.material;
		case 'outbox/{id}':
			return set.mail;
		default:
			throw new Error(`tenancy test: unknown path parameter ${key}; say which id it takes`);
	}
}

const QUERY_IDS: Record<string, keyof IdSet> = { customerId: 'customer', forumId: 'forum' };
/** query parameters that are not ids: a fixed, valid value */
const QUERY_VALUES: Record<string, string> = {
	from: '2026-01-01',
	to: '2027-01-01',
	kind: 'incident',
	priority: '2',
	status: 'closed',
	limit: '50',
	offset: '0',
	preset: 'servicenow-display',
	source: 'servicenow',
	dateOrder: 'dmy',
	timeZone: 'Europe/Stockholm',
	fileName: 'walk.csv',
	dryRun: 'false',
	before: '2040-01-01T00:00:00.000Z',
	side: 'customer',
	q: 'brandvägg',
	format: 'md',
	lang: 'sv',
	period: '2026-10',
	metric: 'resolution',
	outcome: 'met',
	table: 'decisions',
	category: 'Nätverk och säkerhet',
	service: 'Nätverk',
	internal: 'false',
	version: '1'
};
/** the same query parameter name with another vocabulary on some paths */
const QUERY_VALUES_BY_PATH: Record<string, Record<string, string>> = {
	'/actions': { status: 'open' },
	'/decisions': { status: 'all' },
	'/articles': { kind: 'guide' },
	'/audit': { kind: 'duties' },
	'/outbox': { status: 'kept' },
	// the agreement's follow-up is read by months
	'/reports/agreement': { from: '2026-01', to: '2026-06' },
	'/reports/agreement.csv': { from: '2026-01', to: '2026-06' },
	'/reports/agreement.pdf': { from: '2026-01', to: '2026-06' },
	// find anything: a word in both customers' meeting titles, so the other customer's meetings would show if they leaked
	'/v1/search': { q: 'forum' }
};

/** The URL of an operation with ids from `set` (path and query). */
function urlFor(op: Operation, set: IdSet, withQuery = true): string {
	const segments = op.path.split('/');
	const path = segments
		.map((s, i) => {
			const m = /^\{(\w+)\}$/.exec(s);
			return m ? idFor(segments[i - 1], m[1], set) : s;
		})
		.join('/');
	const query = (op.parameters ?? []).filter((p) => p.in === 'query');
	if (!withQuery || query.length === 0) return path;
	const params = new URLSearchParams();
	for (const q of query) {
		const kind = QUERY_IDS[q.name];
		const special = Object.entries(QUERY_VALUES_BY_PATH).find(([suffix, v]) => op.path.endsWith(suffix) && q.name in v)?.[1][q.name];
		if (kind) params.set(q.name, set[kind]);
		else if (special) params.set(q.name, special);
		else if (q.name in QUERY_VALUES) params.set(q.name, QUERY_VALUES[q.name]);
		else if (q.name === 'mappingId' || q.name === 'agendaItemId' || q.name === 'mapping') continue;
		else throw new Error(`tenancy test: unknown query parameter ${q.name} of ${op.path}`);
	}
	return `${path}?${params}`;
}

/** names something of a customer: an id in the path or the query (a page size alone, e.g. of one's own notifications, does not) */
const idScoped = (op: Operation) => (op.parameters ?? []).some((p) => p.in === 'path' || p.name in QUERY_IDS);

let seq = 0;
/**
 * A body that would succeed if authorization were missing: the walk then
 * proves the refusal comes from the policy, not from validation.
 */
function bodyFor(op: Operation, set: IdSet): unknown {
	const n = ++seq;
	switch (op.operationId) {
		case 'createCustomer':
			return { name: `Intrång ${n} AB` };
		case 'createCustomerPerson':
			return { name: 'Intrång', email: `intrang-${n}@example.test`, access: 'customer_admin', password: 'intrang-123' };
		case 'createSupplierPerson':
			return { name: 'Intrång', email: `intrang-${n}@example.test`, access: 'supplier_admin', password: 'intrang-123' };
		case 'updatePerson':
			return { name: 'Intrång', access: 'customer_admin', password: 'intrang-123' };
		case 'assignRole':
			return { personId: set.person, roleId: ids.role('customer', 'it_manager') };
		case 'updateRole':
			return { nameEn: 'Intrång' };
		case 'createForum':
			return { templateKey: 'cab' };
		case 'updateForum':
			return { nameSv: 'Intrång' };
		case 'assignDuty':
			return { party: 'customer', personId: set.person };
		case 'addForumMember':
			return { personId: set.person };
		case 'scheduleMeeting':
			return { startsAt: '2031-01-01T10:00', endsAt: '2031-01-01T11:00' };
		case 'ingestTickets':
			return { source: 'walk', tickets: [{ number: `INC-WALK-${n}`, kind: 'incident', status: 'New', priority: 2, openedAt: '2026-11-01T10:00:00Z' }] };
		case 'createApiToken':
			return { name: `Intrång ${n}`, scopes: ['tickets:write'] };
		case 'saveImportMapping':
			return { name: `Intrång ${n}`, mapping: { columns: { number: 'Number' } } };
		case 'setKpiTargets':
			return { targets: [{ kpi: 'intrang', target: 1, amber: 0.5, higherIsBetter: true }] };
		case 'updateSlaSettings':
			return { timeZone: 'UTC', businessHours: {}, holidays: null, pauseStatuses: [], definitions: [] };
		case 'setReportGrants':
			return { personId: set.person, reports: ['sla'] };
		case 'createArticle':
		case 'updateArticle':
			return { title: `Intrång ${n}`, category: 'Intrång', markup: 'Intrång' };
		case 'giveArticleFeedback':
			return { helpful: true };
		case 'enterManualKpi':
			return { kpi: 'intrang', name: 'Intrång', periodFrom: '2026-01-01', periodTo: '2026-02-01', value: 1 };
		case 'setNotificationDefaults':
		case 'setMyNotificationPreferences':
			return { choices: [{ kind: 'minutes.approved', mode: 'inapp' }] };
		case 'setIdentityProvider':
			return { issuer: 'https://idp.intrang.example', clientId: 'intrang', clientSecret: 'intrang-hemlighet', domains: `intrang-${n}.example`, passwordSignIn: false };
		case 'markMyNotificationsRead':
			// one's own: the walk shows it reaches nothing of the other customer's
			return { all: true };
		default:
			return {};
	}
}

/** Everything of the other customer, as the supplier admin sees it. */
async function snapshotOf(c: DemoCustomer) {
	const admin = observer;
	const get = async (path: string) => {
		const { status, body } = await admin.json('GET', path);
		expect(status, path).toBe(200);
		return body;
	};
	const forums = (await get(`/api/v1/customers/${c.id}/forums`)).forums.map((f: Record<string, unknown>) => ({ ...f, cadence: undefined }));
	const meetings: unknown[] = [];
	for (const f of forums) meetings.push((await get(`/api/v1/forums/${f.id}/meetings`)).meetings);
	return {
		customer: (await get(`/api/v1/customers/${c.id}`)).customer,
		forums,
		meetings,
		audit: (await get(`/api/v1/audit?customerId=${c.id}`)).entries.map((e: { id: string }) => e.id),
		tickets: (await get(`/api/v1/customers/${c.id}/tickets?limit=1000`)).tickets.map((t: { id: string; status: string }) => `${t.id} ${t.status}`),
		tokens: (await get(`/api/v1/customers/${c.id}/api-tokens`)).tokens,
		mappings: (await get(`/api/v1/customers/${c.id}/import-mappings`)).mappings,
		kpis: (await get(`/api/v1/customers/${c.id}/kpis?from=2026-01-01&to=2026-02-01`)).kpis.kpis,
		slaSettings: (await get(`/api/v1/customers/${c.id}/sla-settings`)).settings,
		kpiTargets: (await get(`/api/v1/customers/${c.id}/kpi-targets`)).targets,
		material: (await get(`/api/v1/meetings/${c.meetings[c.forums.operational.id][0]}/material`)).material,
		notificationDefaults: (await get(`/api/v1/customers/${c.id}/notification-defaults`)).defaults,
		identityProvider: (await get(`/api/v1/customers/${c.id}/identity-provider`)).identityProvider,
		sla: (await get(`/api/v1/customers/${c.id}/sla?from=2025-01-01&to=2027-01-01`)).sla,
		customers: (await get('/api/v1/customers')).customers.map((x: { id: string; name: string }) => `${x.id} ${x.name}`),
		// sign-ins move lastLoginAt; nothing else of the staff may change
		staff: (await get('/api/v1/supplier/people')).people.map((p: Record<string, unknown>) => ({ ...p, lastLoginAt: undefined }))
	};
}

/** Every id of the other customer that must never reach Norrby's people. */
function secretsOf(c: DemoCustomer): string[] {
	return [
		c.id,
		c.name,
		...c.people.map((p) => p.id),
		...c.people.map((p) => p.email),
		...Object.values(c.forums).map((f) => f.id),
		...Object.values(c.meetings).flat(),
		...c.assignmentIds,
		tokenOf[c.id],
		materialOf[c.id],
		mailOf[c.id]
	];
}

async function walk(email: string) {
	const client = await new ApiClient(server.url).login(email);
	const theirs = idsOf(other);
	const secrets = secretsOf(other);
	const results: string[] = [];
	for (const op of operations) {
		// signing in and out is not about anyone's data (and would end this client's session)
		if (op.path === '/api/v1/session') continue;
		const url = urlFor(op, theirs);
		const res = await client.json(op.method, url, op.hasBody ? bodyFor(op, theirs) : undefined);
		const text = JSON.stringify(res.body);
		if (idScoped(op)) {
			expect([403, 404], `${op.method} ${url} as ${email}: ${text}`).toContain(res.status);
			expect(res.body.error.code).toBe(res.status === 404 ? 'not_found' : 'forbidden');
			// indistinguishable from ids that exist nowhere
			const ghost = await client.json(op.method, urlFor(op, nowhere()), op.hasBody ? bodyFor(op, nowhere()) : undefined);
			expect({ status: ghost.status, body: ghost.body }, `${op.method} ${op.path} with unknown ids`).toEqual({ status: res.status, body: res.body });
		} else {
			expect([200, 403], `${op.method} ${url} as ${email}: ${text}`).toContain(res.status);
		}
		for (const secret of secrets) expect(text, `${op.method} ${url} leaks ${secret}`).not.toContain(secret);
		results.push(`${op.method} ${op.path} ${res.status}`);
	}
	return results;
}

describe('tenant isolation (every operation in openapi.json)', () => {
	it('the document lists the operations the walk must cover', () => {
		const listed = operations.map((o) => `${o.method} ${o.path}`);
		for (const expected of [
			'GET /api/v1/customers/{id}',
			'DELETE /api/v1/customers/{id}/roles/{assignmentId}',
			'PUT /api/v1/forums/{id}/duties/{duty}',
			'DELETE /api/v1/forums/{id}/members/{personId}',
			'GET /api/v1/meetings/{id}',
			'PATCH /api/v1/people/{id}',
			'GET /api/v1/audit',
			'GET /api/v1/search'
		]) {
			expect(listed).toContain(expected);
		}
		expect(operations.length).toBeGreaterThanOrEqual(28);
	});

	for (const email of ['avtal@norrby.example', 'it@norrby.example']) {
		it(`${email} gets 404/403 for everything of ${VATTENSYD}, and nothing changes`, async () => {
			const before = await snapshotOf(other);
			const results = await walk(email);
			// every operation but the two of /session was called
			expect(results.length).toBe(operations.length - 2);
			expect(await snapshotOf(other)).toEqual(before);
		});
	}

	it("mixing their own ids with the other customer's gives nothing away either", async () => {
		const client = await new ApiClient(server.url).login('avtal@norrby.example');
		const mine = idsOf(norrby);
		const theirs = idsOf(other);
		const cases: [string, string, unknown, unknown][] = [
			// path: own parent, other's child
			['DELETE', `/api/v1/customers/${mine.customer}/roles/${theirs.assignment}`, undefined, undefined],
			['DELETE', `/api/v1/forums/${mine.forum}/members/${theirs.member}`, undefined, undefined],
			// body: another customer's person in one's own forum or relation
			['POST', `/api/v1/forums/${mine.forum}/members`, { personId: theirs.person }, { personId: NOWHERE }],
			['PUT', `/api/v1/forums/${mine.forum}/duties/chair`, { party: 'customer', personId: theirs.person }, { party: 'customer', personId: NOWHERE }],
			['POST', `/api/v1/customers/${mine.customer}/roles`, { personId: theirs.person, roleId: mine.role }, { personId: NOWHERE, roleId: mine.role }]
		];
		const before = await snapshotOf(other);
		for (const [method, path, body, ghostBody] of cases) {
			const res = await client.json(method, path, body);
			expect([400, 403, 404], `${method} ${path}`).toContain(res.status);
			const ghostPath = ghostBody === undefined ? path.replace(/[^/]+$/, NOWHERE) : path;
			const ghost = await client.json(method, ghostPath, ghostBody);
			expect({ status: ghost.status, body: ghost.body }, `${method} ${path}`).toEqual({ status: res.status, body: res.body });
			for (const secret of secretsOf(other)) expect(JSON.stringify(res.body)).not.toContain(secret);
		}
		expect(await snapshotOf(other)).toEqual(before);
	});

	it('the other customer\'s admin is kept out of Norrby the same way', async () => {
		const client = await new ApiClient(server.url).login('avtal@vattensyd.example');
		const theirs = idsOf(norrby);
		for (const op of operations.filter((o) => o.method === 'GET' && idScoped(o))) {
			const res = await client.json('GET', urlFor(op, theirs));
			expect(res.status, `${op.path}`).toBe(404);
		}
		const customers = await client.json('GET', '/api/v1/customers');
		expect(customers.body.customers.map((c: { name: string }) => c.name)).toEqual([VATTENSYD]);
	});
});

describe('contract: every GET answers what the document declares', () => {
	it('as the supplier admin, with Norrby\'s ids', async () => {
		const admin = await new ApiClient(server.url).login('admin@itmastaren.example');
		const mine = idsOf(norrby);
		// JSON answers only: files (.ics, PDF) and answers that depend on state (approved minutes) are tested where they are made
		const gets = operations.filter((o) => o.method === 'GET' && o.json && o.path !== '/api/v1/meetings/{id}/minutes');
		expect(gets.length).toBeGreaterThanOrEqual(12);
		for (const op of gets) {
			const url = urlFor(op, mine);
			const res = await admin.json('GET', url);
			expect(res.status, url).toBe(200);
			expectContract(op.operationId, res.body);
		}
	});

	it('error bodies match the Error schema', async () => {
		const member = await new ApiClient(server.url).login('it@norrby.example');
		const { components } = (await member.json('GET', '/api/v1/openapi.json')).body;
		expect(components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
		for (const [method, path, body] of [
			['GET', `/api/v1/forums/${idsOf(other).forum}`, undefined],
			['POST', `/api/v1/forums/${idsOf(norrby).forum}/meetings`, {}],
			['POST', '/api/v1/session', { email: 1 }]
		] as const) {
			const res = await member.json(method, path, body);
			expect(res.status).toBeGreaterThanOrEqual(400);
			expect(ErrorBody.safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
		}
	});
});
