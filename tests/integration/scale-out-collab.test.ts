/**
 * Two (and three) app instances serving the same shared documents: real
 * servers on one database, real Redis, stock y-websocket clients.
 *
 *   1. clients on A and on B co-edit one document and converge; presence too,
 *      and a read-only member on B cannot forge the presence of a client on A;
 *   2. approving the minutes on A makes B's writers read-only at once (4001);
 *   3. A is killed (SIGKILL) while clients type; they move to B (same Y.Doc,
 *      as a load balancer would send them) and no confirmed edit is lost; a
 *      client that never comes back leaves presence that times out;
 *   4. a Redis of the test's own is killed and started again while people
 *      type: a third instance with a short heal period catches up from the
 *      database while Redis is down, the others heal when it returns, and all
 *      converge.
 *
 * Runs in the PostgreSQL project of the suite (helpers/scale-out.ts) and needs
 * TEST_REDIS_URL (`eval "$(bash .ci/services)"`) and redis-server. Without
 * them it is skipped locally, and fails on CI (CI=true).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingAgendaDoc, meetingMinutesDoc } from '../../src/lib/realtime/doc-names';
import { CloseCode } from '../../src/lib/realtime/protocol';
import { ApiClient } from '../helpers/api-client';
import { collabFixture, type CollabFixture } from '../helpers/collab-fixtures';
import { awarenessFrame, connectClient, eventually, synced, type CollabClient } from '../helpers/collab-client';
import { startServer, type TestServer } from '../helpers/server';
import { runsOwnRedis, runsScaleOut } from '../helpers/scale-out';

const REDIS_URL = process.env.TEST_REDIS_URL;

const clients: CollabClient[] = [];
const servers: TestServer[] = [];

function client(server: TestServer, name: string, cookie: string, opts: Parameters<typeof connectClient>[3] = {}) {
	const c = connectClient(server.url, name, cookie, opts);
	clients.push(c);
	return c;
}

/** one Redis namespace per installation: tests share one Redis and demo ids repeat across databases */
const prefix = (what: string) => `t-${what}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

const items = (c: CollabClient, key: string) => c.doc.getArray<string>(key).toArray();
const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === new Set([...a, ...b]).size;

afterAll(async () => {
	for (const c of clients) c.destroy();
	// second instances first: the first one drops the shared database
	for (const s of servers.reverse()) await s.stop().catch(() => {});
});

describe.skipIf(!(runsScaleOut() && runsOwnRedis()))('scale-out: shared documents across instances', () => {
	let a: TestServer;
	let b: TestServer;
	let fx: CollabFixture;

	beforeAll(async () => {
		if (!REDIS_URL) throw new Error('CI needs Redis for the scale-out test: TEST_REDIS_URL and redis-server (eval "$(bash .ci/services)")');
		// re-checks far apart: only the fan-out can make B's writers read-only in time
		const env = { REDIS_URL: REDIS_URL!, REDIS_PREFIX: prefix('ab'), COLLAB_RECHECK_MS: '600000', COLLAB_HEAL_MS: '1000' };
		a = await startServer({ demo: true, env: { ...env, INSTANCE_ID: 'A' } });
		servers.push(a);
		b = await startServer({ databaseUrl: a.databaseUrl, env: { ...env, INSTANCE_ID: 'B' } });
		servers.push(b);
		fx = await collabFixture(a);
	}, 120_000);

	it('clients on A and on B co-edit one document and converge; B sees who is on A and when they leave', async () => {
		const name = meetingMinutesDoc(fx.meetingId);
		// sessions live in the database: a cookie from A is good on B
		const onA = client(a, name, fx.supplier.sessionCookie);
		const onB = client(b, name, fx.customerAdmin.sessionCookie);
		const alsoB = client(b, name, fx.supplier.sessionCookie);
		await Promise.all([synced(onA), synced(onB), synced(alsoB)]);

		const writers = [onA, onB, alsoB];
		await Promise.all(
			writers.map(async (c, n) => {
				const text = c.doc.getText('scale-out');
				for (let i = 0; i < 30; i++) {
					// anywhere in the text, so the instances' edits interleave
					text.insert(Math.floor(Math.random() * (text.length + 1)), `[${n}:${i}]`);
					c.doc.getArray<string>('scale-out-items').push([`${n}:${i}`]);
					if (i % 10 === 9) await c.flush();
					else await new Promise((r) => setTimeout(r, 5));
				}
			})
		);
		const text = (c: CollabClient) => c.doc.getText('scale-out').toString();
		await eventually(() => text(onA) === text(onB) && text(onB) === text(alsoB), 10_000, 'A and B to converge');
		const expected = [0, 1, 2].flatMap((n) => Array.from({ length: 30 }, (_, i) => `${n}:${i}`));
		await eventually(() => writers.every((c) => sameSet(items(c, 'scale-out-items'), expected)), 10_000, 'every item everywhere');
		expect(text(onA).length).toBe(expected.reduce((len, x) => len + x.length + 2, 0));
		expect(onA.doc.getArray('scale-out-items').toJSON()).toEqual(onB.doc.getArray('scale-out-items').toJSON());

		// presence: A's cursor and user reach B's clients, and so does its removal
		onA.provider.awareness.setLocalStateField('user', { name: 'Anna på A' });
		onA.provider.awareness.setLocalStateField('cursor', { index: 3 });
		const stateOnB = () => onB.provider.awareness.getStates().get(onA.doc.clientID) as { user?: { name: string }; cursor?: { index: number } } | undefined;
		await eventually(() => stateOnB()?.user?.name === 'Anna på A' && stateOnB()?.cursor?.index === 3, 10_000, "A's presence on B");
		// and B's user on A
		onB.provider.awareness.setLocalStateField('user', { name: 'Bo på B' });
		await eventually(() => (onA.provider.awareness.getStates().get(onB.doc.clientID) as { user?: { name: string } })?.user?.name === 'Bo på B', 10_000, "B's presence on A");
		// a client that loads the document later on B gets A's presence at once
		const late = client(b, name, fx.customerAdmin.sessionCookie);
		await synced(late);
		await eventually(() => late.provider.awareness.getStates().has(onA.doc.clientID), 5_000, "A's presence for a late client on B");

		onA.provider.disconnect();
		await eventually(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), 10_000, "A's presence removed on B");
	}, 60_000);

	it("a read-only member on B cannot overwrite or remove the presence of a client on A, nor claim someone else's name", async () => {
		const name = meetingMinutesDoc(fx.meetingId);
		const victim = client(a, name, fx.supplier.sessionCookie);
		const watcherA = client(a, name, fx.customerAdmin.sessionCookie);
		const watcherB = client(b, name, fx.customerAdmin.sessionCookie);
		const forger = client(b, name, fx.reader.sessionCookie);
		await Promise.all([victim, watcherA, watcherB, forger].map((c) => synced(c)));
		type Shown = { name?: string; cursor?: { index: number }; marker?: number };
		const shown = (on: CollabClient, of: CollabClient) => on.provider.awareness.getStates().get(of.doc.clientID) as Shown | undefined;
		victim.provider.awareness.setLocalStateField('cursor', { index: 5 });
		await eventually(() => shown(watcherB, victim)?.cursor?.index === 5 && shown(forger, victim)?.cursor?.index === 5, 10_000, "the victim's presence on B");
		const before = shown(watcherB, victim);
		const readerName = (await fx.reader.json('GET', '/api/v1/me')).body.person.name as string;

		const clock = victim.provider.awareness.meta.get(victim.doc.clientID)!.clock;
		forger.provider.ws!.send(awarenessFrame([{ clientId: victim.doc.clientID, clock: clock + 10, state: { name: 'Förfalskad', cursor: { index: 0 } } }]));
		forger.provider.ws!.send(awarenessFrame([{ clientId: victim.doc.clientID, clock: clock + 20, state: null }]));
		// its own entry, claiming the victim's name: goes around with the reader's name
		forger.provider.awareness.setLocalState({ name: before?.name, marker: 1 });
		for (const watcher of [watcherA, watcherB]) {
			await eventually(() => shown(watcher, forger)?.marker === 1, 10_000, "the forger's own entry");
			expect(shown(watcher, forger)?.name).toBe(readerName);
			expect(shown(watcher, victim), "the victim's entry").toEqual(before);
		}
	}, 60_000);

	it('approving the minutes on A makes writers on B read-only at once (4001), long before any re-check', async () => {
		const admin = await new ApiClient(a.url).login('admin@itmastaren.example');
		const chair = await new ApiClient(a.url).login('bam@itmastaren.example');
		const adjuster = await new ApiClient(a.url).login('avtal@norrby.example');
		const customers = (await admin.json('GET', '/api/v1/customers')).body.customers as { id: string; name: string }[];
		const norrby = customers.find((c) => c.name.startsWith('Norrby'))!;
		const forums = (await admin.json('GET', `/api/v1/customers/${norrby.id}/forums`)).body.forums as { id: string; templateKey: string }[];
		const forumId = forums.find((f) => f.templateKey === 'operational')!.id;
		const created = await admin.json('POST', `/api/v1/forums/${forumId}/meetings`, { title: 'Skalningstest', startsAt: '2031-04-10T09:00', endsAt: '2031-04-10T10:00', location: 'Rum 2' });
		expect(created.status).toBe(201);
		const meetingId: string = created.body.meeting.id;
		const name = meetingMinutesDoc(meetingId);

		const writerOnB = client(b, name, adjuster.sessionCookie);
		const writerOnA = client(a, name, adjuster.sessionCookie);
		await Promise.all([synced(writerOnB), synced(writerOnA)]);
		writerOnB.doc.get('root', Y.XmlText).insert(0, 'från B ');
		await writerOnB.flush();
		await eventually(() => writerOnA.doc.get('root', Y.XmlText).toString().includes('från B'), 10_000, "B's edit on A");

		expect((await admin.json('POST', `/api/v1/meetings/${meetingId}/publish`, {})).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/start`, { confirmEarly: true })).status).toBe(200);
		const me = (await adjuster.json('GET', '/api/v1/me')).body;
		expect((await admin.json('PUT', `/api/v1/meetings/${meetingId}/adjuster`, { personId: me.person.personId })).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/end`, {})).status).toBe(200);
		expect((await chair.json('POST', `/api/v1/meetings/${meetingId}/approve`, {})).body).toMatchObject({ approved: false });
		const approvedAt = Date.now();
		const approved = await adjuster.json('POST', `/api/v1/meetings/${meetingId}/approve`, {});
		expect(approved.body).toMatchObject({ approved: true });

		// B re-checks only every 10 minutes: a 4001 within seconds came through the fan-out
		const closed = await Promise.race([writerOnB.closed, new Promise<null>((r) => setTimeout(() => r(null), 8_000))]);
		expect(closed?.code, 'writer on B told at once').toBe(CloseCode.accessChanged);
		expect(Date.now() - approvedAt).toBeLessThan(8_000);

		// it comes back as a reader: what it types now is never applied, on either instance
		await synced(writerOnB);
		const before = writerOnB.doc.get('root', Y.XmlText).toString();
		writerOnB.doc.get('root', Y.XmlText).insert(0, 'efter justering ');
		await new Promise((r) => setTimeout(r, 500));
		for (const server of [a, b]) {
			const fresh = client(server, name, admin.sessionCookie);
			await synced(fresh);
			expect(fresh.doc.get('root', Y.XmlText).toString()).toBe(before);
		}
	}, 60_000);

	it('A is killed while clients type: they carry on on B and no confirmed edit is lost; the dead one’s presence times out', async () => {
		const name = meetingAgendaDoc(fx.meetingId);
		const cookies = [fx.supplier.sessionCookie, fx.customerAdmin.sessionCookie];
		const onA = [0, 1, 2, 3].map((n) => client(a, name, cookies[n % 2]));
		const onB = [0, 1].map((n) => client(b, name, cookies[n % 2]));
		// a client on A that will never come back: its presence must not linger on B
		const ghost = client(a, name, fx.supplier.sessionCookie);
		const watcher = client(b, name, fx.customerAdmin.sessionCookie);
		const everyone = [...onA, ...onB];
		await Promise.all([...everyone, ghost, watcher].map((c) => synced(c)));
		ghost.provider.awareness.setLocalStateField('user', { name: 'Spöke' });
		onA[0].provider.awareness.setLocalStateField('user', { name: 'Flyttar till B' });
		await eventually(() => watcher.provider.awareness.getStates().has(ghost.doc.clientID), 10_000, "the ghost's presence on B");

		const confirmed = new Set<string>();
		let stop = false;
		const typing = everyone.map(async (_, n) => {
			for (let i = 0; !stop; i++) {
				// the client as it is now: A's move to B midway
				const c = everyone[n];
				const list = c.doc.getArray<string>('kill');
				list.push([`c${n}-${i}`]);
				if (i % 5 === 4) {
					const upTo = list.toArray().filter((x) => x.startsWith(`c${n}-`));
					await c.flush().then(
						() => upTo.forEach((x) => confirmed.add(x)),
						() => {}
					);
				} else {
					await new Promise((r) => setTimeout(r, 10 + Math.random() * 15));
				}
			}
		});
		await eventually(() => onB[0].doc.getArray('kill').length > 150, 30_000, 'edits from A and B to go around');
		await a.kill();
		const confirmedAtKill = new Set(confirmed);
		const fromA = [...confirmedAtKill].filter((x) => Number(x.slice(1, x.indexOf('-'))) < onA.length);
		expect(fromA.length, 'A had confirmed edits when it died').toBeGreaterThan(4);

		// B has everything A confirmed, even what A committed and died before publishing (healed from the database)
		await eventually(() => fromA.every((x) => items(watcher, 'kill').includes(x)), 10_000, "A's confirmed edits on B");

		// the load balancer sends A's clients to B: same document, same presence
		const moved = onA.map((old, n) => {
			old.provider.destroy();
			return client(b, name, cookies[n % 2], { doc: old.doc, awareness: old.provider.awareness });
		});
		everyone.splice(0, onA.length, ...moved);
		await Promise.all(moved.map((c) => synced(c)));
		await new Promise((r) => setTimeout(r, 500));
		stop = true;
		await Promise.all(typing);
		for (const c of everyone) await c.flush();

		// every edit anyone made (confirmed or still unconfirmed when A died) is on B and stored
		const all = new Set(everyone.flatMap((c) => items(c, 'kill')));
		for (const x of confirmed) expect(all.has(x)).toBe(true);
		const fresh = client(b, name, fx.supplier.sessionCookie);
		await synced(fresh);
		const served = new Set(items(fresh, 'kill'));
		expect([...confirmed].filter((x) => !served.has(x)), 'confirmed but lost').toEqual([]);
		expect([...all].filter((x) => !served.has(x)), 'typed but lost').toEqual([]);
		await eventually(() => everyone.every((c) => sameSet(items(c, 'kill'), [...served])), 10_000, 'everyone to converge on B');

		// the moved client's presence is still there (renewed through B); the ghost's times out
		// (y-protocols: 30 s without renewal). The watcher drops it by itself too, so ask B: a
		// newcomer gets B's presence list when it joins, and must not get the ghost in it.
		// B and the watcher each check every 3 s (outdatedTimeout / 10) on their own clocks, so B may
		// drop the ghost up to one check later than the watcher did: a newcomer is asked again until then.
		await eventually(() => !watcher.provider.awareness.getStates().has(ghost.doc.clientID), 45_000, 'the ghost to time out');
		let handedOut = true;
		for (const deadline = Date.now() + 8_000; handedOut && Date.now() < deadline; ) {
			const probe = client(b, name, fx.supplier.sessionCookie);
			await synced(probe);
			await eventually(() => probe.provider.awareness.getStates().has(moved[0].doc.clientID), 10_000, "the moved client's presence for a newcomer");
			handedOut = probe.provider.awareness.getStates().has(ghost.doc.clientID);
			probe.provider.destroy();
			if (handedOut) await new Promise((r) => setTimeout(r, 500));
		}
		expect(handedOut, 'B still hands out the dead client one check after the watcher dropped it').toBe(false);
		ghost.provider.destroy();
	}, 120_000);
});

/** A Redis of our own, on a fixed port so it can be killed and started again. */
class OwnRedis {
	private child: ChildProcess | null = null;
	constructor(readonly port: number) {}
	get url() {
		return `redis://127.0.0.1:${this.port}`;
	}
	async start(): Promise<void> {
		this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
		const start = Date.now();
		while (!(await ping(this.port))) {
			if (Date.now() - start > 10_000) throw new Error('redis-server did not start');
			await new Promise((r) => setTimeout(r, 50));
		}
	}
	async kill(): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGKILL');
		await exited;
	}
}

