import { PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, Select, Table, type TableColumnsType, TreeSelect } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { LoadError } from "../../app/feedback.tsx";
import { listPlaces, listRegions, type PlaceKind, type PlaceSummary } from "./api.ts";
import { PlaceKindTag } from "./labels.tsx";
import { PlaceFormModal } from "./place-form-modal.tsx";
import { buildRegionTree, regionPickerData } from "./region-tree.ts";

const PAGE_SIZE = 20;
const placeKinds: PlaceKind[] = ["service-centre", "convenience-centre", "convenience-station"];

interface Filter {
  q?: string;
  region?: string;
  kind?: PlaceKind;
}

/** The places inside the user's region: search by words, region and kind; open one to see its windows. */
export function PlacesTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? undefined;
  const region = params.get("region") ?? undefined;
  const kind = (params.get("kind") as PlaceKind | null) ?? undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const places = useApi(
    (signal) => listPlaces({ q, regionCode: region, kind, page, pageSize: PAGE_SIZE }, signal),
    [q, region, kind, page],
  );
  const regions = useApi((signal) => listRegions(signal), []);
  const [isCreating, setIsCreating] = useState(false);

  const search = (filter: Filter) => {
    const next = new URLSearchParams({ tab: "places" });
    if (filter.q?.trim()) next.set("q", filter.q.trim());
    if (filter.region) next.set("region", filter.region);
    if (filter.kind) next.set("kind", filter.kind);
    setParams(next);
  };

  const columns: TableColumnsType<PlaceSummary> = [
    {
      key: "name",
      title: t("organisations.places.name"),
      render: (_, place) => <Link to={`/admin/organisations/places/${place.id}`}>{place.name}</Link>,
    },
    {
      key: "kind",
      title: t("organisations.places.kind"),
      render: (_, place) => <PlaceKindTag kind={place.kind} />,
    },
    { key: "region", title: t("organisations.places.region"), render: (_, place) => place.region.name },
    { key: "address", title: t("organisations.places.address"), dataIndex: "address" },
    {
      key: "phone",
      title: t("organisations.places.phone"),
      render: (_, place) => place.phone ?? t("common.none"),
    },
    {
      key: "windows",
      title: t("organisations.places.windowCount"),
      dataIndex: "windowCount",
      align: "right",
    },
  ];

  return (
    <section aria-labelledby="places-title">
      <h2 id="places-title" className="visually-hidden">
        {t("organisations.tabs.places")}
      </h2>
      <Form<Filter>
        name="place-search"
        layout="inline"
        className="org-search"
        initialValues={{ q, region, kind }}
        onFinish={search}
      >
        <Form.Item name="q" label={t("organisations.places.searchWords")}>
          <Input allowClear placeholder={t("organisations.places.searchPlaceholder")} maxLength={50} />
        </Form.Item>
        <Form.Item name="region" label={t("organisations.places.region")}>
          <TreeSelect
            virtual={false}
            allowClear
            showSearch={{ treeNodeFilterProp: "title" }}
            className="org-region-picker"
            treeData={regionPickerData(buildRegionTree(regions.data?.items ?? []), () => true)}
            placeholder={t("organisations.places.anyRegion")}
          />
        </Form.Item>
        <Form.Item name="kind" label={t("organisations.places.kind")}>
          <Select
            virtual={false}
            allowClear
            className="org-kind-picker"
            placeholder={t("organisations.places.anyKind")}
            options={placeKinds.map((k) => ({ value: k, label: t(`organisations.placeKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t("common.search")}
          </Button>
        </Form.Item>
      </Form>
      <div className="org-toolbar">
        <p role="status" className="org-total">
          {places.data ? t("organisations.places.total", { total: places.data.total }) : ""}
        </p>
        {places.data?.abilities.create && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setIsCreating(true)}>
            {t("organisations.places.create")}
          </Button>
        )}
      </div>
      {places.error !== undefined && <LoadError error={places.error} onRetry={places.reload} />}
      <Table<PlaceSummary>
        rowKey="id"
        columns={columns}
        dataSource={places.data?.items ?? []}
        loading={places.isLoading}
        size="small"
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t("organisations.places.empty") }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: places.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (next) => {
            const copy = new URLSearchParams(params);
            copy.set("page", String(next));
            setParams(copy);
          },
        }}
      />
      {isCreating && regions.data && (
        <PlaceFormModal
          regions={regions.data.items}
          onCancel={() => setIsCreating(false)}
          onDone={(place) => void navigate(`/admin/organisations/places/${place.id}`)}
        />
      )}
    </section>
  );
}
