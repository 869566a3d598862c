/**
 * What a customer-page form shows after a failed submit: the line above the
 * form and the message of each field, already in the user's language. The
 * page translates them (one place), the feature components only show them.
 */
export interface FormFeedback {
	failed: boolean;
	/** the summary line above the form ('' when it did not fail) */
	alert: string;
	fields: Record<string, string>;
}

export const NO_FEEDBACK: FormFeedback = { failed: false, alert: '', fields: {} };
