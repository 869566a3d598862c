/**
 * Exports of approved minutes. Only what approval froze is exported (the
 * latest `minutes_versions` row of kind 'approved'), plus the dated addenda
 * written after it, so an export never shows text nobody approved.
 */
import type { Executor } from '$lib/server/db';
import type { Actor } from '../actor';
import { conflict, invalid } from '../errors';
import { readFrozenFigures } from '../meeting-core/frozen-figures';
import { requireMeeting } from '../meeting-core/meeting-context';
import type { MinutesModel } from '../meeting-core/minutes-model';
import { findApprovedVersion, listAddendumRows } from '../meetings/minutes.repository';
import { authorize } from '../policy';
import { CONTENT_TYPES, isExportFormat, type ExportedFile } from './export-format';
import type { ExportLocale } from './labels';
import { minutesToHtml } from './minutes-html';
import { minutesToMarkdown } from './minutes-markdown';
import { exportFileName } from './minutes-outline';
import { minutesToPdf } from './minutes-pdf';

/** The approved model with every addendum written since, oldest first. */
export async function approvedMinutes(db: Executor, actor: Actor, meetingId: string): Promise<MinutesModel> {
	const meeting = await requireMeeting(db, meetingId);
	authorize(actor, 'minutes.export', { customerId: meeting.customer_id, kind: 'Meeting' });
	const approved = await findApprovedVersion(db, meeting.id);
	if (!approved) throw conflict('The minutes are not approved yet: only approved (justerade) minutes can be exported');
	const frozen = JSON.parse(approved.content) as Partial<MinutesModel> & Pick<MinutesModel, 'meeting'>;
	// Versions frozen by an older release may lack lists added since; render them empty rather than fail.
	const model: MinutesModel = {
		attendees: [],
		agenda: [],
		blocks: [],
		decisions: [],
		approvals: [],
		addenda: [],
		material: [],
		...frozen,
		figures: readFrozenFigures(frozen.figures),
		actions: { new: [], closed: [], open: [], ...frozen.actions }
	};
	const addenda = await listAddendumRows(db, meeting.id);
	const known = new Set(model.addenda.map((a) => `${a.at}\u0000${a.text}`));
	const later = addenda
		.map((r) => ({ at: r.created_at, by: r.name ?? '', text: String((JSON.parse(r.content) as { text?: unknown }).text ?? '') }))
		.filter((a) => !known.has(`${a.at}\u0000${a.text}`));
	return { ...model, addenda: [...model.addenda, ...later] };
}

export async function exportMinutes(db: Executor, actor: Actor, meetingId: string, format: string, locale: ExportLocale): Promise<ExportedFile> {
	if (!isExportFormat(format)) throw invalid('Unknown export format: use pdf, html or md', { format: 'export.format' });
	const model = await approvedMinutes(db, actor, meetingId);
	const body =
		format === 'pdf' ? await minutesToPdf(model, locale) : format === 'html' ? minutesToHtml(model, locale) : minutesToMarkdown(model, locale);
	return { body, contentType: CONTENT_TYPES[format], fileName: exportFileName(model, format) };
}
