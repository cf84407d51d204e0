/**
 * Text for the PDF writer: how a string is encoded for the STSong-Light font under the UniGB-UCS2-H
 * CMap (two bytes per character, UCS-2 big-endian), and how wide it is.
 *
 * Widths follow the font's declaration in writer.ts: every printable ASCII character (CIDs 1–95 of
 * Adobe-GB1) is half an em, everything else a full em — Chinese characters and full-width punctuation
 * are square in every 宋体, so the reader's substitute font lines up with our wrapping.
 */

/** What stands in for a character outside the Basic Multilingual Plane, which UCS-2 cannot carry: 〓 (geta mark), the typesetters' sign for a missing glyph. */
export const MISSING_GLYPH = "〓";

/** Normalises text for the font: tabs and control characters become spaces, characters beyond the BMP become 〓. */
export function printable(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x20;
    if (code > 0xffff) out += MISSING_GLYPH;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += " ";
    else out += char;
  }
  return out;
}

/** The text as a PDF hex string of UCS-2 big-endian codes, e.g. `<6D4B8BD5>` for 测试. */
export function pdfHexString(text: string): string {
  let hex = "";
  for (const char of printable(text)) {
    hex += (char.codePointAt(0) ?? 0x20).toString(16).toUpperCase().padStart(4, "0");
  }
  return `<${hex}>`;
}

/** A string for the document information dictionary: UTF-16BE with its byte-order mark, as hex. */
export function pdfInfoString(text: string): string {
  return `<FEFF${pdfHexString(text).slice(1, -1)}>`;
}

/** Advance of one character in thousandths of an em. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x20 && code <= 0x7e ? 500 : 1000;
}

/** Width of a text in points at a font size. */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const char of printable(text)) units += charWidth(char);
  return (units * size) / 1000;
}

// 禁则 (line-breaking rules of Chinese typesetting): these never begin a line, so they hang in the margin instead…
const NO_LINE_START = new Set([..."，。、；：！？）》」』】〕”’…—·%,.;:!?)]}"]);
// …and these never end one, so they move down with the character they open.
const NO_LINE_END = new Set([..."（《「『【〔“‘([{"]);

// File names, decimals, dates and addresses (m3.pdf, 1.5, http://host:3000/progress) stay whole too.
const isWordChar = (char: string) => /[0-9A-Za-z\-_/@#&+=.:%]/.test(char);

/** Where a line may break before index i: between two characters unless both belong to one Latin word. */
function canBreakBefore(chars: readonly string[], i: number): boolean {
  const before = chars[i - 1];
  const here = chars[i];
  if (before === undefined || here === undefined) return false;
  if (NO_LINE_START.has(here) || NO_LINE_END.has(before)) return false;
  return !(isWordChar(before) && isWordChar(here));
}

/**
 * Wraps text into lines no wider than `width` points at `size`: breaks between Chinese characters
 * anywhere, keeps Latin words (numbers, codes) whole when they fit on a line, obeys 禁则, and honours
 * "\n". `firstIndent` shortens the first line (a paragraph's two-character indent).
 */
export function wrapText(text: string, size: number, width: number, firstIndent = 0): string[] {
  const lines: string[] = [];
  for (const hard of text.replace(/\r\n?/g, "\n").split("\n")) {
    let chars = [...printable(hard)];
    let room = width - (lines.length === 0 ? firstIndent : 0);
    if (chars.length === 0) lines.push("");
    while (chars.length > 0) {
      const cut = lineEnd(chars, size, room);
      lines.push(chars.slice(0, cut).join("").trimEnd());
      chars = chars.slice(cut);
      while (chars[0] === " ") chars = chars.slice(1);
      room = width;
    }
  }
  return lines;
}

/** How many of `chars` go on a line of `room` points. */
function lineEnd(chars: readonly string[], size: number, room: number): number {
  let used = 0;
  let fit = 0;
  while (fit < chars.length) {
    const w = (charWidth(chars[fit] as string) * size) / 1000;
    if (used + w > room + 0.001) break;
    used += w;
    fit++;
  }
  if (fit === chars.length) return fit;
  // Closing punctuation hangs past the margin rather than start the next line.
  while (fit < chars.length && NO_LINE_START.has(chars[fit] as string) && fit > 0) fit++;
  if (fit === chars.length || canBreakBefore(chars, fit)) return Math.max(fit, 1);
  for (let i = fit - 1; i > 0; i--) if (canBreakBefore(chars, i)) return i;
  // One word longer than the line: cut it.
  return Math.max(fit, 1);
}
