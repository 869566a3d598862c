import { m } from '$lib/paraglide/messages';

export type Level = 'strategic' | 'tactical' | 'operational';

/** The governance levels from the top: strategic, tactical, operational. */
export const LEVELS: readonly Level[] = ['strategic', 'tactical', 'operational'];

export const levelLabel = (l: Level): string =>
	({ strategic: m.level_strategic(), tactical: m.level_tactical(), operational: m.level_operational() })[l];
