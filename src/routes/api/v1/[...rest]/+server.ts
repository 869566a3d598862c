import { errorResponse } from '$lib/server/http/errors';

/** Any path under /api/v1 that no route serves, with any method: a JSON 404, never an HTML page. */
export const fallback = () => errorResponse(404, 'not_found', 'No such API endpoint');
