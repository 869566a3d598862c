import { testIdentityProvider } from '$lib/server/domain/tenancy/identity-providers.service';
import { authed } from '$lib/server/http/api';

export const POST = authed(async ({ app, actor, event }) => ({ test: await testIdentityProvider(app.db, actor, event.params.id!) }));
