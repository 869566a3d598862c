/**
 * How often one approval (justering) reads the meeting's row (issue 20.1: it
 * was read 5–6 times). Counts the SELECTs on `meetings` for this meeting's id
 * while the chair and then the adjuster approve, with the real document
 * registry and an agenda that shows delivery figures (so the frozen figures
 * are built too).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SelectQueryNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { DEFAULT_COLLAB_OPTIONS } from '$lib/server/realtime/collab/options';
import { DocumentRegistry } from '$lib/server/realtime/collab/registry';
import type { Db } from '$lib/server/db';
import { meeting, world, type World } from '../governance/test/governance-health.fixture';
import { approveMinutes } from './lifecycle.service';

/** Whether a condition tree holds `id = <meetingId>` (the previous meeting's query has `id != …`: not this row). */
function namesRow(node: unknown, meetingId: string): boolean {
	if (!node || typeof node !== 'object') return false;
	const n = node as { kind?: string; leftOperand?: unknown; operator?: { operator?: string }; rightOperand?: { value?: unknown } };
	if (n.kind === 'BinaryOperationNode' && n.operator?.operator === '=' && JSON.stringify(n.leftOperand).includes('"name":"id"') && n.rightOperand?.value === meetingId) return true;
	return Object.values(node).some((v) => namesRow(v, meetingId));
}

/**
 * Counts the SELECTs from `meetings` of this meeting's row (in transactions
 * too: a plugin goes with every query of the instance). The queries
 * themselves are left as they are.
 */
function counting(db: Db, meetingId: string) {
	let reads = 0;
	const plugin: KyselyPlugin = {
		transformQuery: ({ node }: PluginTransformQueryArgs): RootOperationNode => {
			if (SelectQueryNode.is(node) && JSON.stringify(node.from ?? {}).includes('"name":"meetings"') && namesRow(node.where, meetingId)) reads++;
			return node;
		},
		transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result
	};
	return {
		db: db.withPlugin(plugin),
		reads: () => reads,
		reset: () => {
			reads = 0;
		}
	};
}

let w: World;
let docs: DocumentRegistry;
let meetingId: string;

beforeEach(async () => {
	w = await world();
	// the forum's standing agenda shows the SLA figures: approval freezes them too
	await w.db
		.updateTable('forums')
		.set({ content: JSON.stringify({ agenda: [{ kind: 'statistics_sla', title: { sv: 'SLA', en: 'SLA' }, minutes: 20 }] }) })
		.where('id', '=', w.forumA)
		.execute();
	meetingId = await meeting(w.db, w.forumA, w.customerA, '2030-03-10T08:00:00Z', '2030-03-10T10:00:00Z');
	await w.db.updateTable('meetings').set({ status: 'minutes_draft', adjuster_person_id: w.people.adminA.personId }).where('id', '=', meetingId).execute();
});
afterEach(async () => {
	await docs?.closeAll();
	await w.db.destroy();
});

describe('one approval', () => {
	it('reads the meeting row once per approval, also when the second one freezes the minutes', async () => {
		const c = counting(w.db, meetingId);
		docs = new DocumentRegistry(c.db, DEFAULT_COLLAB_OPTIONS);

		expect(await approveMinutes(c.db, docs, w.people.chair, meetingId)).toEqual({ approved: false, role: 'chair' });
		const first = c.reads();
		c.reset();
		expect(await approveMinutes(c.db, docs, w.people.adminA, meetingId)).toEqual({ approved: true, role: 'adjuster' });
		const second = c.reads();
		console.log(`meeting row reads: first approval ${first}, second approval (freezes) ${second}`);

		const stored = await w.db.selectFrom('meetings').select('status').where('id', '=', meetingId).executeTakeFirstOrThrow();
		expect(stored.status).toBe('minutes_approved');
		const version = await w.db.selectFrom('minutes_versions').select('content').where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
		expect((JSON.parse(version.content) as { figures: unknown[] }).figures.length).toBeGreaterThan(0);
		expect(first).toBe(1);
		expect(second).toBe(1);
	});
});
