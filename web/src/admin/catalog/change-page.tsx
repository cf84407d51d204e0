import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { errorText, usePageTitle } from "../../app/feedback.tsx";
import {
  type ChangeDetail,
  type ChangeReview,
  getChange,
  reviewChange,
  submitChange,
  withdrawChange,
} from "./api.ts";
import {
  CatalogLoaded,
  CatalogNav,
  ChangeStatusTag,
  DiffTable,
  FilingDue,
  FindingList,
  kindText,
  reviewTime,
} from "./catalog-parts.tsx";
import { findingsOf } from "./findings.ts";
import "./catalog.css";

/**
 * One change request (/admin/catalog/changes/:id) as its reviewers open it: the diff against its base
 * version, the consistency findings, the filing deadline, earlier decisions, and the actions allowed now.
 */
export function ChangePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const detail = useApi((signal) => getChange(id, signal), [id]);
  usePageTitle(
    detail.data
      ? t("catalogAdmin.change.title", { number: detail.data.change.number })
      : t("catalogAdmin.change.loading"),
  );

  return (
    <CatalogLoaded loaded={detail}>
      {(data) => <ChangeView detail={data} reload={detail.reload} />}
    </CatalogLoaded>
  );
}

function ChangeView({ detail, reload }: { detail: ChangeDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { change, abilities } = detail;
  const [isReturning, setIsReturning] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [blocking, setBlocking] = useState(detail.findings.filter((f) => f.severity === "error").length > 0);
  const itemName = change.item?.name ?? change.name;

  const act = async (work: () => Promise<unknown>, done: string) => {
    setIsBusy(true);
    try {
      await work();
      message.success(done);
      reload();
    } catch (error) {
      if (error instanceof ApiError && findingsOf(error)) setBlocking(true);
      message.error(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };

  const reviewColumns: TableColumnsType<ChangeReview> = [
    {
      key: "stage",
      title: t("catalogAdmin.change.stage"),
      render: (_, r) => t(`catalogAdmin.stage.${r.stage}`),
    },
    {
      key: "decision",
      title: t("catalogAdmin.change.decision"),
      render: (_, r) => t(`catalogAdmin.decision.${r.decision}`),
    },
    { key: "reviewer", title: t("catalogAdmin.change.reviewer"), render: (_, r) => r.reviewer.name },
    {
      key: "decidedAt",
      title: t("catalogAdmin.change.decidedAt"),
      render: (_, r) => reviewTime(r.decidedAt),
    },
    { key: "reason", title: t("catalogAdmin.change.reason"), render: (_, r) => r.reason ?? "—" },
  ];

  return (
    <div className="page catalog-page">
      <CatalogNav />
      <Typography.Title level={1}>
        {t("catalogAdmin.change.title", { number: change.number })}
      </Typography.Title>
      <Space wrap className="catalog-actions">
        {abilities.edit && (
          <Button onClick={() => void navigate(`/admin/catalog/changes/${change.id}/edit`)}>
            {t("catalogAdmin.change.edit")}
          </Button>
        )}
        {abilities.submit && (
          <Button
            type="primary"
            loading={isBusy}
            onClick={() => act(() => submitChange(change.id), t("catalogAdmin.editor.submitted"))}
          >
            {t("catalogAdmin.editor.submit")}
          </Button>
        )}
        {abilities.review && (
          <>
            <Button
              type="primary"
              loading={isBusy}
              onClick={() =>
                act(() => reviewChange(change.id, { decision: "approve" }), t("catalogAdmin.change.approved"))
              }
            >
              {t("catalogAdmin.change.approve")}
            </Button>
            <Button danger onClick={() => setIsReturning(true)}>
              {t("catalogAdmin.change.return")}
            </Button>
          </>
        )}
        {abilities.withdraw && (
          <Button
            loading={isBusy}
            onClick={() => act(() => withdrawChange(change.id), t("catalogAdmin.change.withdrawn"))}
          >
            {t("catalogAdmin.change.withdraw")}
          </Button>
        )}
      </Space>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: "status",
            label: t("catalogAdmin.change.status"),
            children: <ChangeStatusTag status={change.status} />,
          },
          { key: "kind", label: t("catalogAdmin.change.kind"), children: kindText(change.kind, t) },
          {
            key: "item",
            label: t("catalogAdmin.change.item"),
            children: change.item ? (
              <Link to={`/admin/catalog/items/${change.item.id}`}>{itemName}</Link>
            ) : (
              itemName
            ),
          },
          { key: "base", label: t("catalogAdmin.change.baseVersion"), children: detail.base?.version ?? "—" },
          {
            key: "effectiveFrom",
            label: t("catalogAdmin.change.effectiveFrom"),
            children: change.effectiveFrom,
          },
          {
            key: "lawChangedOn",
            label: t("catalogAdmin.editor.lawChangedOn"),
            children: change.lawChangedOn ?? "—",
          },
          {
            key: "filingDue",
            label: t("catalogAdmin.change.filingDue"),
            children: <FilingDue filingDue={detail.filingDue} status={change.status} />,
          },
          { key: "author", label: t("catalogAdmin.change.author"), children: change.author?.name ?? "—" },
          { key: "reason", label: t("catalogAdmin.change.reason"), children: change.reason, span: "filled" },
        ]}
      />
      <section aria-labelledby="change-diff-title">
        <Typography.Title level={2} id="change-diff-title">
          {t("catalogAdmin.change.diff")}
        </Typography.Title>
        <DiffTable
          changes={detail.changes}
          caption={
            detail.base
              ? t("catalogAdmin.change.diffCaption", { version: detail.base.version })
              : t("catalogAdmin.change.diffCaptionNew")
          }
        />
      </section>
      <section aria-labelledby="change-findings-title">
        <Typography.Title level={2} id="change-findings-title">
          {t("catalogAdmin.editor.findings")}
        </Typography.Title>
        {blocking && <Alert type="error" showIcon title={t("catalogAdmin.editor.blocked")} />}
        <FindingList findings={detail.findings} />
      </section>
      <section aria-labelledby="change-reviews-title">
        <Typography.Title level={2} id="change-reviews-title">
          {t("catalogAdmin.change.reviews")}
        </Typography.Title>
        <Table<ChangeReview>
          rowKey={(r) => `${r.stage}|${r.decidedAt}`}
          columns={reviewColumns}
          dataSource={detail.reviews}
          pagination={false}
          size="small"
          locale={{ emptyText: <span className="catalog-empty">{t("catalogAdmin.change.noReviews")}</span> }}
        />
      </section>
      <ReturnModal
        open={isReturning}
        onClose={() => setIsReturning(false)}
        onReturn={(reason) =>
          act(
            () => reviewChange(change.id, { decision: "return", reason }),
            t("catalogAdmin.change.returned"),
          )
        }
      />
    </div>
  );
}

/** Returns a change with the reason the editor will read. */
function ReturnModal({
  open,
  onClose,
  onReturn,
}: {
  open: boolean;
  onClose: () => void;
  onReturn: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t("catalogAdmin.change.returnTitle")}
      okText={t("catalogAdmin.change.return")}
      cancelText={t("catalogAdmin.close")}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ reason }) => {
          await onReturn(reason.trim());
          onClose();
        }}
      >
        <Form.Item
          name="reason"
          label={t("catalogAdmin.change.returnReason")}
          rules={[{ required: true, whitespace: true, message: t("catalogAdmin.validation.required") }]}
        >
          <Input.TextArea rows={4} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
