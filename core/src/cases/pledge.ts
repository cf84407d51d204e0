/**
 * 告知承诺 (证明事项告知承诺制, 国办发〔2020〕42号): the applicant commits in writing that they meet the
 * condition a listed proof would show, and the proof is not asked for. The department checks the
 * commitment afterwards (事后核查); an untrue commitment costs the applicant the decision and is a
 * breach of trust. Shared by the server (which stores the text) and the browser (which shows it first).
 */

/** The statuses of a post-verification task (pledge check). */
export const pledgeCheckStatuses = ["open", "verified", "failed"] as const;
export type PledgeCheckStatus = (typeof pledgeCheckStatuses)[number];
export const pledgeCheckStatusNames = {
  open: "待核查",
  verified: "核查属实",
  failed: "承诺不实",
} as const satisfies Record<PledgeCheckStatus, string>;

/** The standard commitment text (承诺书) for one proof, naming the legal consequences of a false commitment. */
export function pledgeText(input: { applicantName: string; itemName: string; materialName: string }): string {
  return (
    `本人（本单位）${input.applicantName}申请办理「${input.itemName}」，现就「${input.materialName}」郑重承诺：` +
    "本人（本单位）已符合该证明材料所要证明的事项和条件，所作承诺真实、准确、完整，愿意接受行政机关的核查。" +
    "如承诺不实，本人（本单位）同意行政机关依法撤销据此作出的决定，并依法承担相应的法律责任；" +
    "虚假承诺将记入信用记录，依法实施联合惩戒。"
  );
}
