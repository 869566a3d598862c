/**
 * The ticket import against hostile and broken files, over HTTP against the
 * real server (issue 15 finding 1, issue 14 point 8):
 *  - a 1 MB gzip bomb (unpacks to 1 GiB), three at once, while two people
 *    co-edit minutes: refused with a short message, nothing stored, the
 *    server's memory bounded and the editing never held up for long
 *    (before: 2.3 GB and a 3–6 s freeze of the whole server per bomb);
 *  - a CSV of a million columns and one of 3,000: refused with a short body
 *    (before: the answer echoed all the columns back, 10 MB);
 *  - an unclosed quote is reported at the line where its field starts.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type CollabClient } from '../helpers/collab-client';
import { twoWritersOnMinutes, type CollabFixture } from '../helpers/collab-fixtures';
import { demoIds, VATTENSYD } from '../helpers/demo-ids';
import { openTestDb } from '../helpers/test-db';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let fx: CollabFixture;
let a: CollabClient;
let b: CollabClient;
let vatten: string;

beforeAll(async () => {
	server = await startServer({ demo: true });
	({ fx, a, b } = await twoWritersOnMinutes(server));
	vatten = (await demoIds(server.url)).customers[VATTENSYD].id;
});
afterAll(async () => {
	a?.destroy();
	b?.destroy();
	await server?.stop();
});

/** POST a file to the import endpoint as the supplier admin; the answer as text, to measure it. */
async function upload(body: Uint8Array | string, query: Record<string, string> = { preset: 'servicenow-display' }) {
	const res = await fetch(`${server.url}/api/v1/customers/${vatten}/tickets/import?${new URLSearchParams(query)}`, {
		method: 'POST',
		headers: { cookie: fx.supplier.sessionCookie, 'content-type': typeof body === 'string' ? 'text/csv' : 'application/octet-stream' },
		body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)])
	});
	const text = await res.text();
	return { status: res.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
}

/** What the customer has: tickets and import records, straight from the database. */
async function stored(): Promise<{ tickets: number; imports: number }> {
	const db = openTestDb(server.databaseUrl);
	try {
		const count = async (table: 'tickets' | 'ticket_imports') =>
			Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).where('customer_id', '=', vatten).executeTakeFirstOrThrow()).n);
		return { tickets: await count('tickets'), imports: await count('ticket_imports') };
	} finally {
		await db.destroy();
	}
}

/**
 * About 1 MB of gzip that unpacks to 1 GiB: a header, a few ticket rows and
 * then empty lines, 64 MiB per gzip member (gzip packs a repeated byte about
 * 1000:1), 16 members (a gzip stream may consist of several).
 */
function gzipBomb(): Buffer {
	const head = 'number,incident_state,priority,opened_at\n' + 'INC0000001,New,3 - Moderate,1/1/2026 10:00\n'.repeat(100);
	const member = gzipSync(head + '\n'.repeat(64 * 2 ** 20 - head.length), { level: 9 });
	return Buffer.concat(Array.from({ length: 16 }, () => member));
}

