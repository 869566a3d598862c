/** The OpenAPI description of /api/v1/meetings/{id}/material; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { Material, MaterialList } from '$lib/server/http/openapi-lifecycle';
import { created, ok, one } from '$lib/server/http/openapi-schemas';

export const openapi: RouteDescription = {
	GET: ok('listMaterial', 'lifecycle', "The meeting's decision material (underlag)", 'Every material the caller may see, with its versions, and whether it went out in time', MaterialList, {
		description: 'Whoever may read the meeting. Supplier-internal material is listed for supplier staff only.'
	}),
	POST: created('uploadMaterial', 'lifecycle', 'Upload decision material to the meeting or one of its agenda items', 'The new material (version 1)', one('material', Material), {
		description:
			"The body is the file. Its kind is decided by its bytes, which must match the name's extension (PDF, docx, xlsx, pptx, doc, xls, ppt, odt, ods, odp, png, jpg, gif, webp); an empty file, a program, a name with / \\ or control characters and a file over MATERIAL_MAX_BYTES (413) are refused and nothing is stored. Convener, compiler, preparer, chair, presenter, the customer's admin and supplier staff; 409 once the minutes are approved.",
		rawBody: { contentTypes: ['application/octet-stream'], description: 'The file' },
		query: {
			fileName: { schema: z.string(), description: 'The file name (its extension decides the kind)', required: true },
			agendaItemId: { schema: z.string(), description: "The agenda item's id (in the agenda document); absent: the whole meeting" },
			internal: { schema: z.enum(['true', 'false']), description: 'Supplier-internal: never shown to the customer (supplier staff only)' }
		},
		errors: [403, 409, 413]
	})
};
