import type { Duty, Party } from '$lib/domain-types';
import type { ForumLevel } from '$lib/server/db/schema';

export interface Localized {
	sv: string;
	en: string;
}

export const FORUM_LEVELS: readonly ForumLevel[] = ['strategic', 'tactical', 'operational'] as const;

export { AGENDA_KINDS, type AgendaKind } from '$lib/governance/agenda-kinds';
import type { AgendaKind } from '$lib/governance/agenda-kinds';

export interface RoleDefinition {
	key: string;
	party: Party;
	name: Localized;
	/** the duties the governance model gives the role, one per line */
	description: Localized;
}

export interface AgendaItemTemplate {
	kind: AgendaKind;
	title: Localized;
	minutes: number;
}

export type ForumKey = 'cab' | 'operational' | 'tactical' | 'security' | 'strategic';

export interface ForumTemplateDefinition {
	key: ForumKey;
	level: ForumLevel;
	name: Localized;
	purpose: Localized;
	cadence: { minPerYear: number | null; maxPerYear: number | null; text: Localized };
	tasks: Localized[];
	agenda: AgendaItemTemplate[];
	/** role keys of the catalogue, per side */
	participants: { supplier: string[]; customer: string[] };
	/** the party that holds each duty by default ("Ansvar kan omfördelas till kund vid behov") */
	duties: Record<Duty, Party>;
	preparation: Localized | null;
	/** "material out N days before the meeting" for the forums made from it (absent or null: no rule) */
	materialLeadDays?: number | null;
}

/** What a forum carries from its template and may then edit. */
export interface ForumContent {
	purpose: Localized;
	cadenceText: Localized;
	tasks: Localized[];
	agenda: AgendaItemTemplate[];
	participants: { supplier: string[]; customer: string[] };
	preparation: Localized | null;
}
