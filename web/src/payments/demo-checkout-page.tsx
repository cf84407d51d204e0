import { Alert, Button, Descriptions, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useApi } from "../api/use-api.ts";
import { errorText, LoadError, Loading, usePageTitle } from "../app/feedback.tsx";
import { FeeLines } from "../cases/payment-panel.tsx";
import { type DemoCheckout, formatYuan, getDemoCheckout, payDemo } from "./api.ts";

/**
 * The demo payment provider's checkout (/pay/demo/:ref): the order, its lines and the payee (the
 * implementing department). Paying makes the platform sign a provider notification and handle it
 * exactly as a real provider's callback, then returns to the case.
 */
export function DemoCheckoutPage() {
  const { t } = useTranslation();
  usePageTitle(t("payments.demo.title"));
  const { ref = "" } = useParams();
  const loaded = useApi((signal) => getDemoCheckout(ref, signal), [ref]);
  return (
    <div className="page case-page">
      <Typography.Title level={1}>{t("payments.demo.title")}</Typography.Title>
      <Alert type="info" showIcon title={t("payments.demo.notice")} />
      {loaded.error ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} />
      ) : loaded.data ? (
        <Checkout ref_={ref} order={loaded.data} />
      ) : (
        <Loading />
      )}
    </div>
  );
}

function Checkout({ ref_, order }: { ref_: string; order: DemoCheckout }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const caseLink = `/account/cases/${order.caseId}`;
  const pay = async () => {
    setIsBusy(true);
    setProblem(null);
    try {
      await payDemo(ref_);
      navigate(caseLink);
    } catch (error) {
      setProblem(errorText(error, t));
      setIsBusy(false);
    }
  };
  return (
    <section aria-labelledby="demo-checkout-order" className="case-section">
      <Typography.Title level={2} id="demo-checkout-order">
        {t("payments.demo.order")} {order.orderNumber}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: "item", label: t("payments.demo.item"), children: order.itemName },
          { key: "case", label: t("payments.demo.caseNumber"), children: order.caseNumber ?? "" },
          { key: "payee", label: t("payments.demo.payee"), children: order.payee },
          {
            key: "amount",
            label: t("payments.demo.amount"),
            children: <strong data-testid="checkout-amount">{formatYuan(order.amountFen)}</strong>,
          },
        ]}
      />
      <FeeLines lines={order.lines} />
      {order.status === "pending" ? (
        <div className="case-actions">
          <Button type="primary" size="large" loading={isBusy} onClick={() => void pay()}>
            {t("payments.demo.pay")}
          </Button>
        </div>
      ) : (
        <Alert type="warning" showIcon title={t("payments.demo.notPending")} />
      )}
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      <p>
        <Link to={caseLink}>{t("payments.demo.back")}</Link>
      </p>
    </section>
  );
}
