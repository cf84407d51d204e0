/** Chinese messages of result delivery (送达) details, the `delivery` section of zh-CN.ts. */
export const deliveryZhCN = {
  window: "领取窗口",
  windowPlaceholder: "例如：3号综合窗口",
  recipient: "收件人",
  phone: "收件人电话",
  address: "邮寄地址",
  carrier: "快递公司",
  trackingNumber: "运单号",
  tracking: "邮寄信息",
  trackingText: "{{carrier}}，运单号 {{number}}",
  pickupAt: "窗口领取：{{window}}",
};
