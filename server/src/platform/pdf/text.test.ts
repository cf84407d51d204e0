import { describe, expect, it } from "vitest";
import { decodeHex } from "./read-pdf.ts";
import { MISSING_GLYPH, pdfHexString, pdfInfoString, textWidth, wrapText } from "./text.ts";

describe("PDF text encoding", () => {
  it("writes Chinese, full-width punctuation and ASCII as UCS-2 big-endian hex", () => {
    expect(pdfHexString("测试")).toBe("<6D4B8BD5>");
    expect(pdfHexString("A1：")).toBe("<00410031FF1A>");
    for (const text of ["受理回执", "陈晓明：您好！", "No. 11320200MB3200016", "（一）〔2026〕“引号”"]) {
      expect(decodeHex(pdfHexString(text).slice(1, -1))).toBe(text);
    }
  });

  it("replaces what UCS-2 cannot carry and control characters", () => {
    expect(decodeHex(pdfHexString("𠮷野\t家").slice(1, -1))).toBe(`${MISSING_GLYPH}野 家`);
  });

  it("marks information strings as UTF-16 with a byte-order mark", () => {
    expect(pdfInfoString("回执")).toBe("<FEFF56DE6267>");
  });

  it("measures Chinese as one em and ASCII as half", () => {
    expect(textWidth("受理", 10)).toBe(20);
    expect(textWidth("AB12", 10)).toBe(20);
    expect(textWidth("第1页", 12)).toBe(30);
  });
});

describe("wrapping", () => {
  const fits = (lines: string[], size: number, width: number) =>
    lines.every((line) => textWidth(line, size) <= width + 0.001);

  it("breaks Chinese text anywhere and keeps every character", () => {
    const text = "根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知您需要补正的全部内容如下";
    const lines = wrapText(text, 10, 100);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join("")).toBe(text);
    expect(fits(lines, 10, 100)).toBe(true);
    expect(lines.slice(0, -1).every((line) => textWidth(line, 10) >= 90)).toBe(true);
  });

  it("hangs closing punctuation rather than start a line with it (禁则)", () => {
    const lines = wrapText("一二三四五，六七", 10, 50);
    expect(lines[0]).toBe("一二三四五，");
    expect(lines.some((line) => /^[，。、；：）」》]/.test(line))).toBe(false);
  });

  it("moves an opening bracket down with what it opens", () => {
    const lines = wrapText("一二三四《五六》", 10, 50);
    expect(lines[0]).toBe("一二三四");
    expect(lines[1]).toBe("《五六》");
  });

  it("keeps a Latin word whole when it fits a line, cuts it when it cannot", () => {
    const number = "11320200MB320001633322000100200";
    const lines = wrapText(`办件编号${number}已受理`, 10, 200);
    expect(lines.some((line) => line.includes(number))).toBe(true);
    const file = wrapText("材料文件（m3.pdf）已收", 10, 80);
    expect(file.some((line) => line.includes("m3.pdf"))).toBe(true);
    const long = wrapText(number, 10, 40);
    expect(long.join("")).toBe(number);
    expect(fits(long, 10, 40)).toBe(true);
  });

  it("breaks at spaces between words and honours new lines", () => {
    expect(wrapText("alpha beta gamma", 10, 60)).toEqual(["alpha beta", "gamma"]);
    expect(wrapText("第一行\n第二行", 10, 500)).toEqual(["第一行", "第二行"]);
    expect(wrapText("", 10, 100)).toEqual([""]);
  });

  it("shortens the first line by the indent", () => {
    const lines = wrapText("一二三四五六七八九十", 10, 60, 20);
    expect(lines[0]).toBe("一二三四");
    expect(lines[1]).toBe("五六七八九十");
  });
});
