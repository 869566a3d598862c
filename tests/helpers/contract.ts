/**
 * Checks a response body against the schema the OpenAPI document declares for
 * that operation (the same zod schema the document is generated from), so the
 * document cannot promise what the server does not send.
 */
import { expect } from 'vitest';
import { OPERATIONS } from '$lib/server/http/openapi';

export function expectContract(operationId: string, body: unknown): void {
	const op = OPERATIONS.find((o) => o.operationId === operationId);
	if (!op) throw new Error(`no operation ${operationId} in the OpenAPI document`);
	if (!op.success.schema) throw new Error(`${operationId} declares no response body`);
	const result = op.success.schema.safeParse(body);
	expect(result.success ? [] : result.error.issues, `${operationId} response matches its schema`).toEqual([]);
}
