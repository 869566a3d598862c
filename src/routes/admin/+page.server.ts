import { auditLog } from '$lib/server/domain/audit/audit.service';
import { authorize } from '$lib/server/domain/policy';
import { listCustomers } from '$lib/server/domain/tenancy/customers.service';
import { listRoles, updateRole } from '$lib/server/domain/tenancy/roles.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

const AUDIT_PAGE = 50;

/** Installation-wide administration: supplier admins only (others get 403). */
export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		authorize(actor, 'catalogue.manage');
		const [audit, roles, customers] = await Promise.all([auditLog(db, actor, null), listRoles(db), listCustomers(db, actor)]);
		// the newest AUDIT_PAGE entries, AUDIT_PAGE more per "show more"
		const shown = Math.min(Math.max(Number(event.url.searchParams.get('audit')) || AUDIT_PAGE, AUDIT_PAGE), audit.length);
		return {
			roles,
			auditTotal: audit.length,
			audit: audit.slice(0, shown).map((a) => ({
				id: a.id,
				at: a.at,
				actorName: a.actor_name,
				customerId: a.customer_id,
				action: a.action,
				entity: a.entity,
				entityId: a.entity_id,
				before: a.before,
				after: a.after
			})),
			customers: Object.fromEntries(customers.map((c) => [c.id, c.name])) as Record<string, string>
		};
	});

export const actions: Actions = {
	updateRole: formAction(({ app, actor, data }) =>
		updateRole(app.db, actor, data.roleId ?? '', {
			nameSv: data.nameSv,
			nameEn: data.nameEn,
			descriptionSv: data.descriptionSv,
			descriptionEn: data.descriptionEn
		})
	)
};
