import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { OpeningHours } from "./api.ts";
import { type HoursRow, overlaps, periodsFromRows, rowsFromPeriods } from "./hours.ts";
import { useWeekdayName } from "./labels.tsx";

/** The form values the hours fields hold: editor rows and notes. */
export interface HoursValues {
  hours: HoursRow[];
  notes: string[];
}

/** Form values from stored hours (a new place starts with office hours on weekdays). */
export function hoursValues(hours: OpeningHours | null | undefined): HoursValues {
  if (!hours) return { hours: [{ days: [1, 2, 3, 4, 5], open: "08:30", close: "17:30" }], notes: [] };
  return { hours: rowsFromPeriods(hours.periods), notes: hours.notes };
}

/** Stored hours from the form values. */
export function openingHoursOf(values: HoursValues): OpeningHours {
  return {
    periods: periodsFromRows(values.hours ?? []),
    notes: (values.notes ?? []).map((n) => n.trim()).filter(Boolean),
  };
}

/**
 * Weekly hours in rows (the same times on chosen weekdays) plus notes such as 延时服务 or 周末服务.
 * Lives inside a form whose values include `hours` and `notes`.
 */
export function HoursFields({ legend }: { legend: string }) {
  const { t } = useTranslation();
  const dayName = useWeekdayName();
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: dayName(d) }));
  const presets = ["延时服务", "周末服务", "午间不间断服务", "预约服务"].map((value) => ({
    value,
    label: value,
  }));

  return (
    <fieldset className="org-fieldset">
      <legend>{legend}</legend>
      <Form.List
        name="hours"
        rules={[
          {
            validator: async (_, rows: HoursRow[] | undefined) => {
              if (!rows || rows.length === 0) throw new Error(t("organisations.hours.required"));
              if (overlaps(periodsFromRows(rows.filter((r) => r?.days && r.open && r.close)))) {
                throw new Error(t("organisations.hours.overlap"));
              }
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => {
              const row = t("organisations.hours.row", { index: index + 1 });
              return (
                <div key={field.key} className="org-hours-row">
                  <Form.Item
                    className="org-hours-days"
                    name={[field.name, "days"]}
                    // A validator, not `required`: Ant Design would put aria-required on the group, which ARIA forbids.
                    rules={[
                      {
                        validator: async (_, value: number[] | undefined) => {
                          if (!value || value.length === 0)
                            throw new Error(t("organisations.hours.daysRequired"));
                        },
                      },
                    ]}
                  >
                    <Checkbox.Group
                      options={days}
                      role="group"
                      aria-label={`${row} ${t("organisations.hours.days")}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "open"]}
                    rules={[{ required: true, message: t("organisations.hours.timeRequired") }]}
                  >
                    <Input type="time" aria-label={`${row} ${t("organisations.hours.open")}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "close"]}
                    dependencies={[["hours", field.name, "open"]]}
                    rules={[
                      { required: true, message: t("organisations.hours.timeRequired") },
                      ({ getFieldValue }) => ({
                        validator: async (_, close: string | undefined) => {
                          const open: string | undefined = getFieldValue(["hours", field.name, "open"]);
                          if (close && open && close <= open)
                            throw new Error(t("organisations.hours.closeAfterOpen"));
                        },
                      }),
                    ]}
                  >
                    <Input type="time" aria-label={`${row} ${t("organisations.hours.close")}`} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t("common.remove")} ${row}`}
                    onClick={() => remove(field.name)}
                  />
                </div>
              );
            })}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ days: [6], open: "09:00", close: "12:00" })}
            >
              {t("organisations.hours.add")}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      <Form.Item
        name="notes"
        label={t("organisations.hours.notes")}
        extra={t("organisations.hours.notesHint")}
      >
        <Select mode="tags" virtual={false} options={presets} tokenSeparators={["；", ";"]} />
      </Form.Item>
    </fieldset>
  );
}
