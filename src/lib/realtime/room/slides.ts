/** The slide deck of the live room: the same order for every meeting, so the room only shares an index. */
export const SLIDE_KEYS = ['overview', 'sla', 'trend', 'kpi', 'incidents', 'escalations', 'changes', 'invoicing'] as const;
export type SlideKey = (typeof SLIDE_KEYS)[number];
