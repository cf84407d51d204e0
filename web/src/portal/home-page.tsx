import { Button, Card, Input, Typography } from "antd";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useApi } from "../api/use-api.ts";
import { LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { listDepartments } from "./api.ts";

/** The portal home (/): search, departments to browse, and the public tools. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t("home.title"));
  return (
    <div className="page">
      <section className="hero" aria-labelledby="hero-title">
        <Typography.Title level={1} id="hero-title">
          {t("home.heroTitle")}
        </Typography.Title>
        <Typography.Paragraph className="hero-body">{t("home.heroBody")}</Typography.Paragraph>
        <ItemSearch />
      </section>
      <Departments />
      <section aria-labelledby="home-tools-title" className="home-tools">
        <Typography.Title level={2} id="home-tools-title">
          {t("home.toolsTitle")}
        </Typography.Title>
        <Typography.Paragraph>{t("home.toolsBody")}</Typography.Paragraph>
        <Link to="/tools">{t("home.toolsLink")}</Link>
      </section>
    </div>
  );
}

/** A search form that opens the item list filtered by the words typed. */
export function ItemSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState("");

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = text.trim();
    navigate(q ? `/items?q=${encodeURIComponent(q)}` : "/items");
  };

  return (
    <search>
      <form className="item-search" onSubmit={submit}>
        <label htmlFor="home-search" className="visually-hidden">
          {t("home.searchLabel")}
        </label>
        <Input
          id="home-search"
          size="large"
          value={text}
          placeholder={t("home.searchPlaceholder")}
          onChange={(event) => setText(event.target.value)}
        />
        <Button type="primary" size="large" htmlType="submit">
          {t("common.search")}
        </Button>
      </form>
    </search>
  );
}

function Departments() {
  const { t } = useTranslation();
  const departments = useApi((signal) => listDepartments(signal), []);

  return (
    <section aria-labelledby="departments-title">
      <Typography.Title level={2} id="departments-title">
        {t("home.departmentsTitle")}
      </Typography.Title>
      {departments.isLoading && <Loading />}
      {departments.error !== undefined && (
        <LoadError error={departments.error} onRetry={departments.reload} />
      )}
      {departments.data?.items.length === 0 && (
        <Typography.Paragraph>{t("home.departmentsEmpty")}</Typography.Paragraph>
      )}
      <ul className="department-grid">
        {departments.data?.items.map((department) => (
          <li key={department.id}>
            <Card size="small" className="department-card">
              <Link to={`/items?department=${encodeURIComponent(department.id)}`} className="department-link">
                <span className="department-name">{department.name}</span>
                <span className="department-count">
                  {t("common.itemCount", { count: department.itemCount })}
                </span>
              </Link>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
