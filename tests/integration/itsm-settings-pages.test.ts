/**
 * The ITSM settings pages of a customer (/customers/[id]/settings/…): SLA
 * targets, KPI targets and API tokens, against the real server with demo data.
 * Only who may change the settings opens them (today the supplier admin:
 * policy `itsm.configure`, `token.manage`): another customer's people get 404,
 * everyone else 403, on every page and every form action, and nothing changes.
 * The forms change what the API returns; a bad value comes back as a field
 * error and changes nothing; a token created on the page shows its secret once,
 * works as a Bearer token and stops working when revoked on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let norrby: string;
let vattensyd: string;
let admin: ApiClient;
let staff: ApiClient;
let customerAdmin: ApiClient;
let member: ApiClient;
let otherAdmin: ApiClient;

const NOWHERE = '00000000-0000-4000-8000-00000000beef';
const pages = (c: string) => [`/customers/${c}/settings/sla`, `/customers/${c}/settings/kpi`, `/customers/${c}/settings/tokens`];

const postForm = (client: ApiClient, path: string, data: Record<string, string>) => client.form(path, data);

interface SlaSettings {
	timeZone: string;
	businessHours: Record<string, [number, number] | null>;
	holidays: string | null;
	pauseStatuses: string[];
	definitions: { priority: number; responseMinutes: number | null; resolutionMinutes: number | null; calendar: string }[];
}

const hhmm = (v: number) => `${String(Math.floor(v / 60) % 24).padStart(2, '0')}:${String(v % 60).padStart(2, '0')}`;

/** The SLA form as the page fills it from these settings, with some fields changed. */
function slaForm(s: SlaSettings, changes: Record<string, string> = {}): Record<string, string> {
	const form: Record<string, string> = { _form: 'sla', timeZone: s.timeZone, holidays: s.holidays ?? '', pauseStatuses: s.pauseStatuses.join('\n') };
	for (let d = 1; d <= 7; d++) {
		const h = s.businessHours[d];
		if (h) form[`businessHours.${d}.open`] = '1';
		form[`businessHours.${d}.from`] = h ? hhmm(h[0]) : '08:00';
		form[`businessHours.${d}.to`] = h ? hhmm(h[1]) : '17:00';
	}
	for (let p = 1; p <= 5; p++) {
		const def = s.definitions.find((x) => x.priority === p);
		form[`definitions.${p - 1}.responseMinutes`] = def?.responseMinutes?.toString() ?? '';
		form[`definitions.${p - 1}.resolutionMinutes`] = def?.resolutionMinutes?.toString() ?? '';
		form[`definitions.${p - 1}.calendar`] = def?.calendar ?? 'business';
	}
	return { ...form, ...changes };
}

const slaSettings = async () => {
	const res = await admin.json('GET', `/api/v1/customers/${norrby}/sla-settings`);
	expect(res.status).toBe(200);
	return res.body.settings as SlaSettings;
};
const kpiTargets = async () => (await admin.json('GET', `/api/v1/customers/${norrby}/kpi-targets`)).body.targets as { kpi: string; target: number; amber: number; higherIsBetter: boolean }[];
const tokens = async () => (await admin.json('GET', `/api/v1/customers/${norrby}/api-tokens`)).body.tokens as { id: string; name: string; revokedAt: string | null }[];
const bearer = (secret: string, path: string) => fetch(server.url + path, { headers: { authorization: `Bearer ${secret}` } });

