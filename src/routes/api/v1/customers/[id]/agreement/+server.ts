import { getAgreement } from '$lib/server/domain/agreement/agreement.service';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ agreement: await getAgreement(app.db, actor, event.params.id!) }));
