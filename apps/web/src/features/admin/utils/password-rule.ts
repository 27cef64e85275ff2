/** The API refuses shorter passwords; the forms state the rule next to the field. */
export const MIN_PASSWORD_LENGTH = 12;

export const PASSWORD_RULE = `At least ${MIN_PASSWORD_LENGTH} characters.`;
