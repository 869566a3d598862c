/** The OpenAPI description of /api/v1/meetings/{id}/attendance; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { AttendanceInput } from '$lib/server/domain/meetings/attendance.service';
import { Attendance } from '$lib/server/http/openapi-lifecycle';

export const openapi: RouteDescription = {
	GET: {
		operationId: 'getAttendance',
		tag: 'meetings',
		summary: 'Who was invited and who attended, by side',
		success: { status: 200, description: 'Attendance', schema: z.strictObject({ attendance: Attendance }) }
	},
	PUT: {
		operationId: 'markAttendance',
		tag: 'meetings',
		summary: 'Mark attendance (chair, minute-taker or supplier staff)',
		description: 'Each entry sets one invitee to attended, absent or excused (null clears it). Only invitees can be marked; approved minutes freeze attendance (409).',
		body: { AttendanceInput },
		success: { status: 200, description: 'Attendance after the change', schema: z.strictObject({ attendance: Attendance }) },
		errors: [403, 409]
	}
};
