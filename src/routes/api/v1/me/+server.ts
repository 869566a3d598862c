import { authed } from '$lib/server/http/api';

export const GET = authed(async ({ actor }) => ({ person: actor }));
