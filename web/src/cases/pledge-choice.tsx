import { Alert, Button, Modal, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../app/feedback.tsx";
import type { UploadRules } from "./material-uploads.tsx";
import { loadPledges, pledgeMaterial, useCasePledges, withdrawPledge } from "./pledge-api.ts";
import "./pledges.css";

/**
 * 告知承诺 for one material of an application being filled in or corrected: where the item allows it,
 * the applicant (or the clerk filing for them) signs the standard commitment instead of uploading the
 * proof, after reading it in full; a commitment can be withdrawn until the case is accepted.
 */
export function PledgeChoice({
  material,
  caseId,
  rules,
}: {
  material: { id: string; name: string; pledgeable?: boolean };
  caseId: string | null;
  rules: UploadRules;
}) {
  const { t } = useTranslation();
  const state = useCasePledges(caseId);
  const [reading, setReading] = useState<{ caseId: string; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (caseId) void loadPledges(caseId).catch(() => undefined);
  }, [caseId]);

  const offer = state?.materials.find((m) => m.materialId === material.id);
  const pledge = state?.pledges.find((p) => p.materialId === material.id);
  // Before the draft exists the item's own marks decide; afterwards the server's answer does.
  const offered = state ? Boolean(offer) && state.mayPledge : material.pledgeable === true;
  if (!offered && !pledge) return null;

  const run = async (work: () => Promise<unknown>) => {
    setProblem(null);
    setIsBusy(true);
    try {
      await work();
    } catch (error) {
      setProblem(errorText(error, t));
    } finally {
      setIsBusy(false);
    }
  };

  const open = () =>
    run(async () => {
      if (rules.blocked) throw new Error(rules.blocked);
      const id = await rules.caseId();
      const loaded = await loadPledges(id);
      const text = loaded.materials.find((m) => m.materialId === material.id)?.text;
      if (!text) throw new Error(t("pledges.choice.notOffered", { name: material.name }));
      setReading({ caseId: id, text });
    });

  const sign = () =>
    run(async () => {
      if (!reading) return;
      await pledgeMaterial(reading.caseId, material.id);
      setReading(null);
    });

  return (
    <div className="case-pledge">
      {pledge ? (
        <>
          <Tag color="#0958d9">{t("pledges.choice.pledged")}</Tag>
          <Typography.Text className="case-muted">{t("pledges.choice.pledgedHint")}</Typography.Text>{" "}
          {state?.mayPledge && caseId && (
            <Button
              size="small"
              loading={isBusy}
              onClick={() => void run(() => withdrawPledge(caseId, material.id))}
            >
              {t("pledges.choice.withdraw", { name: material.name })}
            </Button>
          )}
        </>
      ) : (
        <Button loading={isBusy} onClick={() => void open()}>
          {t("pledges.choice.pledge", { name: material.name })}
        </Button>
      )}
      <Modal
        open={reading !== null}
        title={t("pledges.choice.title", { name: material.name })}
        okText={t("pledges.choice.sign")}
        cancelText={t("pledges.choice.cancel")}
        confirmLoading={isBusy}
        onOk={() => void sign()}
        onCancel={() => setReading(null)}
      >
        <Typography.Paragraph>{t("pledges.choice.intro")}</Typography.Paragraph>
        <blockquote className="case-pledge-text">{reading?.text}</blockquote>
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      </Modal>
      {problem && reading === null && <Alert type="error" showIcon title={problem} role="alert" />}
    </div>
  );
}
