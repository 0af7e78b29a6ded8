import { pk, sk } from '@kkmp/store';

const coop = (coopId: string) => pk({ kind: 'coop', coopId });
const city = (cityId: string) => pk({ kind: 'city', cityId });
/** The city's own follow-up, training and partner records: a partition of the city, apart from its registry. */
const cityWork = (cityId: string) => pk({ kind: 'city', cityId }, 'CITYWORK');

/**
 * The cooperative's activity summary, in its own partition: written after business events commit (never
 * inside their transactions, so it is no hot item), read by key for the city's view.
 */
export const summaryKey = (coopId: string) => ({ pk: coop(coopId), sk: sk('CITYVIEW', 'SUMMARY') });
export const citySettingsKey = (cityId: string) => ({ pk: city(cityId), sk: sk('CITYVIEW', 'SETTINGS') });

export const followUpPartition = cityWork;
export const followUpKey = (cityId: string, coopId: string, date: string, id: string) => ({ pk: cityWork(cityId), sk: sk('FOLLOWUP', coopId, date, id) });
/** The latest contact and next follow-up date of one cooperative (one query lists every cooperative's). */
export const followUpStateKey = (cityId: string, coopId: string) => ({ pk: cityWork(cityId), sk: sk('FUSTATE', coopId) });

export const trainingKey = (cityId: string, sessionId: string) => ({ pk: cityWork(cityId), sk: sk('TRAINING', sessionId) });
export const attendanceKey = (cityId: string, sessionId: string, coopId: string) => ({ pk: cityWork(cityId), sk: sk('TRATT', sessionId, coopId) });
/** Marker: the cooperative has attended a session of the topic (put with each attendance). */
export const topicMarkerKey = (cityId: string, topic: string, coopId: string) => ({ pk: cityWork(cityId), sk: sk('TRTOPIC', topic, coopId) });

export const partnerKey = (cityId: string, partnerId: string) => ({ pk: cityWork(cityId), sk: sk('PARTNER', partnerId) });
export const agreementKey = (cityId: string, agreementId: string) => ({ pk: cityWork(cityId), sk: sk('AGREEMENT', agreementId) });
/** Volume bought under an agreement: in the buying cooperative's partition, updated in the purchase's transaction. */
export const agreementVolumeKey = (coopId: string, agreementId: string) => ({ pk: coop(coopId), sk: sk('AGRVOLUME', agreementId) });
