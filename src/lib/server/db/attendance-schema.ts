/** Row types of attendance and calendar feeds (migrations/2026-11-28T1300_attendance-calendar.ts). */

export type AttendanceStatus = 'attended' | 'absent' | 'excused';

export interface MeetingAttendanceTable {
	meeting_id: string;
	person_id: string;
	status: AttendanceStatus;
	updated_by: string | null;
	updated_at: string;
}

export interface CalendarFeedsTable {
	person_id: string;
	/** SHA-256 (hex) of the secret token in the feed URL */
	token_hash: string;
	created_at: string;
	last_used_at: string | null;
}

export interface AttendanceTables {
	meeting_attendance: MeetingAttendanceTable;
	calendar_feeds: CalendarFeedsTable;
}
