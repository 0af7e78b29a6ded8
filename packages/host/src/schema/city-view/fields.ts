import {
  attendedTopic,
  constraintCounts,
  cooperativeStanding,
  dashboardOf,
  followUpStates,
  listAgreements,
  listFollowUps,
  listPartners,
  listTrainingSessions,
  listAttendance,
  loadCityView,
  overdueFollowUps,
  standingsPage,
} from '@kkmp/core';
import type { Builder } from '@kkmp/plugin-sdk';
import { csvStringify, pageRequest, toConnection } from '@kkmp/plugin-sdk';
import { cityTable } from '@kkmp/core';
import { one, two } from '../../ids';
import type { CoreRefs } from '../refs';
import type { CityViewRefs } from './types';

/** The city's view on `City` (city admins of the city and the platform) and `Cooperative.activity`. */
export function registerCityViewFields(builder: Builder, refs: CoreRefs, v: CityViewRefs) {
  const { CityRef, CooperativeRef, CoopStatusEnum } = refs;
  const ExportEnum = builder.enumType('CityExport', {
    description: 'A CSV export of the city view.',
    values: {
      ACTIVATION: { description: '"X of Y active" per kelurahan, the city total last.' },
      COOPERATIVES: { description: 'Figures per cooperative (status, activity, members, units, RAT, books).' },
      FOLLOW_UPS: { description: "Every contact of the city's follow-up log." },
      TRAINING_ATTENDANCE: { description: 'Attendance per session, one row per person.' },
    } as const,
  });

  const DashboardRef = builder.objectRef<ReturnType<typeof dashboardOf> & { cityId: string }>('CityDashboard').implement({
    description: "The city's figures as of today (the API's clock): measured from what cooperatives record.",
    fields: (t) => ({
      asOf: t.expose('asOf', { type: 'Date', description: "Today in the city's zone." }),
      windowDays: t.exposeInt('windowDays', { description: 'Activity window in days (a city setting, default 30).' }),
      activeSince: t.expose('activeSince', { type: 'Date', description: 'First day of the window.' }),
      counts: t.field({ type: v.StatusCountsRef, description: 'The whole city.', resolve: (d) => d.counts }),
      kelurahanWithoutCooperative: t.exposeInt('kelurahanWithoutCooperative', { description: 'Kelurahan with no cooperative formed yet.' }),
      kelurahan: t.field({ type: [v.KelurahanRowRef], description: 'Per kelurahan, by name.', resolve: (d) => d.kelurahan }),
      units: t.field({ type: [v.UnitCountRef], description: 'Units enabled and trading across the city.', resolve: (d) => d.units }),
      constraints: t.field({
        type: [v.ConstraintCountRef],
        description: 'Constraints named at the latest contact with each cooperative.',
        resolve: async (d, _a, ctx) => constraintCounts(await followUpStates(ctx.core, d.cityId)),
      }),
      overdueFollowUps: t.int({
        description: 'Cooperatives whose next follow-up date has passed.',
        resolve: async (d, _a, ctx) => (await overdueFollowUps(ctx.core, d.cityId, d.asOf)).length,
      }),
    }),
  });

  const OverdueRef = builder.objectRef<Awaited<ReturnType<typeof overdueFollowUps>>[number]>('OverdueFollowUp').implement({
    description: 'A cooperative whose next follow-up date has passed.',
    fields: (t) => ({
      cooperative: t.field({ type: CooperativeRef, description: 'The cooperative.', resolve: (o) => o.coop }),
      lastContactDate: t.field({ type: 'Date', description: 'Latest contact.', resolve: (o) => o.state.lastContactDate }),
      nextFollowUpDate: t.field({ type: 'Date', description: 'The follow-up date that passed.', resolve: (o) => o.state.nextFollowUpDate! }),
      constraints: t.field({ type: [v.ConstraintEnum], description: 'Constraints at the latest contact.', resolve: (o) => o.state.constraints }),
    }),
  });

  const FilterInput = builder.inputType('CooperativeActivityFilter', {
    description: 'Narrows the list; every given condition must hold.',
    fields: (t) => ({
      status: t.field({ type: CoopStatusEnum, required: false, description: 'Lifecycle status.' }),
      active: t.boolean({ required: false, description: 'Active (true) or not (false) within the window.' }),
      unitId: t.string({ required: false, description: 'Has this unit enabled.' }),
      kelurahanId: t.id({ required: false, description: 'In this kelurahan.' }),
    }),
  });

  builder.objectFields(CityRef, (t) => ({
    dashboard: t.field({
      type: DashboardRef,
      nullable: true,
      description: 'Counts per city and kelurahan ("X of Y active"), units, constraints. City admins of the city and the platform.',
      resolve: async (c, _a, ctx) => ({ ...dashboardOf(await loadCityView(ctx.core, c.id)), cityId: c.id }),
    }),
    cooperativeActivity: t.connection(
      {
        type: v.StandingRef,
        nullable: true,
        description: 'Cooperatives with their activity summaries, by name, filtered; `totalCount` counts the filtered list. A page costs the same few DynamoDB calls whatever its size.',
        args: { filter: t.arg({ type: FilterInput, required: false, description: 'Conditions.' }) },
        resolve: async (c, args, ctx) => {
          const view = await loadCityView(ctx.core, c.id);
          const f = args.filter;
          const filter = { status: f?.status, active: f?.active, unitId: f?.unitId, kelurahanId: f?.kelurahanId ? two(f.kelurahanId, 'Kelurahan', 'filter.kelurahanId')[1] : undefined };
          const page = standingsPage(view, filter, pageRequest(args));
          return { ...toConnection(page), totalCount: page.totalCount };
        },
      },
      {
        fields: (t) => ({ totalCount: t.int({ description: 'Cooperatives matching the filter (all pages).', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }),
      },
    ),
    followUps: t.connection({
      type: v.FollowUpRef,
      nullable: true,
      description: "One cooperative's follow-up log, newest first.",
      args: { cooperativeId: t.arg.id({ description: 'Cooperative id.' }) },
      resolve: async (c, args, ctx) => toConnection(await listFollowUps(ctx.core, c.id, one(args.cooperativeId, 'Cooperative', 'cooperativeId'), pageRequest(args))),
    }),
    overdueFollowUps: t.field({
      type: [OverdueRef],
      nullable: true,
      description: 'Cooperatives whose next follow-up date has passed, the longest overdue first.',
      resolve: async (c, _a, ctx) => overdueFollowUps(ctx.core, c.id, (await loadCityView(ctx.core, c.id)).today),
    }),
    trainingSessions: t.field({ type: [v.TrainingSessionRef], nullable: true, description: 'Training sessions, newest first.', resolve: (c, _a, ctx) => listTrainingSessions(ctx.core, c.id) }),
    trainingAttendance: t.field({
      type: [v.AttendanceRef],
      nullable: true,
      description: 'Attendance, of one session or of all.',
      args: { sessionId: t.arg.id({ required: false, description: 'One session.' }) },
      resolve: (c, a, ctx) => listAttendance(ctx.core, c.id, a.sessionId ? two(a.sessionId, 'TrainingSession', 'sessionId')[1] : undefined),
    }),
    cooperativesWithoutTraining: t.field({
      type: [CooperativeRef],
      nullable: true,
      description: 'Cooperatives that have not attended any session of a topic, by name.',
      args: { topic: t.arg({ type: v.TopicEnum, description: 'Topic.' }) },
      resolve: async (c, a, ctx) => {
        const [view, attended] = await Promise.all([loadCityView(ctx.core, c.id), attendedTopic(ctx.core, c.id, a.topic)]);
        return view.standings.filter((s) => !attended.has(s.coop.id)).map((s) => s.coop);
      },
    }),
    partners: t.field({ type: [v.PartnerRef], nullable: true, description: 'Partner firms, by name.', resolve: (c, _a, ctx) => listPartners(ctx.core, c.id) }),
    supplyAgreements: t.field({ type: [v.AgreementRef], nullable: true, description: 'Supply agreements of the city\'s cooperatives with the volume bought under each.', resolve: (c, _a, ctx) => listAgreements(ctx.core, c.id) }),
    exportCsv: t.string({
      nullable: true,
      description: 'A CSV file (UTF-8, comma-separated, header row) of the city view.',
      args: { kind: t.arg({ type: ExportEnum, description: 'Which table.' }) },
      resolve: async (c, a, ctx) => {
        const table = await cityTable(ctx.core, c.id, a.kind);
        return csvStringify([table.header, ...table.rows]);
      },
    }),
    activityWindowDays: t.int({
      nullable: true,
      description: 'Days within which a business transaction makes a cooperative active (a city setting, default 30).',
      resolve: async (c, _a, ctx) => (await loadCityView(ctx.core, c.id)).windowDays,
    }),
  }));

  builder.objectFields(CooperativeRef, (t) => ({
    activity: t.field({
      type: v.StandingRef,
      nullable: true,
      description: 'Its activity summary as the city sees it. Its managers and supervisors, its city admin, the platform.',
      resolve: (c, _a, ctx) => cooperativeStanding(ctx.core, c.id),
    }),
  }));
}
