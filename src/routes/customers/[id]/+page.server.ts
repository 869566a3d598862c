import { error, type RequestEvent } from '@sveltejs/kit';
import { can } from '$lib/server/domain/policy';
import { settingsAccess } from '$lib/server/domain/itsm/settings/settings-pages.service';
import { visibleReports } from '$lib/server/domain/tenancy/report-grants.service';
import { listTemplates } from '$lib/server/domain/governance/catalogue.service';
import { templatesToOffer } from '$lib/server/domain/governance/forum-offers';
import { createForumFromTemplate } from '$lib/server/domain/governance/forums.service';
import { listForumSummaries } from '$lib/server/domain/governance/forum-summaries.service';
import { customerGovernanceHealth } from '$lib/server/domain/governance/governance-health';
import { getCustomer } from '$lib/server/domain/tenancy/customers.service';
import { MIN_PASSWORD_LENGTH } from '$lib/server/domain/tenancy/password';
import { listPeople } from '$lib/server/domain/tenancy/people.service';
import { listRelationStaff } from '$lib/server/domain/tenancy/relation.service';
import { roleOffers } from '$lib/server/domain/tenancy/role-offers';
import { assignRole, listRoles, unassignRole } from '$lib/server/domain/tenancy/roles.service';
import { supplierName } from '$lib/server/domain/tenancy/supplier.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { addPersonFromForm, invitationFromForm, updatePersonFromForm } from '$lib/server/http/person-form';
import { listPendingInvitations } from '$lib/server/domain/accounts/invitations.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const customerId = event.params.id;
		// Throws "not found" (404) for another customer's page before anything else is read.
		const customer = await getCustomer(db, actor, customerId);
		const canDo = {
			addPerson: can(actor, 'person.manage', { customerId, personCustomerId: customerId }),
			assignCustomerRoles: can(actor, 'role.assign', { customerId, personCustomerId: customerId }),
			assignSupplierRoles: can(actor, 'role.assign', { customerId, personCustomerId: null }),
			createForum: can(actor, 'forum.create', { customerId })
		};
		const [people, staff, forums, supplier, reports] = await Promise.all([
			listPeople(db, actor, customerId),
			listRelationStaff(db, actor, customerId),
			listForumSummaries(db, actor, customerId),
			supplierName(db),
			visibleReports(db, actor, customerId)
		]);
		// the ITSM pages follow the report grants (itsm/read-access.ts): tickets need 'cases', SLA 'sla'
		const itsmHref = reports.includes('cases') ? `/customers/${customerId}/tickets` : reports.includes('sla') ? `/customers/${customerId}/sla` : null;
		// the ITSM settings (SLA and KPI targets, API tokens): only for those who may change them
		const settings = settingsAccess(actor, customerId);
		const settingsHref = settings.sla || settings.tokens ? `/customers/${customerId}/settings` : null;
		// the customer's audit view: its admin and supplier admins
		const auditHref = can(actor, 'audit.read', { customerId }) ? `/customers/${customerId}/audit` : null;
		const outboxHref = can(actor, 'outbox.read', { customerId }) ? `/customers/${customerId}/outbox` : null;
		// how its people are told by default: its admin and supplier admins
		const notificationsHref = can(actor, 'notification.defaults', { customerId }) ? `/customers/${customerId}/notifications` : null;
		// sign-in with the customer's own identity provider: its admin and supplier admins
		const signInHref = can(actor, 'identity.configure', { customerId }) ? `/customers/${customerId}/sign-in` : null;
		// What the forms may offer, as the domain decides it: the roles each person can still be
		// given (any supplier staff member can be given a role here, not only those who hold one)
		// and the templates the customer has no forum of yet.
		const may = { customer: canDo.assignCustomerRoles, supplier: canDo.assignSupplierRoles };
		const offers =
			may.customer || may.supplier
				? roleOffers({
						catalogue: await listRoles(db),
						may,
						staff: may.supplier ? await listPeople(db, actor, null) : [],
						relationStaff: staff,
						customerPeople: people
					})
				: { roles: [], people: [] };
		const templates = canDo.createForum ? templatesToOffer(await listTemplates(db), forums) : [];
		// issue 17: the invitations waiting for this customer's people, for who may manage them
		const invitations = canDo.addPerson ? await listPendingInvitations(db, actor, customerId) : [];
		return {
			customer,
			health: await customerGovernanceHealth(db, actor, customerId),
			supplierName: supplier,
			people,
			staff,
			forums,
			canDo,
			roleOffers: offers,
			templates,
			invitations,
			itsmHref,
			settingsHref,
			auditHref,
			outboxHref,
			notificationsHref,
			signInHref,
			selfId: actor.personId,
			minPasswordLength: MIN_PASSWORD_LENGTH
		};
	});

/** The customer of the route; formAction's event is not typed with this route's params. */
function routeCustomerId(event: RequestEvent): string {
	const id = event.params.id;
	if (!id) error(404, 'Customer not found');
	return id;
}

export const actions: Actions = {
	// this customer's people
	addPerson: formAction(({ app, actor, data, event }) => addPersonFromForm(app.db, actor, routeCustomerId(event), data)),
	editPerson: formAction(({ app, actor, data, event }) => updatePersonFromForm(app.db, actor, routeCustomerId(event), data)),
	invite: formAction(({ app, actor, data, event }) => invitationFromForm(app.db, actor, routeCustomerId(event), data, false)),
	revokeInvite: formAction(({ app, actor, data, event }) => invitationFromForm(app.db, actor, routeCustomerId(event), data, true)),
	assignRole: formAction(async ({ app, actor, data, event }) => {
		const row = await assignRole(app.db, actor, routeCustomerId(event), { personId: data.personId, roleId: data.roleId });
		return { personId: row.person_id, roleId: row.role_id };
	}),
	unassignRole: formAction(async ({ app, actor, data, event }) => {
		await unassignRole(app.db, actor, routeCustomerId(event), data.assignmentId ?? '');
		return { assignmentId: data.assignmentId };
	}),
	createForum: formAction(async ({ app, actor, data, event }) => {
		const forum = await createForumFromTemplate(app.db, actor, routeCustomerId(event), { templateKey: data.templateKey });
		return { id: forum.id, name: forum.name };
	})
};
