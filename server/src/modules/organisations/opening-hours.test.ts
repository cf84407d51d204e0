import { describe, expect, it } from "vitest";
import { formatWeeklyText, OpeningHours, parseNotesText, parseWeeklyText } from "./opening-hours.ts";

describe("parseWeeklyText", () => {
  it("reads weekday ranges with split periods, and single days", () => {
    const parsed = parseWeeklyText("周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00");
    expect(parsed).toEqual({
      periods: [1, 2, 3, 4, 5]
        .flatMap((weekday) => [
          { weekday, open: "08:30", close: "12:00" },
          { weekday, open: "13:30", close: "17:30" },
        ])
        .concat([{ weekday: 6, open: "09:00", close: "12:00" }]),
    });
  });

  it.each([
    ["1-5 8:30-17:00", 5],
    ["工作日 08:30-17:00", 5],
    ["每天 09:00-21:00", 7],
    ["周一、周三 09:00-11:00", 2],
    ["星期六 09:00～12:00", 1],
    ["周日 09:00至12:00", 1],
  ])("reads %s as %i periods", (text, count) => {
    const parsed = parseWeeklyText(text);
    expect("periods" in parsed && parsed.periods).toHaveLength(count);
  });

  it.each([
    ["", "请填写办公时间"],
    ["周八 09:00-12:00", "无法识别"],
    ["周一至周五", "无法识别"],
    ["周一 9点-12点", "无法识别时段"],
    ["周一 25:00-26:00", "无法识别时段"],
    ["周一 12:00-09:00", "结束时间应晚于开始时间"],
    ["周一 09:00-12:00,11:00-13:00", "重叠"],
    ["周五至周一 09:00-12:00", "无法识别"],
  ])("refuses %j with a reason", (text, reason) => {
    const parsed = parseWeeklyText(text);
    expect("error" in parsed && parsed.error).toContain(reason);
  });
});

describe("formatWeeklyText", () => {
  it("groups consecutive days with equal times, and round-trips", () => {
    const text = "周一至周五 08:30-12:00,13:30-17:30；周六 09:00-12:00";
    const parsed = parseWeeklyText(text);
    if (!("periods" in parsed)) throw new Error(parsed.error);
    expect(formatWeeklyText(parsed.periods)).toBe(text);
  });

  it("does not join days that are not consecutive", () => {
    const parsed = parseWeeklyText("周一、周三 09:00-11:00");
    if (!("periods" in parsed)) throw new Error(parsed.error);
    expect(formatWeeklyText(parsed.periods)).toBe("周一 09:00-11:00；周三 09:00-11:00");
  });
});

describe("OpeningHours", () => {
  it("refuses overlapping periods on one day and accepts 24:00 as a closing time", () => {
    const clash = OpeningHours.safeParse({
      periods: [
        { weekday: 1, open: "09:00", close: "12:00" },
        { weekday: 1, open: "11:00", close: "14:00" },
      ],
      notes: [],
    });
    expect(clash.success).toBe(false);
    const late = OpeningHours.safeParse({
      periods: [{ weekday: 6, open: "18:00", close: "24:00" }],
      notes: ["夜间服务"],
    });
    expect(late.success).toBe(true);
  });
});

describe("parseNotesText", () => {
  it("splits on Chinese and ASCII semicolons and drops blanks", () => {
    expect(parseNotesText("延时服务：工作日 17:30-19:00；周末服务：周六上午; ")).toEqual([
      "延时服务：工作日 17:30-19:00",
      "周末服务：周六上午",
    ]);
  });
});