function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.setTimeout(500);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (d) => {
			resolve(d.toString().startsWith('+PONG'));
			socket.destroy();
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			resolve(false);
			socket.destroy();
		});
	});
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

describe.skipIf(!runsOwnRedis())('scale-out: Redis restarting while people edit', () => {
	let redis: OwnRedis;
	let c: TestServer;
	let d: TestServer;
	let e: TestServer;
	let fx: CollabFixture;

	beforeAll(async () => {
		if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('CI needs redis-server for the scale-out test');
		redis = new OwnRedis(await freePort());
		await redis.start();
		const env = { REDIS_URL: redis.url, REDIS_PREFIX: prefix('cde') };
		// C and D heal only when Redis comes back (the periodic check is 10 minutes
		// away); E checks the database every 300 ms, Redis or not.
		c = await startServer({ demo: true, env: { ...env, INSTANCE_ID: 'C', COLLAB_HEAL_MS: '600000' } });
		servers.push(c);
		d = await startServer({ databaseUrl: c.databaseUrl, env: { ...env, INSTANCE_ID: 'D', COLLAB_HEAL_MS: '600000' } });
		servers.push(d);
		e = await startServer({ databaseUrl: c.databaseUrl, env: { ...env, INSTANCE_ID: 'E', COLLAB_HEAL_MS: '300' } });
		servers.push(e);
		fx = await collabFixture(c);
	}, 120_000);

	afterAll(async () => {
		await redis?.kill();
	});

	it('converges after Redis restarts mid-edit; edits made while it was down arrive by healing', async () => {
		const name = meetingMinutesDoc(fx.meetingId);
		const onC = client(c, name, fx.supplier.sessionCookie);
		const onD = client(d, name, fx.customerAdmin.sessionCookie);
		const onE = client(e, name, fx.supplier.sessionCookie);
		await Promise.all([onC, onD, onE].map((x) => synced(x)));
		const push = async (x: CollabClient, label: string, count: number) => {
			for (let i = 0; i < count; i++) {
				x.doc.getArray<string>('outage').push([`${label}-${i}`]);
				await new Promise((r) => setTimeout(r, 5));
			}
			await x.flush();
		};
		const all = () => [onC, onD, onE];
		await Promise.all([push(onC, 'c-before', 10), push(onD, 'd-before', 10)]);
		await eventually(() => all().every((x) => items(x, 'outage').length === 20), 10_000, 'fan-out before the outage');

		await redis.kill();
		// both sides keep typing; each edit is confirmed (in the database)
		await Promise.all([push(onC, 'c-down', 15), push(onD, 'd-down', 15)]);
		// E compares with the database every 300 ms: it has both sides' edits while Redis is still down
		await eventually(
			() => ['c-down-14', 'd-down-14'].every((x) => items(onE, 'outage').includes(x)),
			10_000,
			'E to catch up from the database while Redis is down'
		);
		// D has no periodic check to speak of and no Redis: C's edits cannot have reached it
		expect(items(onD, 'outage').some((x) => x.startsWith('c-down'))).toBe(false);
		expect(items(onC, 'outage').some((x) => x.startsWith('d-down'))).toBe(false);

		await redis.start();
		// typing goes on while the instances reconnect
		await Promise.all([push(onC, 'c-after', 10), push(onD, 'd-after', 10), push(onE, 'e-after', 10)]);
		const expected = ['c-before', 'd-before', 'c-down', 'd-down', 'c-after', 'd-after', 'e-after'].flatMap((label) =>
			Array.from({ length: label.endsWith('down') ? 15 : 10 }, (_, i) => `${label}-${i}`)
		);
		await eventually(() => all().every((x) => sameSet(items(x, 'outage'), expected)), 20_000, 'all three to converge after the restart').catch((err) => {
			const lacking = all().map((x) => expected.filter((v) => !items(x, 'outage').includes(v)));
			throw new Error(`${String(err)}; lacking on C, D, E: ${JSON.stringify(lacking)}`);
		});
		expect(onC.doc.getArray('outage').toJSON()).toEqual(onD.doc.getArray('outage').toJSON());
		expect(onC.doc.getArray('outage').toJSON()).toEqual(onE.doc.getArray('outage').toJSON());

		// and what they show is what is stored: a newcomer on any instance gets the same
		const fresh = client(d, name, fx.customerAdmin.sessionCookie);
		await synced(fresh);
		expect(fresh.doc.getArray('outage').toJSON()).toEqual(onC.doc.getArray('outage').toJSON());
	}, 90_000);
});
