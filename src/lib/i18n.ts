/**
 * Helpers for bilingual content that comes from the database (forum names,
 * tasks, roles) next to Paraglide's compiled UI messages.
 */
import { getLocale } from '$lib/paraglide/runtime';

export interface Localized {
	sv: string;
	en: string;
}

export type Locale = 'sv' | 'en';

export const locale = (): Locale => getLocale() as Locale;

/** Picks the current language, falling back to Swedish (the source language). */
export const loc = (value: Localized | null | undefined): string => (value ? value[locale()] || value.sv : '');

/** For rows that store names as name_sv / name_en or nameSv / nameEn. */
export const locPair = (sv: string, en: string): string => (locale() === 'en' ? en || sv : sv);
