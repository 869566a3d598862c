/**
 * Names of the shared (Yjs) documents. The one place that formats and parses
 * them, used by the browser (which document to open), the collab server (which
 * document a connection asks for) and the API (which names a meeting has).
 *
 *   meeting.<uuid>.agenda    the agenda of one meeting
 *   meeting.<uuid>.minutes   the minutes (Lexical rich text) of one meeting
 *   meeting.<uuid>.internal  supplier-internal notes of one meeting (rich text, like the minutes)
 *   forum.<uuid>.actions     the activity list of a forum, across its meetings
 *   customer.<uuid>.handbook the collaboration handbook (Samverkanshandbok) of a customer (rich text)
 */
export type DocName =
	| { scope: 'meeting'; id: string; kind: 'agenda' | 'minutes' | 'internal' }
	| { scope: 'forum'; id: string; kind: 'actions' }
	| { scope: 'customer'; id: string; kind: 'handbook' };

export type DocKind = DocName['kind'];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
// Lowercase only: one document must have exactly one name, or two rooms could hold it.
const PATTERN = new RegExp(`^(?:(meeting)\\.(${UUID})\\.(agenda|minutes|internal)|(forum)\\.(${UUID})\\.(actions)|(customer)\\.(${UUID})\\.(handbook))$`);

export function formatDocName(name: DocName): string {
	return `${name.scope}.${name.id}.${name.kind}`;
}

/** Null for anything that is not exactly a document name we know. */
export function parseDocName(text: string): DocName | null {
	if (text.length > 100) return null;
	const m = PATTERN.exec(text);
	if (!m) return null;
	if (m[1] === 'meeting') return { scope: 'meeting', id: m[2], kind: m[3] as 'agenda' | 'minutes' | 'internal' };
	if (m[4] === 'forum') return { scope: 'forum', id: m[5], kind: 'actions' };
	return { scope: 'customer', id: m[8], kind: 'handbook' };
}

export const meetingAgendaDoc = (meetingId: string) => formatDocName({ scope: 'meeting', id: meetingId, kind: 'agenda' });
export const meetingMinutesDoc = (meetingId: string) => formatDocName({ scope: 'meeting', id: meetingId, kind: 'minutes' });
export const meetingInternalDoc = (meetingId: string) => formatDocName({ scope: 'meeting', id: meetingId, kind: 'internal' });
export const forumActionsDoc = (forumId: string) => formatDocName({ scope: 'forum', id: forumId, kind: 'actions' });
export const customerHandbookDoc = (customerId: string) => formatDocName({ scope: 'customer', id: customerId, kind: 'handbook' });

/** URL path prefix of the collab server; a client connects to `${COLLAB_PATH}/<docName>`. */
export const COLLAB_PATH = '/collab';
