/** The OpenAPI description of /api/v1/meetings/{id}/attendance; assembled by $lib/server/http/openapi. */
import { z } from 'zod';
import type { RouteDescription } from '$lib/server/http/openapi';
import { ok } from '$lib/server/http/openapi-schemas';
import { AttendanceInput } from '$lib/server/domain/meetings/attendance.service';
import { Attendance } from '$lib/server/http/openapi-lifecycle';

export const openapi: RouteDescription = {
	GET: ok('getAttendance', 'meetings', 'Who was invited and who attended, by side', 'Attendance', z.strictObject({ attendance: Attendance })),
	PUT: ok('markAttendance', 'meetings', 'Mark attendance (chair, minute-taker or supplier staff)', 'Attendance after the change', z.strictObject({ attendance: Attendance }), {
		description: 'Each entry sets one invitee to attended, absent or excused (null clears it). Only invitees can be marked; approved minutes freeze attendance (409).',
		body: { AttendanceInput },
		errors: [403, 409]
	})
};
