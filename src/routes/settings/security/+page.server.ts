import { mustEnrol } from '$lib/server/domain/tenancy/totp';
import { confirmEnrolment, disableTwoFactor, startEnrolment, twoFactorState } from '$lib/server/domain/tenancy/two-factor.service';
import { formAction, loadWith } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

/** Two-factor sign-in: turn it on (secret, QR code, a first code), see the recovery codes once, turn it off. */
export const load: PageServerLoad = (event) =>
	loadWith(event, async ({ db, signIn }, actor) => {
		const state = await twoFactorState(db, actor);
		return {
			state,
			// not on yet: the secret to add to an app (the same until it is turned on)
			enrolment: state.enabled ? null : await startEnrolment(db, actor),
			required: mustEnrol(actor.access, state.enabled, signIn.requireTwoFactorForSupplierAdmins)
		};
	});

export const actions: Actions = {
	enable: formAction(({ app, actor, data }) => confirmEnrolment(app.db, actor, { code: data.code })),
	disable: formAction(({ app, actor, data }) => disableTwoFactor(app.db, actor, { code: data.code }))
};
