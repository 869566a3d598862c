/**
 * Field messages of the rule "nobody disables their own account or lowers
 * their own access" (people.service.ts). Shared so the pages can show them in
 * the user's language and tests can match them exactly.
 */
export const CANNOT_DISABLE_SELF = 'You cannot disable your own account';
export const CANNOT_LOWER_OWN_ACCESS = 'You cannot lower your own access';
