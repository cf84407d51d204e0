import type { Messages } from "./zh-CN.ts";

/** English messages of a case's PDF documents, the `caseDocuments` section of en-US.ts. */
export const caseDocumentsEnUS: Messages["caseDocuments"] = {
  title: "Case documents",
  intro: "These documents are PDF files; open one in a new window to print or save it.",
  open: "View / print {{name}}",
  openShort: "View / print",
  download: "Download {{name}}",
  downloadShort: "Download",
  printReceipt: "Print the acceptance receipt",
  printReceiptHint: "Accepted: print the acceptance receipt for the applicant (opens in a new window).",
};
