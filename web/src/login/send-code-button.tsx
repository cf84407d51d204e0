import { App as AntApp, Button } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { errorText } from "../app/feedback.tsx";
import { type CodePurpose, requestCode } from "../session/api.ts";

const RESEND_SECONDS = 60;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Sends an SMS code to the number in the form, then counts down 60 s before another may be asked for
 * (the server refuses sooner with CODE_TOO_SOON, and the countdown runs then too).
 */
export function SendCodeButton({
  purpose,
  getMobile,
  onInvalidMobile,
}: {
  purpose: CodePurpose;
  /** The number currently typed in the form. */
  getMobile: () => string | undefined;
  /** Called when the typed number is not a mobile number, e.g. to show the field's error. */
  onInvalidMobile: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [isSending, setIsSending] = useState(false);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const send = async () => {
    const mobile = getMobile()?.trim() ?? "";
    if (!MOBILE.test(mobile)) {
      onInvalidMobile();
      return;
    }
    setIsSending(true);
    try {
      await requestCode(mobile, purpose);
      message.success(t("sms.sent"));
      setSecondsLeft(RESEND_SECONDS);
    } catch (error) {
      if (error instanceof ApiError && error.code === "CODE_TOO_SOON") setSecondsLeft(RESEND_SECONDS);
      message.error(errorText(error, t));
    } finally {
      setIsSending(false);
    }
  };

  const isWaiting = secondsLeft > 0;
  return (
    <Button onClick={() => void send()} loading={isSending} disabled={isWaiting} className="send-code-button">
      {isWaiting ? t("sms.resendIn", { seconds: secondsLeft }) : t("sms.send")}
    </Button>
  );
}