function rssMb(pid: number): number {
	const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * One person types into the minutes ten times a second, the other watches: the
 * longest time from one keystroke to the other seeing it while `during` runs.
 */
async function editingDelay<T>(during: () => Promise<T>): Promise<{ result: T; maxMs: number; edits: number }> {
	const marks = b.doc.getArray<string>('import-marks');
	const sentAt = new Map<string, number>();
	let maxMs = 0;
	let seen = 0;
	const observer = () => {
		for (const id of marks.toArray()) {
			const t = sentAt.get(id);
			if (t === undefined) continue;
			maxMs = Math.max(maxMs, performance.now() - t);
			sentAt.delete(id);
			seen++;
		}
	};
	marks.observe(observer);
	let n = 0;
	let typing = true;
	const typist = (async () => {
		while (typing) {
			const id = `mark-${n++}`;
			sentAt.set(id, performance.now());
			a.doc.getArray<string>('import-marks').push([id]);
			await new Promise((r) => setTimeout(r, 100));
		}
	})();
	try {
		const result = await during();
		typing = false;
		await typist;
		await eventually(() => sentAt.size === 0, 10_000, 'every edit seen by the other writer');
		// an edit that never arrived counts as the whole wait
		return { result, maxMs, edits: seen };
	} finally {
		typing = false;
		marks.unobserve(observer);
	}
}

describe('import of hostile files', () => {
	it('refuses three 1 MB gzip bombs at once with a short message, stores nothing, keeps memory bounded, and co-editing carries on', async () => {
		const bomb = gzipBomb();
		expect(bomb.byteLength).toBeGreaterThan(900_000);
		expect(bomb.byteLength).toBeLessThan(1_200_000);
		const before = await stored();
		// the same editing with nothing else going on: how loaded the machine is right now
		const { maxMs: baselineMs } = await editingDelay(() => new Promise((r) => setTimeout(r, 2000)));
		const pid = server.process.pid!;
		const rssBefore = rssMb(pid);
		let rssMax = rssBefore;
		const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(pid))), 20);
		let answers: Awaited<ReturnType<typeof upload>>[];
		let maxMs: number;
		let edits: number;
		try {
			({ result: answers, maxMs, edits } = await editingDelay(() => Promise.all([upload(bomb), upload(bomb), upload(bomb)])));
		} finally {
			clearInterval(sampler);
		}
		for (const r of answers) {
			expect(r.status).toBe(200);
			expect(r.body.report).toMatchObject({ status: 'rejected', created: 0, importId: null });
			expect(r.body.report.errors).toEqual(['The file unpacks to more than 100 times its packed size: refused as a possible gzip bomb']);
			expect(r.bytes).toBeLessThan(1000);
		}
		expect(await stored()).toEqual(before);
		// each bomb is stopped after about 8 MiB unpacked, in 64 KiB pieces: the server holds a few MB per upload, not 1 GiB
		expect(rssMax - rssBefore, `server RSS grew from ${rssBefore.toFixed(0)} MB to ${rssMax.toFixed(0)} MB`).toBeLessThan(100);
		// before: the bombs froze the server for 4.5 s or more, every edit waited; now the longest wait stays
		// under 1 s plus three times what the machine's load alone gives, and under 2.5 s however loaded it is
		const limit = Math.min(2500, 1000 + 3 * baselineMs);
		console.log(`gzip bombs: server RSS ${rssBefore.toFixed(0)} → max ${rssMax.toFixed(0)} MB; ${edits} edits, longest delay ${maxMs.toFixed(0)} ms (alone: ${baselineMs.toFixed(0)} ms, limit ${limit.toFixed(0)} ms)`);
		expect(edits).toBeGreaterThan(3);
		expect(maxMs, `longest edit delay during the bombs: ${maxMs.toFixed(0)} ms`).toBeLessThan(limit);
	}, 120_000);

	it('refuses a CSV of a million columns, or of 3,000, with a short answer and nothing stored', async () => {
		const before = await stored();
		const million = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',') + '\nx\n';
		const huge = await upload(gzipSync(million));
		expect(huge.status).toBe(200);
		expect(huge.body.report.errors).toEqual(['Line 1 is longer than 1 MiB: not a ticket export']);
		expect(huge.bytes).toBeLessThan(1000);
		const wide = Array.from({ length: 3000 }, (_, i) => `c${i}`).join(',') + '\nx\n';
		const refused = await upload(wide);
		expect(refused.body.report.errors).toEqual(['Line 1 has 3,000 columns; an import takes at most 2,000']);
		expect(refused.bytes).toBeLessThan(1000);
		// within the limits but not what the preset reads: the columns it ignores are listed, at most 50, each cut short
		const odd = ['number', 'incident_state', 'priority', 'opened_at', ...Array.from({ length: 1500 }, (_, i) => `extra ${i} ${'x'.repeat(300)}`)].join(',');
		const listed = await upload(`${odd}\nINC1,New,3 - Moderate,1/1/2026 10:00\n`, { preset: 'servicenow-display', dryRun: 'true' });
		expect(listed.body.report.status).toBe('checked');
		expect(listed.body.report.ignoredColumns).toHaveLength(50);
		expect(listed.bytes).toBeLessThan(10_000);
		expect(await stored()).toEqual(before);
	}, 120_000);

	it('reports an unclosed quote at the line where the broken field starts (line 11 of 400), storing nothing', async () => {
		const before = await stored();
		const lines = ['number,incident_state,priority,opened_at,short_description'];
		for (let i = 2; i <= 400; i++) lines.push(`INC${9_100_000 + i},New,3 - Moderate,1/11/2026 10:00,${i === 11 ? '"Skrivaren, plan 3' : `Ärende ${i}`}`);
		const r = await upload(lines.join('\n'));
		expect(r.body.report).toMatchObject({ status: 'rejected', errors: ['Line 11: a quoted field starts here and is never closed'] });
		expect(await stored()).toEqual(before);
	});
});
