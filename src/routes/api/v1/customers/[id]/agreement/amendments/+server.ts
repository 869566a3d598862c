import { amendAgreement } from '$lib/server/domain/agreement/agreement.service';
import { authed, readJson } from '$lib/server/http/api';

/** A dated amendment (the supplier's admin or the customer's BAM). */
export const POST = authed(async ({ app, actor, event }) => {
	const { amendmentId, ...agreement } = await amendAgreement(app.db, actor, event.params.id!, await readJson(event.request));
	return { amendmentId, agreement };
}, 201);
