/**
 * The domain's contexts are layered: a context imports only the shared base
 * files (actor, errors, ids, policy, …) and contexts of lower layers, never
 * one above it, so no two contexts import each other and there is no cycle
 * at all. Reads every import statement under domain/ (tests included).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Lowest first: a context may import the ones before it. */
export const LAYERS = [
	'audit', // the record of who did what: everybody writes to it
	'tenancy', // supplier, customers, people, roles, report grants
	'outbox', // notifications waiting for delivery, people's choices of how they are told
	'accounts', // invitations and password resets: one-time links that go out through the outbox
	'governance', // forums, their members, duties, templates, cadence, health
	'itsm', // tickets, SLA, KPIs
	'secrets', // key rotation of the secrets sealed at rest in the contexts below (two-factor, identity providers, connectors, account mails)
	'agreement', // the agreement per customer (services, prices, volumes, amendments) and its invoicing follow-up
	'search', // the full-text index every write path below feeds in its own transaction, and the one search over it
	'meeting-core', // the meetings table, who a person is in a meeting, its period, the minutes model
	'material', // decision material (underlag) of meetings: files, versions, the store
	'collab', // shared documents
	'room', // the live room
	'meetings', // scheduling, lifecycle to justering, attendance, actions, escalations
	'kb', // knowledge base
	'exports', // minutes as PDF, HTML, Markdown
	'calendar', // .ics feeds
	'portal', // the customer's portal and reports
	'notifications' // delivering the outbox: mails (with calendar parts and minutes) and the live bell
] as const;

const ROOT = dirname(fileURLToPath(import.meta.url));

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return filesUnder(path);
		return /\.(ts|js)$/.test(name) ? [path] : [];
	});
}

/** The context of a file under domain/, or null for the shared base files at its top. */
function contextOf(path: string): string | null {
	const parts = relative(ROOT, path).split(/[\\/]/);
	return parts.length > 1 ? parts[0] : null;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

/** Every (from context → to context) edge with the file that makes it. */
function contextEdges(): Map<string, Map<string, string>> {
	const edges = new Map<string, Map<string, string>>();
	for (const file of filesUnder(ROOT)) {
		const from = contextOf(file);
		if (!from) continue;
		for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
			const spec = m[1] ?? m[2];
			let target: string | null = null;
			if (spec.startsWith('.')) target = resolve(dirname(file), spec);
			else if (spec.startsWith('$lib/server/domain/')) target = join(ROOT, spec.slice('$lib/server/domain/'.length));
			if (!target) continue;
			const to = contextOf(target);
			if (!to || to === from) continue;
			if (!edges.has(from)) edges.set(from, new Map());
			if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, relative(ROOT, file));
		}
	}
	return edges;
}

/** The cycles of a graph, one per strongly connected component, as "a → b → a". */
export function findCycles(edges: Map<string, Map<string, string>>): string[][] {
	const cycles: string[][] = [];
	const done = new Set<string>();
	const visit = (node: string, path: string[]) => {
		for (const next of edges.get(node)?.keys() ?? []) {
			const at = path.indexOf(next);
			if (at >= 0) cycles.push([...path.slice(at), next]);
			else if (!done.has(next)) visit(next, [...path, next]);
		}
		done.add(node);
	};
	for (const node of edges.keys()) if (!done.has(node)) visit(node, [node]);
	return cycles;
}

describe('domain layers', () => {
	const edges = contextEdges();

	it('finds the contexts and their imports (the scan itself works)', () => {
		expect(edges.get('portal')?.has('itsm')).toBe(true);
		expect([...edges.keys()].every((c) => (LAYERS as readonly string[]).includes(c))).toBe(true);
	});

	it('detects a cycle when there is one', () => {
		const fake = new Map([
			['a', new Map([['b', 'a/x.ts']])],
			['b', new Map([['c', 'b/y.ts']])],
			['c', new Map([['a', 'c/z.ts']])]
		]);
		expect(findCycles(fake)).toEqual([['a', 'b', 'c', 'a']]);
	});

	it('has no cycle between contexts', () => {
		const cycles = findCycles(edges).map((c) => c.map((ctx, i) => (i < c.length - 1 ? `${ctx} (${edges.get(ctx)!.get(c[i + 1])})` : ctx)).join(' → '));
		expect(cycles).toEqual([]);
	});

	it('imports only downwards in the layer order', () => {
		const rank = (c: string) => (LAYERS as readonly string[]).indexOf(c);
		const upward = [...edges].flatMap(([from, tos]) => [...tos].filter(([to]) => rank(to) > rank(from)).map(([to, file]) => `${from} → ${to} (${file})`));
		expect(upward).toEqual([]);
	});
});
