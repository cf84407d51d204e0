import { Alert, Form, Input, Modal, TreeSelect } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../app/feedback.tsx";
import { createPlace, type Place, type Region, updatePlace } from "./api.ts";
import { HoursFields, type HoursValues, hoursValues, openingHoursOf } from "./hours-fields.tsx";
import { buildRegionTree, regionPickerData } from "./region-tree.ts";

interface PlaceFields extends HoursValues {
  regionCode?: string;
  name: string;
  address: string;
  phone: string;
}

/**
 * Opens a place (`place` absent) or edits one. The name must end with the standard suffix the chosen
 * region's level calls for (政务服务中心 / 便民服务中心 / 便民服务站) — the server says which, per region.
 */
export function PlaceFormModal({
  place,
  regions,
  onCancel,
  onDone,
}: {
  place?: Place;
  regions: Region[];
  onCancel: () => void;
  onDone: (place: Place) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlaceFields>();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const regionCode = Form.useWatch("regionCode", form) ?? place?.region.code;
  const region = regions.find((r) => r.code === regionCode);

  const submit = async (fields: PlaceFields) => {
    setIsBusy(true);
    setError(undefined);
    try {
      const input = {
        name: fields.name.trim(),
        regionCode: fields.regionCode ?? "",
        address: fields.address.trim(),
        phone: fields.phone?.trim() || null,
        openingHours: openingHoursOf(fields),
      };
      onDone(place ? await updatePlace(place.id, input) : await createPlace(input));
    } catch (failure) {
      setError(failure);
      setIsBusy(false);
    }
  };

  return (
    <Modal
      open
      title={
        place
          ? t("organisations.places.editTitle", { name: place.name })
          : t("organisations.places.createTitle")
      }
      okText={t("organisations.save")}
      cancelText={t("organisations.cancel")}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={720}
    >
      <Form<PlaceFields>
        form={form}
        name={place ? "place-edit" : "place-create"}
        layout="vertical"
        initialValues={{
          regionCode: place?.region.code,
          name: place?.name ?? "",
          address: place?.address ?? "",
          phone: place?.phone ?? "",
          ...hoursValues(place?.openingHours),
        }}
        onFinish={(fields) => void submit(fields)}
      >
        <Form.Item
          name="regionCode"
          label={t("organisations.places.region")}
          rules={[{ required: true, message: t("organisations.places.regionRequired") }]}
        >
          <TreeSelect
            virtual={false}
            showSearch={{ treeNodeFilterProp: "title" }}
            treeDefaultExpandAll
            treeData={regionPickerData(buildRegionTree(regions), (r) => r.abilities.createInside)}
            placeholder={t("organisations.places.regionPlaceholder")}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("organisations.places.name")}
          extra={
            region
              ? t("organisations.places.nameHint", {
                  suffix: region.placeNameSuffix,
                  example: `${region.name}${region.placeNameSuffix}`,
                })
              : t("organisations.places.nameHintNoRegion")
          }
          dependencies={["regionCode"]}
          rules={[
            { required: true, whitespace: true, message: t("organisations.places.nameRequired") },
            {
              validator: async (_, value: string | undefined) => {
                const name = value?.trim() ?? "";
                if (!region || !name) return;
                if (!name.endsWith(region.placeNameSuffix) || name === region.placeNameSuffix) {
                  throw new Error(
                    t("organisations.places.nameNotStandard", { suffix: region.placeNameSuffix }),
                  );
                }
              },
            },
          ]}
        >
          <Input
            maxLength={100}
            placeholder={region ? `${region.name}${region.placeNameSuffix}` : undefined}
          />
        </Form.Item>
        <Form.Item
          name="address"
          label={t("organisations.places.address")}
          rules={[{ required: true, whitespace: true, message: t("organisations.places.addressRequired") }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("organisations.places.phone")}
          rules={[{ pattern: /^[0-9+\-() 转]{5,40}$/, message: t("organisations.places.phoneInvalid") }]}
        >
          <Input maxLength={40} inputMode="tel" placeholder="0510-81821000" />
        </Form.Item>
        <HoursFields legend={t("organisations.places.hours")} />
        <div role="alert">
          {error !== undefined && <Alert type="error" showIcon title={errorText(error, t)} />}
        </div>
      </Form>
    </Modal>
  );
}
