/**
 * The outline a new Samverkanshandbok (collaboration handbook) starts from:
 * one heading per chapter with an empty paragraph under it, seeded through the
 * minutes' seeding (headings as "agenda items").
 */
import type { AgendaItemTemplate } from '../governance/catalogue.types';

const CHAPTERS: [string, string][] = [
	['1. Syfte och omfattning', '1. Purpose and scope'],
	['2. Parter och kontaktvägar', '2. Parties and contacts'],
	['3. Samverkansforum och mötesplan', '3. Governance forums and meeting plan'],
	['4. Roller och ansvar', '4. Roles and responsibilities'],
	['5. Ärendehantering och eskalering', '5. Case handling and escalation'],
	['6. Ändringshantering och ändringsfönster', '6. Change management and change windows'],
	['7. Rapportering och uppföljning av SLA', '7. SLA reporting and follow-up'],
	['8. Informationssäkerhet', '8. Information security'],
	['9. Revidering av handboken', '9. Revising the handbook']
];

export const HANDBOOK_OUTLINE: AgendaItemTemplate[] = CHAPTERS.map(([sv, en]) => ({ kind: 'other', title: { sv, en }, minutes: 0 }));
