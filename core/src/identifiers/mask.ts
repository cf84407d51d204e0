// Identifiers of people are personal data: lists and logs show only enough to tell records apart.

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return "*".repeat(value.length);
  return value.slice(0, keepStart) + "*".repeat(value.length - keepStart - keepEnd) + value.slice(-keepEnd);
}

/** Masks a 公民身份号码 to its region code and last four characters: 110105********0016. */
export function maskCitizenId(value: string): string {
  return maskMiddle(value, 6, 4);
}

/** Masks a mobile number to its first three and last four digits: 138****5678. */
export function maskMobile(value: string): string {
  return maskMiddle(value, 3, 4);
}
