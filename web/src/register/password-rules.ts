/** The rules a new password must meet, as the server checks them (registration schema). */
export const passwordRules = [
  { key: "length", test: (password: string) => password.length >= 8 },
  { key: "letter", test: (password: string) => /[A-Za-z]/.test(password) },
  { key: "digit", test: (password: string) => /\d/.test(password) },
] as const;

/** One rule's key, for its message. */
export type PasswordRule = (typeof passwordRules)[number]["key"];

/** Which rules the password meets, in the order they are shown. */
export function checkPassword(password: string): { key: PasswordRule; isMet: boolean }[] {
  return passwordRules.map((rule) => ({ key: rule.key, isMet: rule.test(password) }));
}

/** True when the password meets every rule. */
export function isStrongEnough(password: string): boolean {
  return checkPassword(password).every((rule) => rule.isMet);
}
