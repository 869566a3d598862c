/** A customer's KPI targets and thresholds: read by whoever may read the SLA report, set by a supplier admin. */
import { z } from 'zod';
import type { Db, Executor } from '$lib/server/db';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/audit.repository';
import { notFound } from '../../errors';
import { authorize } from '../../policy';
import { findCustomer } from '../../tenancy/tenancy.repository';
import { parseInput } from '../../validation';
import { authorizeItsmRead } from '../read-access';
import { DEFAULT_TARGETS, type KpiTarget } from './kpi-targets';
import { deleteKpiTargets, insertKpiTargets, listKpiTargetRows } from './kpi.repository';

export const KpiTargetsInput = z.strictObject({
	targets: z
		.array(
			z
				.strictObject({
					kpi: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'kpi.key_format'),
					target: z.number().finite(),
					amber: z.number().finite(),
					higherIsBetter: z.boolean()
				})
				.refine((t) => (t.higherIsBetter ? t.amber <= t.target : t.amber >= t.target), {
					message: 'kpi.amber_side',
					path: ['amber']
				})
		)
		.max(100)
		.refine((ts) => new Set(ts.map((t) => t.kpi)).size === ts.length, 'kpi.duplicate')
});

/** The customer's own targets, then the defaults for KPIs it has none for. */
// no actor: internal read for the KPI, SLA and portal services, each of which has authorized the customer first
export async function loadTargets(db: Executor, customerId: string): Promise<KpiTarget[]> {
	const rows = await listKpiTargetRows(db, customerId);
	const own = rows.map((r) => ({ kpi: r.kpi, target: r.target, amber: r.amber, higherIsBetter: r.higher_is_better === 1 }));
	return [...own, ...DEFAULT_TARGETS.filter((d) => !own.some((o) => o.kpi === d.kpi))];
}

/** The targets are part of the SLA report: a member needs it granted (read-access.ts). */
export async function kpiTargets(db: Db, actor: Actor, customerId: string): Promise<KpiTarget[]> {
	await authorizeItsmRead(db, actor, customerId, 'sla');
	return loadTargets(db, customerId);
}

/** Replaces the customer's own targets; KPIs without one fall back to the defaults. */
export async function setKpiTargets(db: Db, actor: Actor, customerId: string, input: unknown): Promise<KpiTarget[]> {
	authorize(actor, 'itsm.configure', { customerId, kind: 'Customer' });
	if (!(await findCustomer(db, customerId))) throw notFound('Customer');
	const { targets } = parseInput(KpiTargetsInput, input);
	await db.transaction().execute(async (tx) => {
		await deleteKpiTargets(tx, customerId);
		if (targets.length) {
			await insertKpiTargets(
				tx,
				targets.map((t) => ({ customer_id: customerId, kpi: t.kpi, target: t.target, amber: t.amber, higher_is_better: t.higherIsBetter ? 1 : 0 }))
			);
		}
		await recordAudit(tx, actor, { action: 'kpi_targets.set', entity: 'kpi_targets', entityId: customerId, customerId, after: targets });
	});
	return kpiTargets(db, actor, customerId);
}
