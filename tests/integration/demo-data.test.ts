/**
 * The demo tells the truth (issue 14, point 17): a fresh demo with its year of
 * history has real tickets spread over the twelve months up to today for both
 * customers, enough in every held meeting's period for its figures to mean
 * something, tickets in the month in progress (the portal's "SLA denna månad"
 * and the next meeting's SLA figures are not empty), and minutes whose text
 * about escalations says what their frozen figures show.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client';
import { demoIds, NORRBY, VATTENSYD, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let ids: DemoIds;
let admin: ApiClient;
const ZONE = 'Europe/Stockholm';

interface Meeting {
	id: string;
	startsAt: string;
	endsAt: string;
	status: string;
}

beforeAll(async () => {
	server = await startServer({ demo: true, env: { SAMVERKAN_DEMO_HISTORY: '1' } });
	ids = await demoIds(server.url);
	admin = await new ApiClient(server.url).login('admin@itmastaren.example');
}, 180_000);
afterAll(async () => {
	await server?.stop();
});

const incidents = async (customerId: string, from: string, to?: string) => {
	const q = new URLSearchParams({ kind: 'incident', limit: '1', from, ...(to ? { to } : {}) });
	const res = await admin.json('GET', `/api/v1/customers/${customerId}/tickets?${q}`);
	expect(res.status).toBe(200);
	return res.body.total as number;
};

const forumMeetings = async (forumId: string): Promise<Meeting[]> =>
	((await admin.json('GET', `/api/v1/forums/${forumId}/meetings`)).body.meetings as Meeting[]).sort((a, b) => a.startsAt.localeCompare(b.startsAt));

/** A meeting's period as its slides take it: since the forum's previous meeting, or the month before its own. */
const periodOf = (meetings: Meeting[], i: number) => ({
	from: meetings[i - 1]?.startsAt ?? DateTime.fromISO(meetings[i].startsAt, { zone: ZONE }).startOf('month').minus({ months: 1 }).toUTC().toISO()!,
	to: meetings[i].startsAt
});

describe('demo tickets over the year', () => {
	it('every held meeting of both customers has at least 50 incidents in its period', async () => {
		const thin: string[] = [];
		let held = 0;
		for (const name of [NORRBY, VATTENSYD]) {
			const customer = ids.customers[name];
			for (const forum of Object.values(customer.forums)) {
				const meetings = await forumMeetings(forum.id);
				for (const [i, m] of meetings.entries()) {
					if (Date.parse(m.endsAt) > Date.now()) continue;
					held++;
					const p = periodOf(meetings, i);
					const n = await incidents(customer.id, p.from, p.to);
					if (n < 50) thin.push(`${name} ${forum.templateKey} ${p.from.slice(0, 10)}–${p.to.slice(0, 10)}: ${n}`);
				}
			}
		}
		expect(held).toBeGreaterThan(20);
		expect(thin).toEqual([]);
	});

	it('the month in progress has incidents for both customers, and Norrby sees SLA figures for it in the portal', async () => {
		const monthStart = DateTime.now().setZone(ZONE).startOf('month').toUTC().toISO()!;
		for (const name of [NORRBY, VATTENSYD]) expect(await incidents(ids.customers[name].id, monthStart), name).toBeGreaterThan(0);

		const norrby = ids.customers[NORRBY].id;
		const customerAdmin = await new ApiClient(server.url).login('avtal@norrby.example');
		const html = await (await customerAdmin.get(`/customers/${norrby}/portal`)).text();
		expect(html).toContain('SLA denna månad');
		const glance = /data-testid="glance-resolution"[\s\S]*?(\d+) i tid, (\d+) överskridna/.exec(html);
		expect(glance, 'the resolution glance').not.toBeNull();
		expect(Number(glance![1]) + Number(glance![2])).toBeGreaterThan(0);
	});

	it("Norrby's next operational meeting has SLA figures for its period", async () => {
		const customer = ids.customers[NORRBY];
		const meetings = await forumMeetings(customer.forums.operational.id);
		const i = meetings.findIndex((m) => Date.parse(m.startsAt) > Date.now());
		expect(i).toBeGreaterThan(0);
		const p = periodOf(meetings, i);
		const sla = await admin.json('GET', `/api/v1/customers/${customer.id}/sla?${new URLSearchParams(p)}`);
		expect(sla.status).toBe(200);
		const { met, breached } = sla.body.sla.total.resolution as { met: number; breached: number };
		expect(met + breached).toBeGreaterThan(10);
	});
});

describe('demo history', () => {
	const WORDS = ['Inga', 'Ett', 'Två', 'Tre', 'Fyra', 'Fem', 'Sex', 'Sju', 'Åtta', 'Nio', 'Tio'];

	it('the minutes say as many escalations as their frozen figures count', async () => {
		let checked = 0;
		for (const name of [NORRBY, VATTENSYD]) {
			const customer = ids.customers[name];
			for (const m of await forumMeetings(customer.forums.operational.id)) {
				if (m.status !== 'confirmed' && m.status !== 'minutes_approved') continue;
				const res = await admin.get(`/api/v1/meetings/${m.id}/minutes?format=md`);
				expect(res.status).toBe(200);
				const md = await res.text();
				// the frozen table's caption carries the total (the table shows the first few)
				const total = /\*\*Eskalerade ärenden \(brutet lösningstids-SLA eller större incident i perioden\): (\d+)/.exec(md);
				expect(total, `${name} ${m.startsAt}: the frozen escalations`).not.toBeNull();
				const said = /(\S+) eskalera(?:t|de) ärenden? under perioden/.exec(md);
				expect(said, `${name} ${m.startsAt}: the minutes text on escalations`).not.toBeNull();
				const n = WORDS.includes(said![1]) ? WORDS.indexOf(said![1]) : Number(said![1]);
				expect(n, `${name} ${m.startsAt}`).toBe(Number(total![1]));
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(10);
	});
});
