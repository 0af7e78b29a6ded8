import {
  CONSTRAINTS,
  addDays,
  createPartner,
  createSupplyAgreement,
  createTrainingSession,
  recordFollowUp,
  recordTrainingAttendance,
  type CoreContext,
} from '@kkmp/core';
import type { DemoCoop } from './city-demo';

const PARTNERS = [
  { key: 'bulog', name: 'Perum Bulog Kanwil Jawa Barat', kind: 'STATE_OWNED', offers: ['Beras SPHP', 'Gula pasir', 'Minyakita'] },
  { key: 'idfood', name: 'ID Food (PT RNI)', kind: 'STATE_OWNED', offers: ['Minyakita', 'Gula pasir', 'Daging beku'] },
  { key: 'pertamina', name: 'Pertamina Patra Niaga Regional JBB', kind: 'STATE_OWNED', offers: ['LPG 3 kg', 'Bright Gas 5,5 kg'] },
  { key: 'pupuk', name: 'PT Pupuk Indonesia (Persero)', kind: 'STATE_OWNED', offers: ['Urea bersubsidi', 'NPK Phonska'] },
  { key: 'bumd', name: 'PD Pasar Bermartabat Kota Bandung', kind: 'REGIONAL_OWNED', offers: ['Kios pasar', 'Distribusi sayur'] },
  { key: 'swasta', name: 'CV Sumber Rezeki Priangan', kind: 'PRIVATE', offers: ['Air minum isi ulang', 'Galon'] },
] as const;

/**
 * The Dinas Koperasi's own work in the demo city, through the services as the city admin: partners and a
 * few supply agreements, two training sessions with attendance (two people per cooperative), and
 * follow-ups with the operating cooperatives that show no activity (some already overdue).
 */
export async function seedCityWork(dinas: CoreContext, cityId: string, coops: readonly DemoCoop[], today: string): Promise<void> {
  const partners: Record<string, string> = {};
  for (const p of PARTNERS) {
    partners[p.key] = (await createPartner(dinas, { idempotencyKey: `demo-partner-${p.key}`, cityId, name: p.name, kind: p.kind, offers: [...p.offers] })).id;
  }
  const operatingActive = coops.filter((c) => c.active && c.coop.status === 'OPERATING');
  for (const [n, c] of operatingActive.slice(0, 3).entries()) {
    const partner = n % 2 ? 'pertamina' : 'bulog';
    await createSupplyAgreement(dinas, {
      idempotencyKey: `demo-agreement-${n}`,
      cooperativeId: c.coop.id,
      partnerId: partners[partner],
      goods: partner === 'bulog' ? 'Beras SPHP 5 kg, Minyakita 1 L' : 'LPG 3 kg (sub-pangkalan)',
      terms: partner === 'bulog' ? 'Harga gudang Rp11.300/kg, bayar tunai saat ambil, kirim mingguan' : 'Kuota 250 tabung/bulan, bayar nontunai ke agen',
      startDate: addDays(today, -60 - n * 7),
    });
  }
  const sessions = [
    { key: 'rapbk', topic: 'RAPBK', title: 'Penyusunan RAPBK dan rencana kerja', startDate: addDays(today, -40), venue: 'Aula Dinas KUKM Kota Bandung' },
    { key: 'pembukuan', topic: 'BOOKKEEPING', title: 'Pembukuan koperasi dan laporan keuangan SAK EP', startDate: addDays(today, -12), venue: 'Gedung Creative Center Bandung' },
  ] as const;
  for (const [s, session] of sessions.entries()) {
    const created = await createTrainingSession(dinas, { idempotencyKey: `demo-training-${session.key}`, cityId, topic: session.topic, title: session.title, startDate: session.startDate, venue: session.venue });
    // A sample of the attendance (each mutation is a transaction, and `npm run dev` must start fast).
    const attending = coops.filter((_, n) => (n + s) % (s ? 25 : 15) === 0);
    for (const c of attending) {
      const place = c.coop.name.replace('KKMP ', '');
      await recordTrainingAttendance(dinas, {
        idempotencyKey: `demo-attend-${session.key}-${c.coop.id}`,
        cityId,
        sessionId: created.id,
        cooperativeId: c.coop.id,
        attendees: [{ name: `Ketua ${place}`, position: 'Ketua' }, { name: `Bendahara ${place}`, position: 'Bendahara' }],
      });
    }
  }
  const silent = coops.filter((c) => !c.active && c.coop.status !== 'FORMED').slice(0, 6);
  for (const [n, c] of silent.entries()) {
    const date = addDays(today, -(3 + n * 4));
    await recordFollowUp(dinas, {
      idempotencyKey: `demo-followup-${c.coop.id}`,
      cooperativeId: c.coop.id,
      date,
      kind: n % 3 === 0 ? 'MEETING_AT_CITY_HALL' : n % 3 === 1 ? 'VISIT' : 'CALL',
      constraints: [CONSTRAINTS[n % 3]!, ...(n % 4 === 0 ? [CONSTRAINTS[3 + (n % 4)]!] : [])],
      notes: 'Pengurus hadir; usaha belum berjalan.',
      actions: ['Ikut pelatihan pembukuan berikutnya', n % 2 ? 'Temu usaha dengan Perum Bulog' : 'Ajukan pinjaman modal ke bank Himbara'],
      // Every other one is due already: the overdue list has something to show.
      nextFollowUpDate: addDays(date, n % 2 ? 7 : 45),
    });
  }
}
