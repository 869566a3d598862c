import { installationAdmin } from '$lib/server/domain/tenancy/installation-admin.service';
import { MIN_PASSWORD_LENGTH } from '$lib/server/domain/tenancy/password';
import { updateRole } from '$lib/server/domain/tenancy/roles.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import { addPersonFromForm, invitationFromForm, updatePersonFromForm } from '$lib/server/http/person-form';
import { listPendingInvitations } from '$lib/server/domain/accounts/invitations.service';
import type { Actions, PageServerLoad } from './$types';

/** Installation-wide administration: supplier admins only (others get 403). */
export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db }, actor) => {
		const { audit, roles, customers, staff } = await installationAdmin(db, actor, Object.fromEntries(event.url.searchParams));
		const invitations = await listPendingInvitations(db, actor, null);
		// ?person=<id> opens the edit form of one staff member (works without JavaScript)
		const editId = event.url.searchParams.get('person');
		return {
			roles,
			staff: staff.map(({ roles: _r, ...p }) => p),
			editingId: editId && staff.some((p) => p.id === editId) ? editId : null,
			selfId: actor.personId,
			minPasswordLength: MIN_PASSWORD_LENGTH,
			invitations,
			audit,
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
	),
	// the supplier's own staff (customer null)
	addStaff: formAction(({ app, actor, data }) => addPersonFromForm(app.db, actor, null, data)),
	updateStaff: formAction(({ app, actor, data }) => updatePersonFromForm(app.db, actor, null, data)),
	invite: formAction(({ app, actor, data }) => invitationFromForm(app.db, actor, null, data, false)),
	revokeInvite: formAction(({ app, actor, data }) => invitationFromForm(app.db, actor, null, data, true))
};
