/**
 * The supplier's cross-customer overview: for every customer, this month's SLA
 * compliance against target (who breaches) and which forums are behind their
 * cadence. Supplier staff only.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '../actor';
import { light, type Light } from '../itsm/kpi/kpi-targets';
import { loadTargets } from '../itsm/kpi/kpi-targets.service';
import { slaReport } from '../itsm/sla/sla-report.service';
import { customerGovernanceHealth } from '../governance/governance-health';
import { authorize } from '../policy';
import { listCustomers } from '../tenancy/customers.service';
import { currentMonth } from './report-period';

export interface OverviewRow {
	customer: { id: string; name: string };
	response: { compliance: number | null; breached: number; light: Light | null };
	resolution: { compliance: number | null; breached: number; light: Light | null };
	forumsBehind: { id: string; name: { sv: string; en: string } }[];
}

export async function supplierOverview(db: Db, actor: Actor, now = new Date()): Promise<{ period: string; rows: OverviewRow[] }> {
	authorize(actor, 'customer.list');
	const month = currentMonth(now);
	const rows: OverviewRow[] = [];
	for (const c of await listCustomers(db, actor)) {
		const [sla, targets, health] = await Promise.all([
			slaReport(db, actor, c.id, { from: month.from, to: month.to }, now),
			loadTargets(db, c.id),
			customerGovernanceHealth(db, actor, c.id, now)
		]);
		const t = (kpi: string) => targets.find((x) => x.kpi === kpi);
		rows.push({
			customer: { id: c.id, name: c.name },
			response: { compliance: sla.total.response.compliance, breached: sla.total.response.breached, light: light(sla.total.response.compliance, t('sla_response')) },
			resolution: {
				compliance: sla.total.resolution.compliance,
				breached: sla.total.resolution.breached,
				light: light(sla.total.resolution.compliance, t('sla_resolution'))
			},
			forumsBehind: health.forums.filter((f) => f.cadence.state === 'behind').map((f) => ({ id: f.forumId, name: f.name }))
		});
	}
	return { period: month.key, rows };
}
