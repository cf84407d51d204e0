import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import {
  App as AntApp,
  Button,
  Descriptions,
  Result,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { useApi } from "../../api/use-api.ts";
import { LoadError, Loading, usePageTitle } from "../../app/feedback.tsx";
import { hasAbility, useSession } from "../../session/session-context.tsx";
import {
  type Delegation,
  getPlace,
  listDelegations,
  listRegions,
  type Place,
  type ServiceWindow,
} from "./api.ts";
import { HoursText, PlaceKindTag, StatusTag, usePeriodText } from "./labels.tsx";
import { PlaceFormModal } from "./place-form-modal.tsx";
import { WindowFormModal } from "./window-form-modal.tsx";
import "./organisations.css";

/** One service place (/admin/organisations/places/:id): its details and hours, windows, and delegations. */
export function PlacePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const place = useApi((signal) => getPlace(id, signal), [id]);
  usePageTitle(place.data?.name ?? t("organisations.places.title"));

  if (place.isLoading && !place.data) return <Loading />;
  if (place.error instanceof ApiError && (place.error.status === 404 || place.error.status === 400)) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t("organisations.places.notFound")}</h1>}
        extra={<Link to="/admin/organisations?tab=places">{t("organisations.places.backToList")}</Link>}
      />
    );
  }
  if (place.error !== undefined || !place.data)
    return <LoadError error={place.error} onRetry={place.reload} />;
  return <PlaceView place={place.data} onChanged={place.reload} />;
}

function PlaceView({ place, onChanged }: { place: Place; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { abilities } = useSession();
  const [isEditing, setIsEditing] = useState(false);
  const [windowForm, setWindowForm] = useState<{ window?: ServiceWindow } | undefined>(undefined);
  const regions = useApi((signal) => listRegions(signal), []);

  return (
    <div className="page">
      <p className="org-back">
        <Link to="/admin/organisations?tab=places">{t("organisations.places.backToList")}</Link>
      </p>
      <div className="org-heading">
        <Typography.Title level={1}>{place.name}</Typography.Title>
        {place.abilities.update && regions.data && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setIsEditing(true)}>
            {t("organisations.places.edit")}
          </Button>
        )}
      </div>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: "kind",
            label: t("organisations.places.kind"),
            children: <PlaceKindTag kind={place.kind} />,
          },
          {
            key: "region",
            label: t("organisations.places.region"),
            children: `${place.region.name}（${place.region.code}）`,
          },
          { key: "address", label: t("organisations.places.address"), children: place.address },
          { key: "phone", label: t("organisations.places.phone"), children: place.phone ?? t("common.none") },
          {
            key: "hours",
            label: t("organisations.places.hours"),
            children: <HoursText hours={place.openingHours} />,
          },
        ]}
      />
      <section aria-labelledby="windows-title" className="org-section">
        <div className="org-heading">
          <Typography.Title level={2} id="windows-title">
            {t("organisations.windows.title")}
          </Typography.Title>
          {place.abilities.addWindow && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setWindowForm({})}>
              {t("organisations.windows.create")}
            </Button>
          )}
        </div>
        <WindowTable windows={place.windows} onEdit={(window) => setWindowForm({ window })} />
      </section>
      {hasAbility(abilities, "delegation.manage") && <PlaceDelegations placeId={place.id} />}
      {isEditing && regions.data && (
        <PlaceFormModal
          place={place}
          regions={regions.data.items}
          onCancel={() => setIsEditing(false)}
          onDone={() => {
            setIsEditing(false);
            message.success(t("organisations.savedOk"));
            onChanged();
          }}
        />
      )}
      {windowForm && (
        <WindowFormModal
          placeId={place.id}
          {...(windowForm.window ? { window: windowForm.window } : {})}
          onCancel={() => setWindowForm(undefined)}
          onDone={() => {
            setWindowForm(undefined);
            message.success(t("organisations.savedOk"));
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function WindowTable({
  windows,
  onEdit,
}: {
  windows: ServiceWindow[];
  onEdit: (window: ServiceWindow) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ServiceWindow> = [
    { key: "number", title: t("organisations.windows.number"), dataIndex: "number" },
    { key: "name", title: t("organisations.windows.name"), dataIndex: "name" },
    {
      key: "kind",
      title: t("organisations.windows.kind"),
      render: (_, w) => t(`organisations.windowKinds.${w.kind}`),
    },
    {
      key: "department",
      title: t("organisations.windows.department"),
      render: (_, w) => w.department?.name ?? t("common.none"),
    },
    {
      key: "hours",
      title: t("organisations.windows.hours"),
      render: (_, w) =>
        w.openingHours ? <HoursText hours={w.openingHours} /> : t("organisations.windows.sameAsPlace"),
    },
    {
      key: "active",
      title: t("organisations.windows.state"),
      render: (_, w) =>
        w.isActive ? (
          <Tag className="org-tag-green">{t("organisations.windows.active")}</Tag>
        ) : (
          <Tag className="org-tag-grey">{t("organisations.windows.inactive")}</Tag>
        ),
    },
    {
      key: "actions",
      title: t("organisations.actions"),
      render: (_, w) =>
        w.abilities.update ? (
          <Button
            size="small"
            onClick={() => onEdit(w)}
            aria-label={t("organisations.windows.editLabel", { number: w.number })}
          >
            {t("organisations.edit")}
          </Button>
        ) : null,
    },
  ];
  return (
    <Table<ServiceWindow>
      rowKey="id"
      columns={columns}
      dataSource={windows}
      pagination={false}
      size="small"
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("organisations.windows.empty") }}
    />
  );
}

function PlaceDelegations({ placeId }: { placeId: string }) {
  const { t } = useTranslation();
  const period = usePeriodText();
  const delegations = useApi((signal) => listDelegations({ placeId }, signal), [placeId]);
  const columns: TableColumnsType<Delegation> = [
    { key: "item", title: t("organisations.delegations.item"), render: (_, d) => d.item.name },
    {
      key: "department",
      title: t("organisations.delegations.department"),
      render: (_, d) => d.department.name,
    },
    {
      key: "period",
      title: t("organisations.delegations.period"),
      render: (_, d) => period(d.validFrom, d.validTo),
    },
    {
      key: "status",
      title: t("organisations.delegations.status"),
      render: (_, d) => <StatusTag status={d.status} />,
    },
  ];
  return (
    <section aria-labelledby="place-delegations-title" className="org-section">
      <Typography.Title level={2} id="place-delegations-title">
        {t("organisations.delegations.forPlace")}
      </Typography.Title>
      {delegations.error !== undefined && (
        <LoadError error={delegations.error} onRetry={delegations.reload} />
      )}
      <Table<Delegation>
        rowKey="id"
        columns={columns}
        dataSource={delegations.data?.items ?? []}
        loading={delegations.isLoading}
        pagination={false}
        size="small"
        locale={{ emptyText: t("organisations.delegations.empty") }}
      />
    </section>
  );
}
