/**
 * The domain's own words, defined once (issue 20.3): the two parties of a
 * customer relation, the access levels, the meeting duties and the states of a
 * meeting. A client-safe module: the domain, the row types in db/schema.ts,
 * the wire contracts under realtime/ and the browser's components all import
 * them from here, each list with the type derived from it.
 */

/** The two sides of every customer relation: the supplier (leverantör) and the customer (kund). */
export const PARTIES = ['supplier', 'customer'] as const;
export type Party = (typeof PARTIES)[number];

/** What a person's account may do in general; duties in a meeting come on top. */
export const ACCESS_LEVELS = ['supplier_admin', 'supplier_staff', 'customer_admin', 'customer_member'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** The access levels a person of each party can be given, the ordinary one first. */
export const ACCESS_OF_PARTY: Readonly<Record<Party, readonly Access[]>> = {
	supplier: ['supplier_staff', 'supplier_admin'],
	customer: ['customer_member', 'customer_admin']
};

/**
 * The duties of a forum and its meetings (sammankallande, sammanställare,
 * ordförande, sekreterare, föredragande, beredare), in the catalogue's order.
 */
export const DUTIES = ['convener', 'compiler', 'chair', 'minute_taker', 'presenter', 'preparer'] as const;
export type Duty = (typeof DUTIES)[number];

/**
 * planned → agenda_published → in_progress → minutes_draft → minutes_approved
 * (justerat) → confirmed (at the next meeting's "previous minutes" item).
 * A meeting not yet started may be cancelled (inställt) instead.
 */
export const MEETING_STATUSES = ['planned', 'agenda_published', 'in_progress', 'minutes_draft', 'minutes_approved', 'confirmed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
