import {
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useApi } from "../../api/use-api.ts";
import { todayInShanghai } from "../../app/dates.ts";
import { errorText, LoadError, usePageTitle } from "../../app/feedback.tsx";
import { createChange, getDiff, getItemHistory, type ItemHistory, type VersionEntry } from "./api.ts";
import { CatalogLoaded, CatalogNav, DiffTable, reviewTime } from "./catalog-parts.tsx";
import "./catalog.css";

/** One item for staff (/admin/catalog/items/:id): facts, version history with approvals, and a diff of any two versions. */
export function ItemPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const history = useApi((signal) => getItemHistory(id, signal), [id]);
  usePageTitle(history.data?.item.content.name ?? t("catalogAdmin.item.title"));

  return <CatalogLoaded loaded={history}>{(data) => <ItemView history={data} />}</CatalogLoaded>;
}

function ItemView({ history }: { history: ItemHistory }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { item, versions, abilities } = history;
  const [isCancelling, setIsCancelling] = useState(false);
  const { pendingChange } = history;
  // One open change per item: while one is pending, the page leads to it instead of starting another.
  const mayChange = abilities.change && !pendingChange && item.status === "active";
  const mayCancel = abilities.cancel && !pendingChange && item.status === "active";

  const columns: TableColumnsType<VersionEntry> = [
    { key: "version", title: t("catalogAdmin.item.version"), dataIndex: "version", align: "right" },
    { key: "effectiveFrom", title: t("catalogAdmin.item.effectiveFrom"), dataIndex: "effectiveFrom" },
    {
      key: "publishedAt",
      title: t("catalogAdmin.item.publishedAt"),
      render: (_, v) => reviewTime(v.publishedAt),
    },
    {
      key: "publishedBy",
      title: t("catalogAdmin.item.publishedBy"),
      render: (_, v) => v.publishedBy?.name ?? "—",
    },
    {
      key: "approvals",
      title: t("catalogAdmin.item.approvals"),
      render: (_, v) =>
        v.approvals.length === 0 ? (
          "—"
        ) : (
          <ul className="catalog-approvals">
            {v.approvals.map((a) => (
              <li key={`${a.stage}|${a.decidedAt}`}>
                {t("catalogAdmin.item.approval", {
                  stage: t(`catalogAdmin.stage.${a.stage}`),
                  name: a.reviewer.name,
                  at: reviewTime(a.decidedAt),
                })}
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: "change",
      title: t("catalogAdmin.item.changeRequest"),
      render: (_, v) =>
        v.changeRequestId ? (
          <Link to={`/admin/catalog/changes/${v.changeRequestId}`}>{t("catalogAdmin.item.openChange")}</Link>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <div className="page catalog-page">
      <CatalogNav />
      <Typography.Title level={1}>{item.content.name}</Typography.Title>
      <Space wrap className="catalog-actions">
        <Link to={`/items/${item.id}`}>{t("catalogAdmin.item.publicGuide")}</Link>
        {pendingChange && (
          <Link to={`/admin/catalog/changes/${pendingChange.id}`}>
            {t("catalogAdmin.item.pending", { number: pendingChange.number })}
          </Link>
        )}
        {mayChange && (
          <Button type="primary" onClick={() => void navigate(`/admin/catalog/edit?item=${item.id}`)}>
            {t("catalogAdmin.item.change")}
          </Button>
        )}
        {mayCancel && <Button onClick={() => setIsCancelling(true)}>{t("catalogAdmin.item.cancel")}</Button>}
      </Space>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: "ref", label: t("catalogAdmin.list.ref"), children: item.ref },
          { key: "department", label: t("catalogAdmin.list.department"), children: item.department.name },
          { key: "version", label: t("catalogAdmin.item.version"), children: item.version },
          { key: "effectiveFrom", label: t("catalogAdmin.item.effectiveFrom"), children: item.effectiveFrom },
          {
            key: "status",
            label: t("catalogAdmin.list.status"),
            children: t(`catalogAdmin.itemStatus.${item.status}`),
          },
          {
            key: "code",
            label: t("catalogAdmin.editor.implementationCode"),
            children: item.content.implementationCode,
          },
        ]}
      />
      <section aria-labelledby="versions-title">
        <Typography.Title level={2} id="versions-title">
          {t("catalogAdmin.item.versions")}
        </Typography.Title>
        <Table<VersionEntry>
          rowKey="version"
          columns={columns}
          dataSource={[...versions].sort((a, b) => b.version - a.version)}
          pagination={false}
          size="small"
        />
      </section>
      {versions.length > 1 && <VersionDiff itemId={item.id} versions={versions.map((v) => v.version)} />}
      <CancelItemModal open={isCancelling} itemId={item.id} onClose={() => setIsCancelling(false)} />
    </div>
  );
}

/** Picks two versions and shows what changed between them, side by side. */
function VersionDiff({ itemId, versions }: { itemId: string; versions: number[] }) {
  const { t } = useTranslation();
  const sorted = [...versions].sort((a, b) => a - b);
  const latest = sorted[sorted.length - 1] ?? 1;
  const [from, setFrom] = useState(sorted[sorted.length - 2] ?? latest);
  const [to, setTo] = useState(latest);
  useEffect(() => {
    setTo(latest);
  }, [latest]);
  const diff = useApi((signal) => getDiff(itemId, from, to, signal), [itemId, from, to]);
  const options = sorted.map((v) => ({
    value: v,
    label: t("catalogAdmin.item.versionLabel", { version: v }),
  }));

  return (
    <section aria-labelledby="diff-title">
      <Typography.Title level={2} id="diff-title">
        {t("catalogAdmin.item.diff")}
      </Typography.Title>
      <Space wrap className="catalog-filters">
        <Select
          aria-label={t("catalogAdmin.item.from")}
          virtual={false}
          value={from}
          onChange={setFrom}
          options={options}
          style={{ minWidth: 120 }}
        />
        <span aria-hidden>→</span>
        <Select
          aria-label={t("catalogAdmin.item.to")}
          virtual={false}
          value={to}
          onChange={setTo}
          options={options}
          style={{ minWidth: 120 }}
        />
      </Space>
      {diff.error ? (
        <LoadError error={diff.error} onRetry={diff.reload} />
      ) : (
        <DiffTable
          changes={diff.data?.changes ?? []}
          caption={t("catalogAdmin.item.diffCaption", { from, to })}
        />
      )}
    </section>
  );
}

/** Opens a cancel change request (注销) with its effective date and reason. */
function CancelItemModal({ open, itemId, onClose }: { open: boolean; itemId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ effectiveFrom: string; reason: string }>();
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (values: { effectiveFrom: string; reason: string }) => {
    setIsBusy(true);
    try {
      const change = await createChange({ kind: "cancel", itemId, ...values });
      onClose();
      await navigate(`/admin/catalog/changes/${change.id}`);
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("catalogAdmin.item.cancelTitle")}
      okText={t("catalogAdmin.item.cancelSubmit")}
      cancelText={t("catalogAdmin.close")}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveFrom: todayInShanghai() }}
        onFinish={submit}
      >
        <Form.Item
          name="effectiveFrom"
          label={t("catalogAdmin.editor.effectiveFrom")}
          rules={[{ required: true, message: t("catalogAdmin.validation.required") }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("catalogAdmin.editor.reason")}
          rules={[{ required: true, whitespace: true, message: t("catalogAdmin.validation.required") }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
