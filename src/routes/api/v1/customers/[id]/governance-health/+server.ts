import { customerGovernanceHealth } from '$lib/server/domain/governance/governance-health';
import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ app, actor, event }) => ({ health: await customerGovernanceHealth(app.db, actor, event.params.id!) }));
