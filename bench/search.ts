/**
 * Benchmark of "find anything" (issue 18, part 4; not a test), in this
 * process against a real database:
 *
 *   1. seeds ten years of monthly meetings for 50 customers (6,000 meetings),
 *      each with a title, five agenda items, minutes text, three decisions,
 *      three actions and a material file (every fifth supplier-internal),
 *      plus knowledge-base articles; the search index is written by the
 *      application's own reindex functions, as the write paths do;
 *   2. measures `findAnything` (the whole service: policy scope, query,
 *      snippets and highlights) over a fixed set of queries, as a customer's
 *      member (one customer's scope) and as supplier staff (every customer),
 *      p50/p95/max per actor.
 *
 *   npm run bench:search
 *
 * Options (environment):
 *   BENCH_POSTGRES_URL=postgres://user@host:port/postgres
 *                     also run on PostgreSQL (a throw-away database is created there and dropped)
 *   BENCH_CUSTOMERS=50, BENCH_YEARS=10   the size (default 50 × 10 years × 12 = 6,000 meetings)
 *   BENCH_ROUNDS=10   rounds over the query set per actor
 *   BENCH_KEEP_DB=1   keep the PostgreSQL database (for EXPLAIN), printing its name
 *
 * Target: p95 < 100 ms. Writes bench/results/search-<date>.md.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { sql, type Migration } from 'kysely';
import pg from 'pg';
import { createDb, type Db } from '../src/lib/server/db/index.ts';
import { migrateToLatest, migrationSetFromModules } from '../src/lib/server/db/migrator.ts';
import type { Actor } from '../src/lib/server/domain/actor.ts';
import { findAnything } from '../src/lib/server/domain/search/search.service.ts';
import { reindexActions, reindexAgenda, reindexArticle, reindexMaterial, reindexMeeting, reindexMinutes } from '../src/lib/server/domain/search/search.repository.ts';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50);
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const PG_URL = process.env.BENCH_POSTGRES_URL;
const TARGET_MS = 100;

/** What people search for: inflected words, base forms, several words, rare and absent words. */
const QUERIES = [
	'brandväggen',
	'brandvägg',
	'backup',
	'återläsningen',
	'tvåfaktorsinloggning',
	'avtalet',
	'driftstörningar',
	'underhållsfönstret',
	'leverantören',
	'behörigheter',
	'byte av brandvägg',
	'vad beslutade vi om brandväggen',
	'SLA för P1',
	'kundnöjdhet nyckeltal',
	'nätverket på skolorna',
	'licenser kontorsprogram',
	'protokollet',
	'möte',
	'rutin',
	'zyxzyx finns inte'
];

/** A deterministic pseudo-random sequence, so runs are comparable. */
function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

const SUBJECTS = [
	'brandväggen', 'brandväggarna', 'backupen', 'återläsning av backup', 'tvåfaktorsinloggning', 'avtalet', 'driftstörningar', 'underhållsfönstret',
	'leverantörens servicedesk', 'behörigheterna', 'nätverket på skolorna', 'licenser för kontorsprogram', 'kundnöjdheten', 'nyckeltalen', 'SLA för P1-ärenden',
	'e-postsystemet', 'lagringsmiljön', 'verksamhetssystemet', 'skrivarna', 'mobiltelefonerna', 'wifi i stadshuset', 'VPN-lösningen', 'incidenthanteringen',
	'ändringsrutinen', 'eskaleringslistan', 'säkerhetsincidenterna', 'patchningen av servrar', 'migreringen till molnet', 'arkiveringen', 'telefonin'
];
const VERBS = ['gicks igenom', 'diskuterades', 'följdes upp', 'presenterades', 'ses över', 'uppgraderas', 'byts ut', 'testas', 'dokumenteras', 'planeras om'];
const FILLER = [
	'Leverantören informerade om läget.', 'Kunden framförde synpunkter på kvaliteten.', 'Inga avvikelser rapporterades under perioden.', 'Frågan tas upp igen vid nästa möte.',
	'Ansvarig återkommer med en tidplan.', 'Mötet konstaterade att målen uppnåtts.', 'Rutinen behöver förtydligas för förvaltningarna.', 'Kostnaden ryms inom avtalet.'
];
const TOPICS = ['Föregående protokoll', 'Leverantörens information', 'Kundens information', 'Driftläget', 'Aktivitetslistan', 'Övriga frågor', 'Säkerhet', 'Ändringar'];

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
const sentence = (r: () => number) => {
	const s = `${pick(r, SUBJECTS)} ${pick(r, VERBS)}.`;
	return s[0].toUpperCase() + s.slice(1);
};

interface Seeded {
	meetings: number;
	entries: number;
	seconds: number;
	customerIds: string[];
}

