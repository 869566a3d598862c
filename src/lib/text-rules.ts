/**
 * Which characters a text field may hold. Single-line fields (titles, names,
 * locations…) hold no line breaks or other control characters: they end up
 * in e-mail headers, iCalendar properties and CSV cells, where a line break
 * starts a new record. Multi-line fields (notes, descriptions) keep tab and
 * line breaks but no other control characters.
 *
 * Shared by the domain validation (field errors) and the pages, which show
 * the messages in the user's language.
 */

/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
const LINE_BREAK_OR_CONTROL = /[\p{Cc}\u2028\u2029]/u;
const LINE_BREAKS_OR_CONTROLS = /[\p{Cc}\u2028\u2029]+/gu;
/** Control characters other than tab, line feed and carriage return. */
const CONTROL_NOT_TAB_OR_NEWLINE = /(?![\t\n\r])\p{Cc}/u;
const CONTROLS_NOT_TAB_OR_NEWLINE = /(?![\t\n\r])\p{Cc}/gu;

export const NO_LINE_BREAKS = 'No line breaks or control characters';
export const NO_CONTROL_CHARACTERS = 'No control characters';

export const isSingleLine = (value: string): boolean => !LINE_BREAK_OR_CONTROL.test(value);
export const hasNoControlCharacters = (value: string): boolean => !CONTROL_NOT_TAB_OR_NEWLINE.test(value);

/** For output: every run of line breaks and control characters becomes one space. */
export const toSingleLine = (value: string): string => value.replace(LINE_BREAKS_OR_CONTROLS, ' ').trim();

/** For output: line breaks become \n, other control characters but tab go. */
export const toPlainText = (value: string): string => value.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(CONTROLS_NOT_TAB_OR_NEWLINE, '');
