import { revokeToken } from '$lib/server/domain/itsm/tokens/api-tokens.service';
import { authed, noContent } from '$lib/server/http/api';

export const DELETE = authed(async ({ app, actor, event }) => {
	await revokeToken(app.db, actor, event.params.id!, event.params.tokenId!);
	return noContent();
});
