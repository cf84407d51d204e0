import { App as AntApp, Button, Input, Popconfirm, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/use-api.ts";
import { errorText, LoadError } from "../../app/feedback.tsx";
import { deleteRegion, listRegions, type Region } from "./api.ts";
import { usePeriodText } from "./labels.tsx";
import { RegionFormModal } from "./region-form-modal.tsx";
import { buildRegionTree, filterRegions, type RegionNode } from "./region-tree.ts";

/** The region tree (行政区划): add a child, rename, set validity (abolish), delete one entered by mistake. */
export function RegionsTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const period = usePeriodText();
  const regions = useApi((signal) => listRegions(signal), []);
  const [words, setWords] = useState("");
  const [form, setForm] = useState<{ parent?: Region; region?: Region } | undefined>(undefined);

  const remove = async (region: Region) => {
    try {
      await deleteRegion(region.code);
      message.success(t("organisations.regions.deletedOk", { name: region.name }));
      regions.reload();
    } catch (failure) {
      message.error(errorText(failure, t));
    }
  };

  const columns: TableColumnsType<RegionNode> = [
    { key: "name", title: t("organisations.regions.name"), dataIndex: "name" },
    { key: "code", title: t("organisations.regions.code"), dataIndex: "code" },
    {
      key: "level",
      title: t("organisations.regions.level"),
      render: (_, r) => t(`organisations.levels.${r.level}`),
    },
    { key: "suffix", title: t("organisations.regions.placeName"), render: (_, r) => r.placeNameSuffix },
    {
      key: "validity",
      title: t("organisations.regions.validity"),
      render: (_, r) => (
        <>
          {period(r.validFrom, r.validTo)}
          {r.isAbolished && (
            <Tag className="org-tag-gap org-tag-red">{t("organisations.regions.abolished")}</Tag>
          )}
        </>
      ),
    },
    {
      key: "actions",
      title: t("organisations.actions"),
      render: (_, r) => (
        <Space wrap>
          {r.abilities.createChild && (
            <Button
              size="small"
              aria-label={t("organisations.regions.addChildLabel", { name: r.name })}
              onClick={() => setForm({ parent: r })}
            >
              {t("organisations.regions.addChild")}
            </Button>
          )}
          {r.abilities.update && (
            <Button
              size="small"
              aria-label={t("organisations.regions.editLabel", { name: r.name })}
              onClick={() => setForm({ region: r })}
            >
              {t("organisations.edit")}
            </Button>
          )}
          {r.abilities.delete && !r.children && (
            <Popconfirm
              title={t("organisations.regions.deleteConfirm", { name: r.name })}
              okText={t("organisations.regions.delete")}
              cancelText={t("organisations.cancel")}
              onConfirm={() => void remove(r)}
            >
              <Button
                size="small"
                danger
                aria-label={t("organisations.regions.deleteLabel", { name: r.name })}
              >
                {t("organisations.regions.delete")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const items = regions.data?.items ?? [];
  const rows: RegionNode[] = words.trim() ? filterRegions(items, words) : buildRegionTree(items);

  return (
    <section aria-labelledby="regions-title">
      <h2 id="regions-title" className="visually-hidden">
        {t("organisations.tabs.regions")}
      </h2>
      <p>{t("organisations.regions.intro")}</p>
      <div className="org-search">
        <label htmlFor="region-words">{t("organisations.regions.search")}</label>
        <Input
          id="region-words"
          allowClear
          value={words}
          onChange={(event) => setWords(event.target.value)}
          placeholder={t("organisations.regions.searchPlaceholder")}
          className="org-search-input"
        />
      </div>
      {regions.error !== undefined && <LoadError error={regions.error} onRetry={regions.reload} />}
      <Table<RegionNode>
        rowKey="code"
        columns={columns}
        dataSource={rows}
        loading={regions.isLoading}
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        expandable={{ defaultExpandAllRows: true }}
        // The tree is rebuilt when a search starts or ends; a new key re-applies "expand all".
        key={words.trim() ? "search" : `tree-${items.length}`}
      />
      {form && regions.data && (
        <RegionFormModal
          {...form}
          onCancel={() => setForm(undefined)}
          onDone={(region) => {
            setForm(undefined);
            message.success(t("organisations.regions.savedOk", { name: region.name }));
            regions.reload();
          }}
        />
      )}
    </section>
  );
}
