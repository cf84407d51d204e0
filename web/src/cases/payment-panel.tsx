import { Alert, Button, Descriptions, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useApi } from "../api/use-api.ts";
import { errorText } from "../app/feedback.tsx";
import {
  formatYuan,
  getCasePayment,
  getReceipt,
  type PaymentLine,
  type PaymentOrder,
  startCheckout,
} from "../payments/api.ts";
import { formatInstant } from "./case-format.ts";

// Dark shades: white text on them keeps the contrast WCAG asks for (the name says it; colour only hints).
const statusColor = { pending: "#873800", paid: "#135200", cancelled: "#595959" } as const;

/**
 * 缴费 on a case page: the order's lines and total in 元, 去缴费 for the applicant while it is pending,
 * and the electronic receipt once paid. Staff see the same, without the button. Free items show nothing.
 * `version` changes when the case moves on (an approval may have opened the order), to load again.
 */
export function PaymentPanel({ caseId, version }: { caseId: string; version?: string }) {
  const { t } = useTranslation();
  const payment = useApi((signal) => getCasePayment(caseId, signal), [caseId, version]);
  if (!payment.data || (payment.data.fees.length === 0 && !payment.data.order)) return null;
  const { order } = payment.data;
  return (
    <section aria-labelledby="case-payment-title" className="case-section">
      <Typography.Title level={2} id="case-payment-title">
        {t("payments.panel.title")}
      </Typography.Title>
      {order ? (
        <OrderView order={order} />
      ) : (
        <Typography.Paragraph>{t("payments.panel.intro")}</Typography.Paragraph>
      )}
    </section>
  );
}

function OrderView({ order }: { order: PaymentOrder }) {
  const { t } = useTranslation();
  return (
    <>
      {order.status === "pending" && (
        <Typography.Paragraph>{t("payments.panel.pendingIntro")}</Typography.Paragraph>
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: "number", label: t("payments.panel.number"), children: order.number },
          {
            key: "status",
            label: t("payments.panel.status"),
            children: (
              <Tag color={statusColor[order.status]} data-testid="payment-status">
                {t(`payments.status.${order.status}`)}
              </Tag>
            ),
          },
          {
            key: "createdAt",
            label: t("payments.panel.createdAt"),
            children: formatInstant(order.createdAt),
          },
          { key: "total", label: t("payments.panel.total"), children: formatYuan(order.amountFen) },
        ]}
      />
      <FeeLines lines={order.lines} />
      {order.mayPay && <PayButton orderId={order.id} />}
      {order.status === "paid" && <ReceiptView orderId={order.id} />}
    </>
  );
}

/** The charged lines of an order, each at the catalog's amount. */
export function FeeLines({ lines }: { lines: PaymentLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<PaymentLine>
      rowKey={(line) => `${line.name}-${line.amountFen}`}
      size="small"
      bordered
      pagination={false}
      dataSource={lines}
      columns={[
        { key: "name", title: t("payments.panel.line"), dataIndex: "name" },
        {
          key: "amount",
          title: t("payments.panel.amount"),
          align: "right",
          render: (_value, line) => formatYuan(line.amountFen),
        },
      ]}
    />
  );
}

function PayButton({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pay = async () => {
    setIsBusy(true);
    setProblem(null);
    try {
      const { checkoutUrl } = await startCheckout(orderId);
      // The demo provider's page is ours; a real provider's checkout is another site.
      if (checkoutUrl.startsWith("/")) navigate(checkoutUrl);
      else window.location.assign(checkoutUrl);
    } catch (error) {
      setProblem(errorText(error, t));
      setIsBusy(false);
    }
  };
  return (
    <div className="case-actions">
      <Button type="primary" loading={isBusy} onClick={() => void pay()}>
        {t("payments.panel.pay")}
      </Button>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
    </div>
  );
}

/** The electronic receipt (电子票据): number, payer, payee, lines, amount and time. */
function ReceiptView({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const receipt = useApi((signal) => getReceipt(orderId, signal), [orderId]);
  if (!receipt.data) return null;
  const r = receipt.data;
  return (
    <section aria-labelledby="case-receipt-title" className="case-receipt">
      <Typography.Title level={3} id="case-receipt-title">
        {t("payments.receipt.title")}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: "number",
            label: t("payments.receipt.number"),
            children: <span data-testid="receipt-number">{r.receiptNumber}</span>,
          },
          { key: "orderNumber", label: t("payments.receipt.orderNumber"), children: r.orderNumber },
          { key: "caseNumber", label: t("payments.receipt.caseNumber"), children: r.caseNumber ?? "" },
          { key: "item", label: t("payments.receipt.item"), children: r.itemName },
          { key: "payer", label: t("payments.receipt.payer"), children: r.payer.name },
          {
            key: "payee",
            label: t("payments.receipt.payee"),
            children: r.payee.creditCode ? `${r.payee.name}（${r.payee.creditCode}）` : r.payee.name,
          },
          {
            key: "lines",
            label: t("payments.receipt.lines"),
            children: r.lines.map((line) => `${line.name} ${formatYuan(line.amountFen)}`).join("；"),
          },
          { key: "amount", label: t("payments.receipt.amount"), children: formatYuan(r.amountFen) },
          { key: "paidAt", label: t("payments.receipt.paidAt"), children: formatInstant(r.paidAt) },
          { key: "transaction", label: t("payments.receipt.transaction"), children: r.transactionId },
        ]}
      />
    </section>
  );
}
