import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/http/openapi';

/** Public: the OpenAPI 3.1 description of /api/v1. */
export const GET = () => json(openApiDocument());
