/**
 * Residents' free text (a report's description, a ticket event's note) as a reader without the duty officer's role
 * sees it: phone numbers, 身份证 numbers and house numbers are replaced by a label naming what was there, so the text still says
 * what happened and where in the street, but not who called or which door. Dates, times, counts and distances stay.
 */
export function maskPersonalData(text: string): string {
  return PATTERNS.reduce((masked, { pattern, replacement }) => masked.replace(pattern, replacement), text);
}

export const MASKS = { idNumber: '[身份证号]', phone: '[电话]', houseNumber: '[门牌号]' } as const;

/** Digits that are not part of a longer run of digits, so a pattern never cuts into a bigger number. */
const notAfterDigit = String.raw`(?<![0-9０-９])`;
const notBeforeDigit = String.raw`(?![0-9０-９])`;

const PATTERNS: ReadonlyArray<{ pattern: RegExp; replacement: string }> = [
  // 身份证: 6-digit area, birth date, sequence and check digit (0-9 or X); first, as it holds 11 digits that look like a mobile.
  { pattern: new RegExp(`${notAfterDigit}\\d{17}[\\dXx]${notBeforeDigit}`, 'g'), replacement: MASKS.idNumber },
  // Mainland mobile, with or without +86 and the usual 3-4-4 spacing.
  { pattern: new RegExp(`${notAfterDigit}(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}${notBeforeDigit}`, 'g'), replacement: MASKS.phone },
  // Landline with its area code: 0771-5551234, (0771)5551234, 0771 5551234, 010-12345678.
  { pattern: new RegExp(`(?:[(（]0\\d{2,3}[)）]\\s?|${notAfterDigit}0\\d{2,3}[- ]?)\\d{7,8}${notBeforeDigit}`, 'g'), replacement: MASKS.phone },
  // A local number without area code only where the text says it is one: 电话5551234, 联系方式：5551234.
  { pattern: new RegExp(`(电话|手机|座机|联系方式|联系电话|tel|Tel|TEL)([:：\\s]*)\\d{7,8}${notBeforeDigit}`, 'g'), replacement: `$1$2${MASKS.phone}` },
  // Building, unit and room: 3栋2单元401, 5号楼1单元, 2幢301室, 12号, 401室, 1202房. "12月3号" (a date) and "3号线" stay.
  {
    pattern: new RegExp(
      `${notAfterDigit}(?<!月)\\d+(?:号楼|栋|幢|座)(?:\\d+单元)?(?:\\d+(?:室|号|房)?)?|${notAfterDigit}\\d+单元(?:\\d+(?:室|号|房)?)?|${notAfterDigit}\\d+(?:室|房)(?!间)|${notAfterDigit}(?<!月)\\d+号(?![线楼])`,
      'g',
    ),
    replacement: MASKS.houseNumber,
  },
];
