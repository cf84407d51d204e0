// @tongban/core: pure rules shared by the server and the browser. No I/O here.

export type { Action, Rule, Scope, ScopedActor, Target } from "./access/policy.ts";
export { can, isLocalPlaceActor, rules } from "./access/policy.ts";
export { isWithinRegion, regionPrefix } from "./access/region-scope.ts";
export type { StaffRole } from "./access/roles.ts";
export { staffRoles } from "./access/roles.ts";
export type { Calendar, CalendarYear, Deadline, NamedDay } from "./calendar/calendar.ts";
export { createCalendar } from "./calendar/calendar.ts";
export type { LocalDate } from "./calendar/local-date.ts";
export {
  addDays,
  fromEpochDay,
  isLocalDate,
  isoDayOfWeek,
  localDateOf,
  toEpochDay,
  yearOf,
} from "./calendar/local-date.ts";
export type { ClockInput, ClockResult, Suspension } from "./cases/case-clock.ts";
export { caseClock } from "./cases/case-clock.ts";
export type {
  CaseAction,
  CaseActionRule,
  CaseActor,
  CaseNeed,
  CaseOutcome,
  CaseStatus,
  DeliveryMethod,
} from "./cases/case-lifecycle.ts";
export {
  allowedActions,
  caseActionKeys,
  caseActionNames,
  caseActionRule,
  caseActions,
  caseOutcomeNames,
  caseOutcomes,
  caseStatuses,
  caseStatusNames,
  closedCaseStatuses,
  deliveryMethodNames,
  deliveryMethods,
  isCaseAction,
  isCaseStatus,
  statusAfter,
} from "./cases/case-lifecycle.ts";
export type {
  CaseMessageEvent,
  CaseMessagePlaceholder,
  CaseMessageTemplate,
  CaseMessageValues,
  MessageChannel,
  RenderedCaseMessages,
} from "./cases/case-messages.ts";
export {
  caseMessagePlaceholders,
  caseMessageTemplate,
  caseMessageTemplates,
  caseNoticeEvents,
  messageChannels,
  placeholdersOf,
  renderCaseEvent,
  renderCaseMessage,
  smsBody,
} from "./cases/case-messages.ts";
export {
  caseNumber,
  isQueryCode,
  normalizeQueryCode,
  queryCodeAlphabet,
  queryCodeFromBytes,
  queryCodeLength,
} from "./cases/case-number.ts";
export type { PledgeCheckStatus } from "./cases/pledge.ts";
export { pledgeCheckStatuses, pledgeCheckStatusNames, pledgeText } from "./cases/pledge.ts";
export type { Checklist, ChecklistMaterial } from "./catalog/checklist.ts";
export { buildChecklist } from "./catalog/checklist.ts";
export { completeness, completenessElements } from "./catalog/completeness.ts";
export type { CatalogEntry, CheckContext, ConsistencyRule, Finding } from "./catalog/consistency.ts";
export { checkCatalog, checkItem, consistencyRules } from "./catalog/consistency.ts";
export type { ContentChange } from "./catalog/diff.ts";
export { diffContent, jsonEqual } from "./catalog/diff.ts";
export { contentLabels, partLabel } from "./catalog/element-labels.ts";
export type {
  FieldCondition,
  FormFieldInput,
  FormFieldType,
  ItemFormInput,
  PrefillSource,
} from "./catalog/form.ts";
export {
  contactFieldIds,
  defaultForm,
  FormField,
  FormSection,
  formFieldTypes,
  ItemForm,
  prefillSources,
} from "./catalog/form.ts";
export type { FormError, FormErrorCode, FormValues, PrefillProfile } from "./catalog/form-values.ts";
export {
  cleanFormValues,
  FormValuesSchema,
  formFields,
  isPhoneNumber,
  maxLengthOf,
  prefillForm,
  validateForm,
  visibleFields,
} from "./catalog/form-values.ts";
export { checkInstant, formFieldIds, formFieldLabels } from "./catalog/instant-checks.ts";
export type {
  FormValue,
  InstantInput,
  InstantRuleResult,
  VerifiedField,
  VerifiedIdentity,
} from "./catalog/instant-rules.ts";
export {
  ageOn,
  allPassed,
  describeInstantRule,
  evaluateInstantRules,
  InstantRule,
  regionOf,
  ruleField,
  verifiedFields,
} from "./catalog/instant-rules.ts";
export type {
  BasicCodeResult,
  CatalogCodeReason,
  CodeProfile,
  ExerciseLevel,
  ImplementationCodeResult,
  ItemType,
  ItemTypeCode,
} from "./catalog/item-codes.ts";
export {
  composeImplementationCode,
  exerciseLevels,
  itemTypeByName,
  itemTypes,
  validateBasicCode,
  validateImplementationCode,
} from "./catalog/item-codes.ts";
export type {
  Audience,
  Effect,
  FeatureTag,
  ItemContent,
  ItemContentInput,
  Material,
  Situation,
  Theme,
  TimeLimit,
} from "./catalog/item-content.ts";
export {
  audiences,
  featureTags,
  ItemContent as ItemContentSchema,
  materialForms,
  resultTypes,
  themes,
} from "./catalog/item-content.ts";
export type { CitizenIdResult } from "./identifiers/citizen-id.ts";
export { computeCitizenIdCheck, upgradeCitizenId15, validateCitizenId } from "./identifiers/citizen-id.ts";
export type { CreditCodeResult, CreditCodeWarning } from "./identifiers/credit-code.ts";
export {
  computeCreditCodeCheck,
  computeOrganizationCodeCheck,
  validateCreditCode,
} from "./identifiers/credit-code.ts";
export { maskCitizenId, maskMobile } from "./identifiers/mask.ts";
export type { IdentifierReason } from "./identifiers/reason.ts";
