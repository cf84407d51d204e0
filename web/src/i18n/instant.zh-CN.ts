/** Chinese messages of 秒批 (instant approval), the `instant` section of zh-CN.ts. */
export const instantZhCN = {
  title: "秒批结果",
  passed: "已秒批办结",
  passedIntro: "系统于 {{time}} 核验以下全部规则通过，已自动受理、准予并办结，结果以电子方式送达。",
  failed: "未通过秒批，已转人工办理",
  submittedBody: "您的申请符合秒批条件，已自动审批并办结，结果以电子方式送达。请记下办件编号和查询码。",
  failedIntroApplicant: "以下条件未能自动核验通过，工作人员将按正常程序为您办理：",
  failedIntroStaff: "系统于 {{time}} 核验秒批规则，以下规则未通过，请按正常程序预审：",
  rulePassed: "通过",
  ruleFailed: "未通过",
  editor: {
    title: "秒批规则",
    intro:
      "标为「秒批」且不收费的事项，申请提交时系统按以下规则核验申请表和经核验的身份信息，全部通过即自动办结。请填写 JSON 数组。",
    label: "秒批规则（JSON）",
    invalidJson: "不是有效的 JSON：{{message}}",
    invalidRule: "第 {{index}} 条规则有误：{{message}}",
    none: "尚未设置秒批规则。",
    preview: "规则说明",
  },
};
