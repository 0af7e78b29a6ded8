export { activityHooks } from './hooks';
export { parseSummary, recordActivity, ACTIVITY_SOURCES, SAVINGS_SEGMENT, type CoopSummary } from './summary';
export { summaryKey, agreementVolumeKey, agreementKey } from './keys';
export { DEFAULT_ACTIVITY_WINDOW_DAYS, loadCitySettings, setCitySettings, type CityViewSettings } from './settings';
export { daysBetween, windowStart, standingOf, type Standing, type StandingFilter, type StatusCounts, type UnitCount, type KelurahanRow } from './standing';
export { loadCityView, dashboardOf, standingsPage, cooperativeStanding, type CityView } from './view';
export {
  CONTACT_KINDS,
  CONSTRAINTS,
  recordFollowUp,
  listFollowUps,
  followUpStates,
  overdueFollowUps,
  constraintCounts,
  type FollowUp,
  type FollowUpState,
  type Constraint,
} from './followup';
export {
  TRAINING_TOPICS,
  createTrainingSession,
  recordTrainingAttendance,
  listTrainingSessions,
  listAttendance,
  attendedTopic,
  type TrainingSession,
  type TrainingTopic,
  type Attendance,
} from './training';
export { PARTNER_KINDS, AGREEMENT_STATUSES, createPartner, createSupplyAgreement, listPartners, listAgreements, loadPartner, type Partner, type SupplyAgreement, type AgreementVolume } from './partners';
export { CITY_EXPORTS, cityTable, type CityExport, type Table } from './exports';