/** Seeds the data and the index (through the application's reindex functions), customer by customer, one transaction each. */
async function seed(db: Db): Promise<Seeded> {
	const started = performance.now();
	const r = rng(42);
	const now = new Date().toISOString();
	const customerIds: string[] = [];
	let meetings = 0;
	// every material version points at one stored file
	await db.insertInto('material_blobs').values({ sha256: 'x', size: 1, bytes: new Uint8Array([1]), created_at: now }).execute();
	for (let c = 0; c < CUSTOMERS; c++) {
		const customerId = crypto.randomUUID();
		const forumId = crypto.randomUUID();
		customerIds.push(customerId);
		await db.transaction().execute(async (tx) => {
			await tx.insertInto('customers').values({ id: customerId, name: `Kund ${String(c + 1).padStart(2, '0')}`, org_number: null, created_at: now, updated_at: now }).execute();
			await tx
				.insertInto('forums')
				.values({ id: forumId, customer_id: customerId, template_id: null, level: 'operational', sort_order: 0, name_sv: 'Operativt forum', name_en: 'Operational forum', content: '{}', created_at: now, updated_at: now })
				.execute();
			const actions = [];
			for (let month = 0; month < YEARS * 12; month++) {
				const meetingId = crypto.randomUUID();
				const start = new Date(Date.UTC(2016 + Math.floor(month / 12), month % 12, 10, 8)).toISOString();
				await tx
					.insertInto('meetings')
					.values({
						id: meetingId, forum_id: forumId, customer_id: customerId, title: `Operativt forum ${start.slice(0, 10)}`, starts_at: start, ends_at: start, location: null, video_url: null,
						status: 'minutes_approved', agenda_published_at: null, agenda_published_by: null, agenda_snapshot: null, started_at: null, started_by: null, ended_at: null, ended_by: null,
						approved_at: start, confirmed_at: null, confirmed_by: null, confirmed_in_meeting_id: null, cancelled_at: null, cancelled_by: null, cancel_reason: null,
						adjuster_person_id: null, current_item_id: null, current_item_started_at: null, created_by: null, created_at: start, updated_at: start
					})
					.execute();
				await tx
					.insertInto('agenda_items')
					.values(TOPICS.slice(0, 5).map((t, i) => ({ meeting_id: meetingId, item_id: crypto.randomUUID(), position: i, kind: 'other', title: i === 4 ? pick(r, TOPICS) : t, planned_minutes: 10, presenter_id: null, notes: i % 2 ? sentence(r) : '', carried_from_meeting_id: null, done: 1 })))
					.execute();
				const decisions = Array.from({ length: 3 }, (_, i) => ({ id: crypto.randomUUID(), meeting_id: meetingId, forum_id: forumId, customer_id: customerId, position: i, text: `Beslut: ${sentence(r)} ${pick(r, FILLER)}`, updated_at: start }));
				const paragraphs = Array.from({ length: 12 }, () => `${sentence(r)} ${pick(r, FILLER)}`);
				await tx.insertInto('minutes_text').values({ meeting_id: meetingId, text: [...paragraphs, ...decisions.map((d) => d.text)].join('\n'), updated_at: start }).execute();
				await tx.insertInto('decisions').values(decisions).execute();
				const materialId = crypto.randomUUID();
				await tx.insertInto('material').values({ id: materialId, meeting_id: meetingId, customer_id: customerId, agenda_item_id: null, internal: month % 5 === 0 ? 1 : 0, created_by: null, created_at: start }).execute();
				await tx
					.insertInto('material_versions')
					.values({ id: crypto.randomUUID(), material_id: materialId, version: 1, file_name: `${pick(r, ['driftrapport', 'sla-rapport', 'brandvaggsplan', 'backupplan', 'avtalsbilaga'])}-${start.slice(0, 7)}.pdf`, content_type: 'application/pdf', size: 1, sha256: 'x', uploaded_by: null, uploaded_at: start })
					.execute();
				for (let a = 0; a < 3; a++) {
					actions.push({ id: crypto.randomUUID(), forum_id: forumId, customer_id: customerId, position: actions.length, title: `${pick(r, ['Ta fram plan för', 'Följ upp', 'Testa', 'Dokumentera', 'Se över'])} ${pick(r, SUBJECTS)}`, description: pick(r, FILLER), owner_person_id: null, due_date: null, status: 'done' as const, raised_meeting_id: meetingId, closed_meeting_id: null, escalated_from_id: null, escalated_to_id: null, created_at: start, updated_at: start });
				}
				await reindexMeeting(tx, meetingId);
				await reindexAgenda(tx, meetingId);
				await reindexMinutes(tx, meetingId);
				await reindexMaterial(tx, meetingId);
				meetings++;
			}
			for (let i = 0; i < actions.length; i += 200) await tx.insertInto('action_items').values(actions.slice(i, i + 200)).execute();
			await reindexActions(tx, forumId);
			// each customer's own articles, and one in five for its admins only
			for (let k = 0; k < 4; k++) {
				const id = crypto.randomUUID();
				const body = Array.from({ length: 6 }, () => sentence(r)).join(' ');
				await tx
					.insertInto('kb_articles')
					.values({ id, customer_id: customerId, audience: k === 0 ? 'admins' : 'users', kind: 'article', category: 'Drift', service: null, title: `Så fungerar ${pick(r, SUBJECTS)}`, body: '{}', body_text: body, version: 1, created_by: null, created_at: now, updated_by: null, updated_at: now })
					.execute();
				await reindexArticle(tx, id);
			}
		});
	}
	const { n } = (await db.selectFrom('search_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()) as { n: number };
	return { meetings, entries: Number(n), seconds: (performance.now() - started) / 1000, customerIds };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

interface Measured {
	actor: string;
	p50: number;
	p95: number;
	max: number;
	searches: number;
	hitsMedian: number;
	slowest: string;
}

async function measure(db: Db, label: string, actor: Actor): Promise<Measured> {
	for (const q of QUERIES) await findAnything(db, actor, q); // warm-up
	const times: number[] = [];
	const hits: number[] = [];
	let slowest = { ms: 0, q: '' };
	for (let round = 0; round < ROUNDS; round++) {
		for (const q of QUERIES) {
			const t = performance.now();
			const result = await findAnything(db, actor, q);
			const ms = performance.now() - t;
			times.push(ms);
			hits.push(result.hits.length);
			if (ms > slowest.ms) slowest = { ms, q };
		}
	}
	times.sort((a, b) => a - b);
	hits.sort((a, b) => a - b);
	return { actor: label, p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1], searches: times.length, hitsMedian: pct(hits, 50), slowest: `${slowest.q} (${slowest.ms.toFixed(0)} ms)` };
}

async function runOn(engine: string, db: Db, lines: string[]) {
	const seeded = await seed(db);
	if (engine === 'PostgreSQL') await sql`analyze`.execute(db);
	const member: Actor = { personId: crypto.randomUUID(), name: 'Kund', email: 'kund@example.test', access: 'customer_member', customerId: seeded.customerIds[Math.min(7, seeded.customerIds.length - 1)] };
	const staff: Actor = { personId: crypto.randomUUID(), name: 'Leverantör', email: 'lev@example.test', access: 'supplier_staff', customerId: null };
	const results = [await measure(db, "a customer's member (one customer)", member), await measure(db, `supplier staff (all ${CUSTOMERS} customers)`, staff)];
	lines.push(`## ${engine}`, '');
	lines.push(`Seeded ${seeded.meetings.toLocaleString('en')} meetings of ${CUSTOMERS} customers (${YEARS} years, monthly) → ${seeded.entries.toLocaleString('en')} index entries in ${seeded.seconds.toFixed(1)} s (data and index written together, the index by the application's reindex functions).`, '');
	lines.push('| searching as | searches | p50 | p95 | max | median hits | slowest query | target p95 < 100 ms |', '|---|---|---|---|---|---|---|---|');
	for (const m of results) {
		lines.push(`| ${m.actor} | ${m.searches} | ${m.p50.toFixed(1)} ms | ${m.p95.toFixed(1)} ms | ${m.max.toFixed(1)} ms | ${m.hitsMedian} | ${m.slowest} | ${m.p95 < TARGET_MS ? 'met' : 'MISSED'} |`);
	}
	lines.push('', `Load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}.`, '');
	for (const m of results) console.log(`${engine}: ${m.actor}: p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, max ${m.max.toFixed(1)} ms`);
}

/** The migrations of migrations/, as the server bundles them. */
async function migrations() {
	const modules: Record<string, Migration> = {};
	for (const f of readdirSync('migrations').filter((x) => x.endsWith('.ts')).sort()) modules[f] = (await import(pathToFileURL(resolve('migrations', f)).href)) as Migration;
	return migrationSetFromModules(modules);
}

async function main() {
	const cpu = cpus();
	const date = new Date().toISOString();
	const lines = [
		`# Search benchmark ${date.slice(0, 10)}`,
		'',
		`Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')} (shared with other work).`,
		`Date: ${date}. \`findAnything\` in this process (policy scope, full-text query, snippets and highlights; no HTTP), ${ROUNDS} rounds over ${QUERIES.length} queries per actor after one warm-up round.`,
		'',
		`Queries: ${QUERIES.map((q) => `"${q}"`).join(', ')}.`,
		''
	];
	const dir = mkdtempSync(join(tmpdir(), 'samverkan-bench-search-'));
	try {
		const db = createDb({ dialect: 'sqlite', filename: join(dir, 'search.db') });
		await migrateToLatest(db, await migrations());
		await runOn('SQLite (FTS5, better-sqlite3, WAL)', db, lines);
		await db.destroy();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	if (PG_URL) {
		const name = `samverkan_bench_search_${Date.now()}`;
		const admin = new pg.Client({ connectionString: PG_URL });
		await admin.connect();
		await admin.query(`create database ${name}`);
		const url = new URL(PG_URL);
		url.pathname = `/${name}`;
		const db = createDb({ dialect: 'postgres', connectionString: url.toString() });
		try {
			await migrateToLatest(db, await migrations());
			await runOn('PostgreSQL (tsvector, GIN)', db, lines);
		} finally {
			await db.destroy();
			if (process.env.BENCH_KEEP_DB === '1') console.log(`kept PostgreSQL database ${name}`);
			else await admin.query(`drop database ${name}`);
			await admin.end();
		}
	}
	const out = `bench/results/search-${date.slice(0, 10)}.md`;
	writeFileSync(out, lines.join('\n') + '\n');
	console.log(`wrote ${out}`);
}

await main();