beforeAll(async () => {
	server = await startServer({ demo: true });
	const ids = await demoIds(server.url);
	norrby = ids.customers[NORRBY].id;
	vattensyd = ids.customers[VATTENSYD].id;
	[admin, staff, customerAdmin, member, otherAdmin] = await Promise.all([
		new ApiClient(server.url).login('admin@itmastaren.example'),
		new ApiClient(server.url).login('bam@itmastaren.example'),
		new ApiClient(server.url).login('avtal@norrby.example'),
		new ApiClient(server.url).login('it@norrby.example'),
		new ApiClient(server.url).login('avtal@vattensyd.example')
	]);
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

describe('who opens the settings', () => {
	it('the supplier admin opens every page, starting at the SLA targets, and finds them linked from the customer page', async () => {
		for (const p of pages(norrby)) expect((await admin.get(p)).status, p).toBe(200);
		const start = await admin.get(`/customers/${norrby}/settings`);
		expect(start.status).toBe(303);
		expect(start.headers.get('location')).toBe(`/customers/${norrby}/settings/sla`);
		expect(await (await admin.get(`/customers/${norrby}`)).text()).toContain(`href="/customers/${norrby}/settings"`);
		// an unknown customer is not found, not an empty form
		for (const p of [`/customers/${NOWHERE}/settings`, ...pages(NOWHERE)]) expect((await admin.get(p)).status, p).toBe(404);
	});

	it('supplier staff and the customer’s own people get 403 and no link; another customer’s admin gets 404', async () => {
		const all = [`/customers/${norrby}/settings`, ...pages(norrby)];
		for (const [who, client] of [
			['staff', staff],
			['customer admin', customerAdmin],
			['member', member]
		] as const) {
			for (const p of all) expect((await client.get(p)).status, `${who} ${p}`).toBe(403);
			const home = await client.get(`/customers/${norrby}`);
			expect(home.status).toBe(200);
			expect(await home.text(), who).not.toContain(`/customers/${norrby}/settings`);
		}
		for (const p of all) expect((await otherAdmin.get(p)).status, p).toBe(404);
	});

	it('refuses every form action the same way and changes nothing', async () => {
		const settings = await slaSettings();
		const targets = await kpiTargets();
		const created = await admin.json('POST', `/api/v1/customers/${norrby}/api-tokens`, { name: 'Kept', scopes: ['tickets:read'] });
		const tokenId = created.body.token.id as string;
		const before = await tokens();
		const actions: [string, Record<string, string>][] = [
			[`/customers/${norrby}/settings/sla?/save`, slaForm(settings, { 'definitions.1.responseMinutes': '45' })],
			[`/customers/${norrby}/settings/kpi?/save`, { _form: 'kpi', 'targets.0.kpi': 'sla_response', 'targets.0.target': '0.5', 'targets.0.amber': '0.4', 'targets.0.higherIsBetter': 'true' }],
			[`/customers/${norrby}/settings/kpi?/reset`, { _form: 'reset' }],
			[`/customers/${norrby}/settings/tokens?/create`, { _form: 'create', name: 'Sneaky', 'scope.tickets:write': '1' }],
			[`/customers/${norrby}/settings/tokens?/revoke`, { _form: 'revoke', tokenId }]
		];
		for (const [path, form] of actions) {
			for (const [who, client] of [
				['staff', staff],
				['customer admin', customerAdmin],
				['member', member]
			] as const) {
				expect((await postForm(client, path, form)).status, `${who} ${path}`).toBe(403);
			}
			expect((await postForm(otherAdmin, path, form)).status, path).toBe(404);
		}
		expect(await slaSettings()).toEqual(settings);
		expect(await kpiTargets()).toEqual(targets);
		expect(await tokens()).toEqual(before);
	});
});

describe('the SLA form', () => {
	it('changes what GET …/sla-settings returns', async () => {
		const before = await slaSettings();
		const res = await postForm(
			admin,
			`/customers/${norrby}/settings/sla?/save`,
			slaForm(before, {
				'definitions.1.responseMinutes': '45',
				'definitions.4.resolutionMinutes': '',
				'definitions.4.calendar': '24x7',
				'businessHours.6.open': '1',
				'businessHours.6.from': '10:00',
				'businessHours.6.to': '14:30',
				'businessHours.5.to': '00:00',
				holidays: 'NO',
				pauseStatuses: 'On Hold\n\nVäntar på kund\n'
			})
		);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('SLA-inställningarna sparades');
		const after = await slaSettings();
		expect(after.definitions.find((d) => d.priority === 2)?.responseMinutes).toBe(45);
		expect(after.definitions.find((d) => d.priority === 5)).toMatchObject({ resolutionMinutes: null, calendar: '24x7' });
		expect(after.businessHours['6']).toEqual([600, 870]);
		expect(after.businessHours['5']).toEqual([before.businessHours['5']![0], 1440]);
		expect(after.businessHours['7'] ?? null).toBeNull();
		expect(after.holidays).toBe('NO');
		expect(after.pauseStatuses).toEqual(['On Hold', 'Väntar på kund']);
		// the page shows what was saved
		const html = await (await admin.get(`/customers/${norrby}/settings/sla`)).text();
		expect(html).toMatch(/name="definitions\.1\.responseMinutes"[^>]*value="45"/);
	});

	it('answers a bad value with the error at its field, keeps what was typed and changes nothing', async () => {
		const before = await slaSettings();
		const res = await postForm(admin, `/customers/${norrby}/settings/sla?/save`, slaForm(before, { 'definitions.2.resolutionMinutes': '0', timeZone: 'Mars/Olympus' }));
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Kontrollera de markerade fälten.');
		expect(html).toMatch(/name="definitions\.2\.resolutionMinutes"[^>]*value="0"[^>]*aria-invalid="true"/);
		expect(html).toContain('Ange ett heltal mellan 1 och 525 600 minuter, eller lämna tomt.');
		expect(html).toMatch(/name="timeZone"[^>]*aria-invalid="true"/);
		expect(html).toContain('Okänd tidszon');
		// the other fields are not marked
		expect(html).not.toMatch(/name="definitions\.1\.responseMinutes"[^>]*aria-invalid/);
		expect(await slaSettings()).toEqual(before);
	});
});

describe('the KPI form', () => {
	it('saves the targets, puts an error on the row that caused it, and restores the defaults', async () => {
		const defaults = await kpiTargets();
		const rows = (ts: typeof defaults, extra: Record<string, string> = {}) => ({
			_form: 'kpi',
			...Object.fromEntries(
				ts.flatMap((t, i) => [
					[`targets.${i}.kpi`, t.kpi],
					[`targets.${i}.target`, String(t.target).replace('.', ',')],
					[`targets.${i}.amber`, String(t.amber)],
					[`targets.${i}.higherIsBetter`, String(t.higherIsBetter)]
				])
			),
			...extra
		});
		const n = defaults.length;
		const ok = await postForm(
			admin,
			`/customers/${norrby}/settings/kpi?/save`,
			rows(defaults, {
				'targets.0.target': '0,97',
				'targets.1.remove': '1',
				[`targets.${n}.kpi`]: 'user_survey',
				[`targets.${n}.target`]: '4.5',
				[`targets.${n}.amber`]: '4',
				[`targets.${n}.higherIsBetter`]: 'true'
			})
		);
		expect(ok.status).toBe(200);
		const saved = await kpiTargets();
		expect(saved.find((t) => t.kpi === defaults[0].kpi)?.target).toBe(0.97);
		expect(saved.find((t) => t.kpi === 'user_survey')).toEqual({ kpi: 'user_survey', target: 4.5, amber: 4, higherIsBetter: true });

		// row 3 has its amber limit on the better side; row 1 is removed, so the service's row 2 is the form's row 3
		const bad = await postForm(admin, `/customers/${norrby}/settings/kpi?/save`, rows(defaults, { 'targets.1.remove': '1', 'targets.3.amber': '99' }));
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toMatch(/name="targets\.3\.amber"[^>]*aria-invalid="true"/);
		expect(html).toContain('Gula gränsen måste ligga på den sämre sidan av målet.');
		expect(await kpiTargets()).toEqual(saved);

		expect((await postForm(admin, `/customers/${norrby}/settings/kpi?/reset`, { _form: 'reset' })).status).toBe(200);
		expect(await kpiTargets()).toEqual(defaults);
	});
});

describe('API tokens on the page', () => {
	it('shows a new token’s secret once; it works as a Bearer token until revoked on the page', async () => {
		const created = await postForm(admin, `/customers/${norrby}/settings/tokens?/create`, { _form: 'create', name: 'Rapportverktyg', 'scope.tickets:read': '1' });
		expect(created.status).toBe(200);
		const html = await created.text();
		const secret = /value="(smv_[A-Za-z0-9_-]+)"/.exec(html)?.[1];
		expect(secret).toBeTruthy();
		expect(html).toContain('Den visas bara den här gången');

		const listed = (await tokens()).find((t) => t.name === 'Rapportverktyg');
		expect(listed).toMatchObject({ revokedAt: null });
		// never again: not on the page, not in the API's list
		const page = await (await admin.get(`/customers/${norrby}/settings/tokens`)).text();
		expect(page).toContain('Rapportverktyg');
		expect(page).not.toContain(secret!);
		expect(page).not.toMatch(/smv_[A-Za-z0-9_-]{20}/);
		expect(JSON.stringify(await tokens())).not.toContain(secret!);

		// allowed by its scope, for its own customer only
		expect((await bearer(secret!, `/api/v1/customers/${norrby}/tickets?limit=1`)).status).toBe(200);
		expect((await bearer(secret!, `/api/v1/customers/${vattensyd}/tickets?limit=1`)).status).toBe(404);

		const revoked = await postForm(admin, `/customers/${norrby}/settings/tokens?/revoke`, { _form: 'revoke', tokenId: listed!.id });
		expect(revoked.status).toBe(200);
		expect(await revoked.text()).toContain('API-nyckeln Rapportverktyg har återkallats.');
		expect((await bearer(secret!, `/api/v1/customers/${norrby}/tickets?limit=1`)).status).toBe(401);
		expect((await tokens()).find((t) => t.id === listed!.id)?.revokedAt).toBeTruthy();
	});

	it('asks for a name and at least one scope, and creates nothing', async () => {
		const before = await tokens();
		const res = await postForm(admin, `/customers/${norrby}/settings/tokens?/create`, { _form: 'create', name: ' ' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Välj minst en behörighet.');
		expect(html).toMatch(/name="name"[^>]*aria-invalid="true"/);
		expect(html).not.toMatch(/smv_/);
		expect(await tokens()).toEqual(before);
	});

	it('revokes only this customer’s tokens on this customer’s page', async () => {
		const other = await admin.json('POST', `/api/v1/customers/${vattensyd}/api-tokens`, { name: 'Vatten', scopes: ['tickets:read'] });
		const res = await postForm(admin, `/customers/${norrby}/settings/tokens?/revoke`, { _form: 'revoke', tokenId: other.body.token.id });
		expect(res.status).toBe(404);
		expect((await bearer(other.body.secret, `/api/v1/customers/${vattensyd}/tickets?limit=1`)).status).toBe(200);
	});
});
