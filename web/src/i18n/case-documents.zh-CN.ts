/** Chinese messages of a case's PDF documents (受理回执, 告知书, 决定书), the `caseDocuments` section of zh-CN.ts. */
export const caseDocumentsZhCN = {
  title: "办件文书",
  intro: "以下文书为 PDF 格式，在新窗口中打开后可以打印或保存。",
  open: "查看 / 打印 {{name}}",
  openShort: "查看 / 打印",
  download: "下载 {{name}}",
  downloadShort: "下载",
  printReceipt: "打印受理回执",
  printReceiptHint: "已受理：请为申请人打印受理回执（在新窗口中打开）。",
};
